/** Readiness: the verdict and figures the health check reports. Plain Java. */
package dev.tokenrefresh.internal.core.health;
