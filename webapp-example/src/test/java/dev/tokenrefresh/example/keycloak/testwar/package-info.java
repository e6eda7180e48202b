/**
 * Classes the Keycloak suite adds to a copy of the example's WAR ({@code NaiveRefreshWar}); they
 * are compiled with the tests and never part of the example itself.
 */
package dev.tokenrefresh.example.keycloak.testwar;
