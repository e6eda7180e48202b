package dev.tokenrefresh.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.tokenrefresh.internal.oidc.ClientKeys;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ClientCredentialsTest {

  private static final String SECRET = "s3cr3t-value";
  private static final String KEY_PEM = ClientKeys.pkcs8Pem(ClientKeys.RSA.getPrivate());
  private static final ClientSigningKey KEY = ClientSigningKey.parse(KEY_PEM, "k1", null);

  /**
   * Valid credentials of each kind: what their {@code toString} shows, and the secret material it
   * must never show.
   */
  static Stream<Arguments> validCredentials() {
    return Stream.of(
        arguments(
            named(
                "a secret method's secret is redacted",
                new ClientCredentials("app", SECRET, null, ClientAuthMethod.CLIENT_SECRET_BASIC)),
            List.of("clientId=app", "clientSecret=[redacted]", "clientAuth=client_secret_basic"),
            SECRET),
        arguments(
            named(
                "private_key_jwt shows no key material",
                new ClientCredentials("app", null, KEY, ClientAuthMethod.PRIVATE_KEY_JWT)),
            List.of("clientSecret=absent", "keyId=k1", "key=[redacted]"),
            KEY_PEM.substring(40, 80)));
  }

  @ParameterizedTest
  @MethodSource("validCredentials")
  void validCredentials_areAccepted_andTheirToStringShowsNoSecret(
      ClientCredentials client, List<String> shown, String secret) {
    assertThat(client.toString()).contains(shown).doesNotContain(secret);
  }

  @Test
  void blankClientId_isRefused_namingTheKey() {
    assertThatThrownBy(() -> new ClientCredentials(" ", null, null, ClientAuthMethod.NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("token-refresh.oidc.client-id must be set");
  }

  @Test
  void secretMethod_withoutASecret_isRefused_namingTheKeyAndTheMethod() {
    assertThatThrownBy(
            () -> new ClientCredentials("app", " ", null, ClientAuthMethod.CLIENT_SECRET_POST))
        .hasMessage(
            "token-refresh.oidc.client-secret must be set when client-auth is client_secret_post");
  }

  @Test
  void publicClient_withASecret_isRefused_withoutShowingTheSecret() {
    assertThatThrownBy(() -> new ClientCredentials("app", SECRET, null, ClientAuthMethod.NONE))
        .hasMessage("token-refresh.oidc.client-secret must not be set for client-auth none")
        .message()
        .doesNotContain(SECRET);
  }

  @Test
  void privateKeyJwt_withoutAKey_isRefused_namingBothKeyKeys() {
    assertThatThrownBy(
            () -> new ClientCredentials("app", null, null, ClientAuthMethod.PRIVATE_KEY_JWT))
        .hasMessage(
            "token-refresh.oidc.client-key or token-refresh.oidc.client-key-file must be set when"
                + " client-auth is private_key_jwt");
  }

  @Test
  void secretMethod_withAKey_isRefused_becauseOnlyPrivateKeyJwtSigns() {
    assertThatThrownBy(
            () -> new ClientCredentials("app", SECRET, KEY, ClientAuthMethod.CLIENT_SECRET_BASIC))
        .hasMessageContaining("are for client-auth private_key_jwt only, not client_secret_basic");
  }
}
