package dev.tokenrefresh.internal.jakarta.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenrefresh.core.support.StandIn;
import dev.tokenrefresh.core.token.TokenSet;
import jakarta.enterprise.inject.Instance;
import jakarta.security.enterprise.identitystore.openid.OpenIdContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.glassfish.soteria.mechanisms.openid.domain.AccessTokenImpl;
import org.glassfish.soteria.mechanisms.openid.domain.IdentityTokenImpl;
import org.glassfish.soteria.mechanisms.openid.domain.OpenIdConfiguration;
import org.glassfish.soteria.mechanisms.openid.domain.OpenIdContextImpl;
import org.glassfish.soteria.mechanisms.openid.domain.RefreshTokenImpl;
import org.junit.jupiter.api.Test;

/**
 * The adapter over Soteria's context, against doubles under Soteria's class names (test sources,
 * {@code org.glassfish.soteria...domain}); the real classes are exercised by {@code
 * PayaraBuiltInTakeoverSideBySideIT} on Payara 7.
 */
class SoteriaTokensTest {

  private static final Instant NOW = Instant.parse("2026-12-03T07:00:00Z");

  private final OpenIdContextImpl context = new OpenIdContextImpl();
  private final SoteriaTokens tokens = new SoteriaTokens(context, beans(new OpenIdConfiguration()));

  private void holds(String access, long expiresIn, String identity, String refresh) {
    context.setAccessToken(new AccessTokenImpl("Bearer", access, expiresIn, "openid email", 5000));
    context.setIdentityToken(new IdentityTokenImpl(identity, 5000));
    context.setRefreshToken(new RefreshTokenImpl(refresh));
  }

  private static TokenSet fresh(String access, String refresh, String identity) {
    return new TokenSet(access, refresh, identity, NOW.plusSeconds(300), NOW);
  }

  @Test
  void expired_whenTheAccessTokenExpired_isTheSessionsTokensDueNow() {
    holds("at-1", 0, "id-1", "rt-1");

    TokenSet current = tokens.expired(NOW).orElseThrow();

    assertThat(current.accessToken()).isEqualTo("at-1");
    assertThat(current.refreshToken()).isEqualTo("rt-1");
    assertThat(current.idToken()).isEqualTo("id-1");
    assertThat(current.needsRefresh(NOW, Duration.ZERO)).isTrue();
  }

  @Test
  void expired_whenOnlyTheIdTokenExpired_isDueToo() {
    holds("at-1", 60, "expired-id", "rt-1");
    assertThat(tokens.expired(NOW)).isPresent();
  }

  @Test
  void expired_whenBothAreValid_orThereIsNoRefreshToken_isEmpty() {
    holds("at-1", 60, "id-1", "rt-1");
    assertThat(tokens.expired(NOW)).isEmpty();

    holds("at-1", 0, "id-1", "rt-1");
    context.setRefreshToken(null);
    assertThat(tokens.expired(NOW)).isEmpty();
  }

  @Test
  void expired_beforeLogin_isEmpty() {
    assertThat(tokens.expired(NOW)).isEmpty();
  }

  @Test
  void replace_writesTheNewTokens_withTheClientsMinValidity_andTheOldScope() {
    holds("at-1", 0, "id-1", "rt-1");
    TokenSet current = tokens.expired(NOW).orElseThrow();

    assertThat(tokens.replace(current, fresh("at-2", "rt-2", "id-2"), NOW)).isTrue();

    AccessTokenImpl access = (AccessTokenImpl) context.getAccessToken();
    assertThat(access.token).isEqualTo("at-2");
    assertThat(access.tokenType).isEqualTo("Bearer");
    assertThat(access.expiresIn).isEqualTo(300L);
    assertThat(access.scope.split(" ")).containsExactlyInAnyOrder("openid", "email");
    assertThat(access.tokenMinValidity).isEqualTo(5000L);
    assertThat(context.getRefreshToken().orElseThrow().getToken()).isEqualTo("rt-2");
    assertThat(((IdentityTokenImpl) context.getIdentityToken()).token).isEqualTo("id-2");
    assertThat(context.getExpiresIn()).contains(300L);
    assertThat(tokens.expired(NOW)).as("valid now").isEmpty();
  }

  @Test
  void replace_withoutANewIdToken_keepsTheOldOne() {
    holds("at-1", 0, "id-1", "rt-1");
    TokenSet current = tokens.expired(NOW).orElseThrow();

    tokens.replace(current, fresh("at-2", "rt-2", "id-1"), NOW);

    assertThat(((IdentityTokenImpl) context.getIdentityToken()).token).isEqualTo("id-1");
  }

  @Test
  void replace_afterAnotherRequestStoredNewerTokens_keepsThem() {
    holds("at-1", 0, "id-1", "rt-1");
    TokenSet current = tokens.expired(NOW).orElseThrow();
    holds("at-3", 60, "id-3", "rt-3");

    assertThat(tokens.replace(current, fresh("at-2", "rt-2", "id-2"), NOW)).isFalse();

    assertThat(context.getAccessToken().getToken()).isEqualTo("at-3");
    assertThat(context.getRefreshToken().orElseThrow().getToken()).isEqualTo("rt-3");
  }

  @Test
  void replace_sameTokensTwice_isIdempotent() {
    holds("at-1", 0, "id-1", "rt-1");
    TokenSet current = tokens.expired(NOW).orElseThrow();
    TokenSet next = fresh("at-2", "rt-2", "id-2");
    tokens.replace(current, next, NOW);
    Object written = context.getAccessToken();

    assertThat(tokens.replace(current, next, NOW)).isTrue();
    assertThat(context.getAccessToken()).isSameAs(written);
  }

  @Test
  void replace_afterLogout_writesNothing() {
    holds("at-1", 0, "id-1", "rt-1");
    TokenSet current = tokens.expired(NOW).orElseThrow();
    context.setRefreshToken(null);

    assertThat(tokens.replace(current, fresh("at-2", "rt-2", "id-2"), NOW)).isFalse();
    assertThat(context.getAccessToken().getToken()).isEqualTo("at-1");
  }

  @Test
  void replace_aTokenSoteriaRefuses_failsWithoutQuotingIt() {
    holds("at-1", 0, "id-1", "rt-1");
    TokenSet current = tokens.expired(NOW).orElseThrow();

    assertThatThrownBy(
            () -> tokens.replace(current, fresh("at-2", "rt-2", "bad-secret-id-token"), NOW))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("IdentityTokenImpl refused the refreshed token")
        .hasMessageNotContaining("bad-secret-id-token")
        .hasNoCause();
  }

  @Test
  void callerGroups_areTheNewAccessTokensGroupsClaim_elseTheIdTokens() {
    holds("at-1", 60, "id-1", "rt-1");
    ((IdentityTokenImpl) context.getIdentityToken()).groups = List.of("from-id");
    assertThat(tokens.callerGroups()).containsExactly("from-id");

    ((AccessTokenImpl) context.getAccessToken()).groups = List.of("user", "admin");
    assertThat(tokens.callerGroups()).containsExactlyInAnyOrder("user", "admin");
  }

  @Test
  void aContextThatIsNotSoteriasIsRefused_namingTheClassItNeeds() {
    OpenIdContext foreign = StandIn.of(OpenIdContext.class, (proxy, method, args) -> null);

    assertThatThrownBy(() -> new SoteriaTokens(foreign, beans(new OpenIdConfiguration())))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(SoteriaTokens.CONTEXT_IMPL);
  }

  /** CDI's {@code Instance} answering {@code select(type).get()} with {@code configuration}. */
  @SuppressWarnings("unchecked")
  private static Instance<Object> beans(Object configuration) {
    Instance<?> selected =
        StandIn.answering(Instance.class).answer("get", configuration).refusingTheRest();
    return StandIn.answering(Instance.class).answer("select", selected).refusingTheRest();
  }
}
