package dev.tokenrefresh.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenrefresh.internal.oidc.ClientKeys;
import org.junit.jupiter.api.Test;

class ClientCredentialsTest {

  private static final String SECRET = "s3cr3t-value";
  private static final ClientSigningKey KEY =
      ClientSigningKey.parse(ClientKeys.pkcs8Pem(ClientKeys.RSA.getPrivate()), "k1", null);

  @Test
  void secretMethod_withASecret_isValid_andItsToStringRedactsTheSecret() {
    ClientCredentials client =
        new ClientCredentials("app", SECRET, null, ClientAuthMethod.CLIENT_SECRET_BASIC);

    assertThat(client.toString())
        .contains("clientId=app", "clientSecret=[redacted]", "clientAuth=client_secret_basic")
        .doesNotContain(SECRET);
  }

  @Test
  void privateKeyJwt_withAKey_isValid_andItsToStringShowsNoKeyMaterial() {
    ClientCredentials client =
        new ClientCredentials("app", null, KEY, ClientAuthMethod.PRIVATE_KEY_JWT);

    assertThat(client.toString())
        .contains("clientSecret=absent", "keyId=k1", "key=[redacted]")
        .doesNotContain(ClientKeys.pkcs8Pem(ClientKeys.RSA.getPrivate()).substring(40, 80));
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
