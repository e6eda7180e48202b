package dev.tokenrefresh.internal.oidc.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Caller name and groups from the ID token, by the configured claim and claim path. */
class CallerMappingTest {

  private static JWTClaimsSet.Builder claims() {
    return new JWTClaimsSet.Builder().subject("sub-1").claim("sid", "sid-1");
  }

  @Test
  void caller_nameFromPrincipalClaim_groupsFromFlatClaim() {
    Caller c =
        new CallerMapping("preferred_username", "groups")
            .caller(
                claims()
                    .claim("preferred_username", "alice")
                    .claim("groups", List.of("user", "admin"))
                    .build(),
                "opaque",
                "csrf");
    assertThat(c.name()).isEqualTo("alice");
    assertThat(c.groups()).containsExactly("user", "admin");
    assertThat(c.sid()).isEqualTo("sid-1");
  }

  @Test
  void caller_groupsFromNestedPath() {
    Caller c =
        new CallerMapping("preferred_username", "realm_access.roles")
            .caller(
                claims().claim("realm_access", Map.of("roles", List.of("user", 7))).build(),
                "opaque",
                "csrf");
    assertThat(c.groups()).containsExactly("user");
    assertThat(c.name()).isEqualTo("sub-1");
  }

  @Test
  void caller_groupsFromAccessToken_whenIdTokenHasNone() {
    String access =
        new PlainJWT(
                new JWTClaimsSet.Builder()
                    .claim("realm_access", Map.of("roles", List.of("admin")))
                    .build())
            .serialize();
    Caller c =
        new CallerMapping("sub", "realm_access.roles").caller(claims().build(), access, "csrf");
    assertThat(c.groups()).containsExactly("admin");
  }

  @Test
  void caller_withoutSub_is401() {
    assertThatThrownBy(
            () ->
                new CallerMapping("sub", "groups")
                    .caller(new JWTClaimsSet.Builder().build(), "opaque", "csrf"))
        .isInstanceOfSatisfying(LoginFailure.class, f -> assertThat(f.status()).isEqualTo(401));
  }

  @Test
  void caller_toString_showsNoCsrfToken() {
    assertThat(new Caller("a", List.of(), "s", "x", "secret-csrf").toString())
        .doesNotContain("secret-csrf");
  }
}
