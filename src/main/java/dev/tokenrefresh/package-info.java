/** Token refresh filter: refreshes an expired OAuth 2.0 access token exactly once per session. */
package dev.tokenrefresh;
