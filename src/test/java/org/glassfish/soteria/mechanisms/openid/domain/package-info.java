/**
 * Test doubles of Soteria's token and context classes, under Soteria's own names, for {@code
 * dev.tokenrefresh.internal.jakarta.builtin.SoteriaTokensTest}: the adapter finds them by those
 * names, as it finds the real ones in Payara 7. Only what the adapter touches; they record what it
 * wrote.
 */
package org.glassfish.soteria.mechanisms.openid.domain;
