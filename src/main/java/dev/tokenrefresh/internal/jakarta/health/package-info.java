/** The MicroProfile Health readiness check; loaded only where the server provides the API. */
package dev.tokenrefresh.internal.jakarta.health;
