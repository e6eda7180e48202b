package dev.tokenrefresh.internal.core.cluster;

import static dev.tokenrefresh.internal.core.cluster.LeaseRenewalTest.refresh;
import static dev.tokenrefresh.internal.core.cluster.LeaseRenewalTest.waitForFailure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenrefresh.core.error.GrantRevokedException;
import dev.tokenrefresh.core.token.SessionKey;
import dev.tokenrefresh.core.token.TokenSet;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A session copy saved back with a rotated refresh token (a stale writer) gets the grid's tokens,
 * however long after the rotation, and never redeems the old token.
 */
class StaleCopyTest {

  private static final Duration HOURS_LATER = Duration.ofHours(3);

  private final RotatingIdp idp = new RotatingIdp();

  /** A session whose tokens node 0 rotated; node 1's copy of it still holds the old ones. */
  private record StaleSession(SessionKey key, TokenSet old, TokenSet rotated) {}

  @Test
  void staleCopy_hoursAfterTheRotation_getsTheGridsTokensAndNeverRedeemsTheOldToken()
      throws Exception {
    try (ClusterNodes cluster = new ClusterNodes().clustered(2, idp)) {
      StaleSession stale = rotatedOnNodeZeroHoursAgo(cluster, "stale");

      TokenSet answer = refreshOnNodeOne(cluster, stale);

      assertThat(answer).isEqualTo(stale.rotated());
      assertThat(idp.presentations(stale.old().refreshToken())).isEqualTo(1);
      assertThat(idp.calls()).isEqualTo(1);
      assertThat(cluster.node(1).metrics().count("stale.corrected")).isEqualTo(1);
    }
  }

  @Test
  void staleCopy_whoseGridTokensNeedARefreshToo_redeemsTheGridsRefreshTokenNotTheOldOne()
      throws Exception {
    try (ClusterNodes cluster = new ClusterNodes().clustered(2, idp)) {
      StaleSession stale = rotatedOnNodeZeroHoursAgo(cluster, "stale-and-expired");
      cluster.usable = t -> false;

      TokenSet answer = refreshOnNodeOne(cluster, stale);

      assertThat(answer).isNotEqualTo(stale.rotated());
      assertThat(idp.presentations(stale.old().refreshToken())).isEqualTo(1);
      assertThat(idp.presentations(stale.rotated().refreshToken())).isEqualTo(1);
      assertThat(idp.reuses()).isZero();
    }
  }

  @Test
  void negativeControl_localNodes_redeemTheStaleTokenAndTheProviderEndsTheSession()
      throws Exception {
    try (ClusterNodes cluster = new ClusterNodes().local(2, idp)) {
      StaleSession stale = rotatedOnNodeZeroHoursAgo(cluster, "stale-local");

      Throwable failure =
          waitForFailure(refresh(cluster.node(1).coordinator(), stale.key(), stale.old()));

      assertThat(failure).isInstanceOf(GrantRevokedException.class);
      assertThat(idp.presentations(stale.old().refreshToken())).isEqualTo(2);
    }
  }

  @Test
  void sessionRecord_ofANewLogin_isNotOverriddenByTheGridsOlderChain() throws Exception {
    try (ClusterNodes cluster = new ClusterNodes().clustered(2, idp)) {
      SessionKey session = SessionKey.of("relogin");
      refresh(cluster.node(0).coordinator(), session, idp.login()).get(10, TimeUnit.SECONDS);
      TokenSet relogin = idp.login();

      TokenSet answer =
          refresh(cluster.node(1).coordinator(), session, relogin).get(10, TimeUnit.SECONDS);

      assertThat(idp.presentations(relogin.refreshToken())).isEqualTo(1);
      assertThat(answer.refreshToken()).isNotEqualTo(relogin.refreshToken());
      assertThat(cluster.count("stale.corrected")).isZero();
    }
  }

  /** Logs in, lets node 0 rotate the tokens, then moves the clock on by hours. */
  private StaleSession rotatedOnNodeZeroHoursAgo(ClusterNodes cluster, String session)
      throws Exception {
    SessionKey key = SessionKey.of(session);
    TokenSet old = idp.login();
    TokenSet rotated = refresh(cluster.node(0).coordinator(), key, old).get(10, TimeUnit.SECONDS);
    cluster.time.advance(HOURS_LATER);
    return new StaleSession(key, old, rotated);
  }

  /** Node 1 refreshes the stale copy it holds and waits for the answer. */
  private static TokenSet refreshOnNodeOne(ClusterNodes cluster, StaleSession stale)
      throws Exception {
    return refresh(cluster.node(1).coordinator(), stale.key(), stale.old())
        .get(10, TimeUnit.SECONDS);
  }
}
