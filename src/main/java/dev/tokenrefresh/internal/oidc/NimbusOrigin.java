package dev.tokenrefresh.internal.oidc;

import com.nimbusds.jose.JWSObject;
import com.nimbusds.oauth2.sdk.TokenRequest;
import java.security.CodeSource;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import net.minidev.json.JSONObject;

/**
 * Where the Nimbus libraries the module runs with were loaded from, checked once at start. The
 * module is built against the oauth2-oidc-sdk, nimbus-jose-jwt and json-smart that the WAR carries
 * in {@code WEB-INF/lib}. A server that ships its own copy and asks its own class loader first
 * makes the WAR run with a mix: Payara 6.2025.10 has nimbus-jose-jwt 10.5.0 and json-smart 2.6.0 in
 * its runtime, and its web class loader delegates to its parent first unless {@code
 * WEB-INF/payara-web.xml} says {@code <class-loader delegate="false"/>}; the WAR's oauth2-oidc-sdk
 * 11.38.2 (built against nimbus-jose-jwt 10.9.1) then runs on Payara's 10.5.0. Nothing fails until
 * a code path calls a method the older copy lacks ({@code NoSuchMethodError} in a request), so the
 * mix is logged as a WARNING at start. A server that supplies all of them itself (none in the WAR)
 * is no mix. Stateless; thread-safe.
 */
public final class NimbusOrigin {

  private static final Logger LOG = Logger.getLogger(NimbusOrigin.class.getName());

  private NimbusOrigin() {}

  /**
   * One library as loaded.
   *
   * @param library its Maven artifact id
   * @param loader the class loader that defined its classes
   * @param version its {@code Implementation-Version}, or {@code ?} (json-smart names none)
   * @param location the jar it came from, or {@code ?}
   */
  public record Loaded(String library, ClassLoader loader, String version, String location) {

    /** The library that defined {@code type}. */
    public static Loaded of(String library, Class<?> type) {
      String version =
          type.getPackage() == null ? null : type.getPackage().getImplementationVersion();
      CodeSource source = type.getProtectionDomain().getCodeSource();
      return new Loaded(
          library,
          type.getClassLoader(),
          Objects.requireNonNullElse(version, "?"),
          source == null || source.getLocation() == null ? "?" : source.getLocation().toString());
    }

    @Override
    public String toString() {
      return library + ("?".equals(version) ? "" : " " + version) + " from " + location;
    }
  }

  /** Logs a WARNING when the Nimbus libraries in use do not all come from where the SDK came. */
  public static void warnIfMixed() {
    mixed(
            Loaded.of("oauth2-oidc-sdk", TokenRequest.class),
            List.of(
                Loaded.of("nimbus-jose-jwt", JWSObject.class),
                Loaded.of("json-smart", JSONObject.class)))
        .ifPresent(LOG::warning);
  }

  /**
   * The warning for libraries that a class loader other than the SDK's defined, if any.
   *
   * @param sdk oauth2-oidc-sdk as loaded
   * @param others the libraries it calls, as loaded
   */
  public static Optional<String> mixed(Loaded sdk, List<Loaded> others) {
    List<Loaded> elsewhere = others.stream().filter(l -> l.loader() != sdk.loader()).toList();
    if (elsewhere.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        "token-refresh-filter runs "
            + sdk
            + " with "
            + elsewhere.stream().map(Loaded::toString).collect(Collectors.joining(" and "))
            + ", another class loader's copy: the server's own took precedence over the WAR's."
            + " A call into a method that copy lacks fails with NoSuchMethodError. On Payara add"
            + " WEB-INF/payara-web.xml with <class-loader delegate=\"false\"/> so that the WAR's"
            + " copies win (README, \"Add it to your WAR\").");
  }
}
