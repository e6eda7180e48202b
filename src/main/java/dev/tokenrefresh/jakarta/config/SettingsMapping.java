package dev.tokenrefresh.jakarta.config;

import dev.tokenrefresh.core.RefreshSettings;
import dev.tokenrefresh.core.cluster.ClusterSettings;
import dev.tokenrefresh.jakarta.filter.FilterSettings;
import dev.tokenrefresh.oidc.ClientAuthMethod;
import dev.tokenrefresh.oidc.ClientSigningKey;
import dev.tokenrefresh.oidc.OidcClientSettingsBuilder;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The one place that maps {@code token-refresh.*} configuration keys onto the settings records. The
 * records validate; this class only reads and converts. Thread-safe (stateless).
 */
public final class SettingsMapping {

  private static final String P = RefreshSettings.PREFIX;

  private SettingsMapping() {}

  /** The coordinator's thresholds; unset keys keep the documented defaults. */
  public static RefreshSettings refreshSettings(ConfigReader c) {
    RefreshSettings.Builder b = RefreshSettings.builder();
    c.duration(P + "rotation-grace").ifPresent(b::rotationGrace);
    c.integer(P + "max-attempts").ifPresent(b::maxAttempts);
    c.duration(P + "attempt-window").ifPresent(b::attemptWindow);
    c.duration(P + "cooldown").ifPresent(b::cooldown);
    c.integer(P + "breaker.failure-threshold").ifPresent(b::breakerFailureThreshold);
    c.duration(P + "breaker.open-duration").ifPresent(b::breakerOpenDuration);
    c.integer(P + "breaker.half-open-probes").ifPresent(b::breakerHalfOpenProbes);
    c.integer(P + "max-concurrent").ifPresent(b::maxConcurrent);
    c.integer(P + "max-queued").ifPresent(b::maxQueued);
    c.duration(P + "timeout").ifPresent(b::timeout);
    c.bool(P + "memory-pressure.enabled").ifPresent(b::memoryPressureEnabled);
    c.decimal(P + "memory-pressure.heap-fraction").ifPresent(b::heapFraction);
    c.duration(P + "memory-pressure.sample-interval").ifPresent(b::memorySampleInterval);
    c.duration(P + "cleanup-interval").ifPresent(b::cleanupInterval);
    c.integer(P + "max-tracked-sessions").ifPresent(b::maxTrackedSessions);
    return b.build();
  }

  /**
   * The cluster's thresholds ({@code token-refresh.cluster.*}); the mode and keys are read by the
   * cluster selection.
   */
  public static ClusterSettings clusterSettings(ConfigReader c) {
    ClusterSettings d = ClusterSettings.defaults();
    String k = P + "cluster.";
    return new ClusterSettings(
        c.duration(k + "lease").orElse(d.lease()),
        c.duration(k + "grid-timeout").orElse(d.gridTimeout()),
        c.duration(k + "session-ttl").orElse(d.sessionTtl()));
  }

  /** The filter's own settings. */
  public static FilterSettings filterSettings(ConfigReader c, RefreshSettings core) {
    FilterSettings d = FilterSettings.defaults(core.timeout());
    return new FilterSettings(
        c.bool(P + "enabled").orElse(d.enabled()),
        c.duration(P + "refresh-ahead").orElse(d.refreshAhead()),
        c.text(P + "exclude-paths").map(SettingsMapping::list).orElse(d.excludedPaths()),
        c.text(P + "login-path").orElse(d.loginPath()),
        c.bool(P + "bearer-header").orElse(d.bearerHeader()),
        core.timeout().plus(FilterSettings.WAIT_MARGIN),
        c.integer(P + "max-suspended").orElse(d.maxSuspended()),
        c.integer(P + "max-suspended-per-flight").orElse(d.maxSuspendedPerFlight()));
  }

  /**
   * Whether the readiness check reports DOWN while the circuit breaker is open ({@code
   * token-refresh.health.breaker-open-down}, default {@code false}: an open breaker means the IdP
   * is failing, not the node, and requests with valid tokens still work).
   */
  public static boolean breakerOpenIsDown(ConfigReader c) {
    return c.bool(P + "health.breaker-open-down").orElse(false);
  }

  /**
   * The client's settings without the endpoints that discovery may still have to supply: the caller
   * completes them from {@code token-refresh.oidc.issuer} or {@code token-endpoint}.
   */
  public static OidcClientSettingsBuilder oidcSettings(ConfigReader c) {
    String o = P + "oidc.";
    OidcClientSettingsBuilder b = dev.tokenrefresh.oidc.OidcClientSettings.builder();
    c.text(o + "token-endpoint").map(v -> uri(o + "token-endpoint", v)).ifPresent(b::tokenEndpoint);
    c.text(o + "issuer").map(v -> uri(o + "issuer", v)).ifPresent(b::issuer);
    c.text(o + "client-id").ifPresent(b::clientId);
    c.text(o + "client-secret").ifPresent(b::clientSecret);
    c.text(o + "client-auth").map(ClientAuthMethod::fromKey).ifPresent(b::clientAuth);
    clientKey(c).ifPresent(b::clientKey);
    c.duration(o + "connect-timeout").ifPresent(b::connectTimeout);
    c.duration(o + "read-timeout").ifPresent(b::readTimeout);
    c.text(o + "jwks-uri").map(v -> uri(o + "jwks-uri", v)).ifPresent(b::jwksUri);
    c.text(o + "audience").ifPresent(b::audience);
    c.text(o + "id-token-signing-alg").ifPresent(b::idTokenSigningAlg);
    c.duration(o + "default-token-lifetime").ifPresent(b::defaultTokenLifetime);
    c.integer(o + "max-token-size").ifPresent(b::maxTokenSize);
    return b;
  }

  /**
   * The private key of {@code private_key_jwt}: {@code token-refresh.oidc.client-key} (a PKCS#8 PEM
   * block or a private JWK, best given by an environment variable or a secret store) or {@code
   * client-key-file} (a file holding either), with {@code client-key-id} and {@code
   * client-key-alg}.
   *
   * @return empty when neither key nor file is set
   * @throws IllegalArgumentException naming the key; never quoting the private key
   */
  public static Optional<ClientSigningKey> clientKey(ConfigReader c) {
    String o = P + "oidc.";
    Optional<String> inline = c.text(o + "client-key");
    Optional<String> file = c.text(o + "client-key-file");
    Optional<String> keyId = c.text(o + "client-key-id");
    Optional<String> alg = c.text(o + "client-key-alg");
    if (inline.isPresent() && file.isPresent()) {
      throw new IllegalArgumentException(
          o + "client-key and " + o + "client-key-file are both set; set one of them");
    }
    if (inline.isEmpty() && file.isEmpty()) {
      if (keyId.isPresent() || alg.isPresent()) {
        throw new IllegalArgumentException(
            o + "client-key-id and client-key-alg need " + o + "client-key or client-key-file");
      }
      return Optional.empty();
    }
    String text = inline.isPresent() ? inline.get() : read(o + "client-key-file", file.get());
    return Optional.of(ClientSigningKey.parse(text, keyId.orElse(null), alg.orElse(null)));
  }

  private static String read(String key, String path) {
    try {
      return Files.readString(Path.of(path.trim()), StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException(
          key + " cannot be read: " + path.trim() + " (" + e.getClass().getSimpleName() + ")");
    }
  }

  private static List<String> list(String v) {
    return Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  private static URI uri(String key, String v) {
    try {
      URI u = URI.create(v);
      if (u.getScheme() == null || u.getHost() == null) {
        throw new IllegalArgumentException("no scheme or host");
      }
      return u;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(key + " must be an absolute URL, was '" + v + "'", e);
    }
  }
}
