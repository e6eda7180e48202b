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

  @Test
  void staleCopy_hoursAfterTheRotation_getsTheGridsTokensAndNeverRedeemsTheOldToken()
      throws Exception {
    RotatingIdp idp = new RotatingIdp();
    try (ClusterNodes cluster = new ClusterNodes().clustered(2, idp)) {
      SessionKey session = SessionKey.of("stale");
      TokenSet old = idp.login();
      TokenSet rotated =
          refresh(cluster.node(0).coordinator(), session, old).get(10, TimeUnit.SECONDS);
      cluster.time.advance(HOURS_LATER);

      TokenSet answer =
          refresh(cluster.node(1).coordinator(), session, old).get(10, TimeUnit.SECONDS);

      assertThat(answer).isEqualTo(rotated);
      assertThat(idp.presentations(old.refreshToken())).isEqualTo(1);
      assertThat(idp.calls()).isEqualTo(1);
      assertThat(cluster.node(1).metrics().count("stale.corrected")).isEqualTo(1);
    }
  }

  @Test
  void staleCopy_whoseGridTokensNeedARefreshToo_redeemsTheGridsRefreshTokenNotTheOldOne()
      throws Exception {
    RotatingIdp idp = new RotatingIdp();
    try (ClusterNodes cluster = new ClusterNodes().clustered(2, idp)) {
      SessionKey session = SessionKey.of("stale-and-expired");
      TokenSet old = idp.login();
      TokenSet rotated =
          refresh(cluster.node(0).coordinator(), session, old).get(10, TimeUnit.SECONDS);
      cluster.time.advance(HOURS_LATER);
      cluster.usable = t -> false;

      TokenSet answer =
          refresh(cluster.node(1).coordinator(), session, old).get(10, TimeUnit.SECONDS);

      assertThat(answer).isNotEqualTo(rotated);
      assertThat(idp.presentations(old.refreshToken())).isEqualTo(1);
      assertThat(idp.presentations(rotated.refreshToken())).isEqualTo(1);
      assertThat(idp.reuses()).isZero();
    }
  }

  @Test
  void negativeControl_localNodes_redeemTheStaleTokenAndTheProviderEndsTheSession()
      throws Exception {
    RotatingIdp idp = new RotatingIdp();
    try (ClusterNodes cluster = new ClusterNodes().local(2, idp)) {
      SessionKey session = SessionKey.of("stale-local");
      TokenSet old = idp.login();
      refresh(cluster.node(0).coordinator(), session, old).get(10, TimeUnit.SECONDS);
      cluster.time.advance(HOURS_LATER);

      Throwable failure = waitForFailure(refresh(cluster.node(1).coordinator(), session, old));

      assertThat(failure).isInstanceOf(GrantRevokedException.class);
      assertThat(idp.presentations(old.refreshToken())).isEqualTo(2);
    }
  }

  @Test
  void sessionRecord_ofANewLogin_isNotOverriddenByTheGridsOlderChain() throws Exception {
    RotatingIdp idp = new RotatingIdp();
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
}
