package dev.tokenrefresh.internal.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSObject;
import com.nimbusds.oauth2.sdk.TokenRequest;
import dev.tokenrefresh.core.support.LogCapture;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import net.minidev.json.JSONObject;
import org.junit.jupiter.api.Test;

class NimbusOriginTest {

  @Test
  void librariesFromTheSdksClassLoader_areNoMix() {
    assertThat(
            NimbusOrigin.mixed(
                NimbusOrigin.Loaded.of("oauth2-oidc-sdk", TokenRequest.class),
                List.of(
                    NimbusOrigin.Loaded.of("nimbus-jose-jwt", JWSObject.class),
                    NimbusOrigin.Loaded.of("json-smart", JSONObject.class))))
        .isEmpty();
  }

  @Test
  void loaded_readsTheJarsVersionAndLocation() {
    NimbusOrigin.Loaded jose = NimbusOrigin.Loaded.of("nimbus-jose-jwt", JWSObject.class);

    assertThat(jose.version()).isEqualTo("10.9.1");
    assertThat(jose.location()).endsWith("nimbus-jose-jwt-10.9.1.jar");
  }

  /**
   * What Payara does without {@code <class-loader delegate="false"/>}: nimbus-jose-jwt defined by
   * another class loader than the SDK's (here a second loader over the same jar, as Payara's
   * runtime loader holds its own copy).
   */
  @Test
  void joseFromAnotherClassLoader_isAMix_namedWithVersionsAndTheFix() throws Exception {
    URL joseJar = JWSObject.class.getProtectionDomain().getCodeSource().getLocation();
    try (URLClassLoader server =
        new URLClassLoader(new URL[] {joseJar}, ClassLoader.getPlatformClassLoader())) {
      Class<?> serversJose = Class.forName(JWSObject.class.getName(), false, server);

      String warning =
          NimbusOrigin.mixed(
                  NimbusOrigin.Loaded.of("oauth2-oidc-sdk", TokenRequest.class),
                  List.of(
                      NimbusOrigin.Loaded.of("nimbus-jose-jwt", serversJose),
                      NimbusOrigin.Loaded.of("json-smart", JSONObject.class)))
              .orElseThrow();

      assertThat(warning)
          .startsWith("token-refresh-filter runs oauth2-oidc-sdk 11.38.2 from ")
          .contains("with nimbus-jose-jwt 10.9.1 from " + joseJar + ", another class loader's copy")
          .doesNotContain("json-smart")
          .contains("NoSuchMethodError")
          .contains("WEB-INF/payara-web.xml with <class-loader delegate=\"false\"/>");
    }
  }

  @Test
  void warnIfMixed_onOneClassPath_logsNothing() {
    try (LogCapture log = LogCapture.of(NimbusOrigin.class)) {
      NimbusOrigin.warnIfMixed();

      assertThat(log.records()).isEmpty();
    }
  }
}
