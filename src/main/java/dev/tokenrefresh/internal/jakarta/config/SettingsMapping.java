package dev.tokenrefresh.internal.jakarta.config;

import static dev.tokenrefresh.core.config.ConfigKey.*;

import dev.tokenrefresh.internal.core.RefreshSettings;
import dev.tokenrefresh.internal.core.cluster.ClusterSettings;
import dev.tokenrefresh.internal.jakarta.filter.FilterSettings;
import dev.tokenrefresh.internal.oidc.OidcClientSettingsBuilder;
import dev.tokenrefresh.jakarta.config.ConfigReader;
import dev.tokenrefresh.oidc.ClientAuthMethod;
import dev.tokenrefresh.oidc.ClientSigningKey;
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

  private SettingsMapping() {}

  /** The coordinator's thresholds; unset keys keep the documented defaults. */
  public static RefreshSettings refreshSettings(ConfigReader c) {
    RefreshSettings.Builder b = RefreshSettings.builder();
    c.duration(ROTATION_GRACE.key()).ifPresent(b::rotationGrace);
    c.integer(MAX_ATTEMPTS.key()).ifPresent(b::maxAttempts);
    c.duration(ATTEMPT_WINDOW.key()).ifPresent(b::attemptWindow);
    c.duration(COOLDOWN.key()).ifPresent(b::cooldown);
    c.integer(BREAKER_FAILURE_THRESHOLD.key()).ifPresent(b::breakerFailureThreshold);
    c.duration(BREAKER_OPEN_DURATION.key()).ifPresent(b::breakerOpenDuration);
    c.integer(BREAKER_HALF_OPEN_PROBES.key()).ifPresent(b::breakerHalfOpenProbes);
    c.integer(MAX_CONCURRENT.key()).ifPresent(b::maxConcurrent);
    c.integer(MAX_QUEUED.key()).ifPresent(b::maxQueued);
    c.duration(TIMEOUT.key()).ifPresent(b::timeout);
    c.bool(MEMORY_PRESSURE_ENABLED.key()).ifPresent(b::memoryPressureEnabled);
    c.decimal(MEMORY_PRESSURE_HEAP_FRACTION.key()).ifPresent(b::heapFraction);
    c.duration(MEMORY_PRESSURE_SAMPLE_INTERVAL.key()).ifPresent(b::memorySampleInterval);
    c.duration(CLEANUP_INTERVAL.key()).ifPresent(b::cleanupInterval);
    c.integer(MAX_TRACKED_SESSIONS.key()).ifPresent(b::maxTrackedSessions);
    return b.build();
  }

  /**
   * The cluster's thresholds ({@code token-refresh.cluster.*}); the mode and keys are read by the
   * cluster selection.
   */
  public static ClusterSettings clusterSettings(ConfigReader c) {
    ClusterSettings d = ClusterSettings.defaults();
    return new ClusterSettings(
        c.duration(CLUSTER_LEASE.key()).orElse(d.lease()),
        c.duration(CLUSTER_GRID_TIMEOUT.key()).orElse(d.gridTimeout()),
        c.duration(CLUSTER_SESSION_TTL.key()).orElse(d.sessionTtl()));
  }

  /** The filter's own settings. */
  public static FilterSettings filterSettings(ConfigReader c, RefreshSettings core) {
    FilterSettings d = FilterSettings.defaults(core.timeout());
    return new FilterSettings(
        c.bool(ENABLED.key()).orElse(d.enabled()),
        c.duration(REFRESH_AHEAD.key()).orElse(d.refreshAhead()),
        c.text(EXCLUDE_PATHS.key()).map(SettingsMapping::list).orElse(d.excludedPaths()),
        c.text(LOGIN_PATH.key()).orElse(d.loginPath()),
        c.bool(BEARER_HEADER.key()).orElse(d.bearerHeader()),
        core.timeout().plus(FilterSettings.WAIT_MARGIN),
        c.integer(MAX_SUSPENDED.key()).orElse(d.maxSuspended()),
        c.integer(MAX_SUSPENDED_PER_FLIGHT.key()).orElse(d.maxSuspendedPerFlight()));
  }

  /**
   * Whether the readiness check reports DOWN while the circuit breaker is open ({@code
   * token-refresh.health.breaker-open-down}, default {@code false}: an open breaker means the IdP
   * is failing, not the node, and requests with valid tokens still work).
   */
  public static boolean breakerOpenIsDown(ConfigReader c) {
    return c.bool(HEALTH_BREAKER_OPEN_DOWN.key()).orElse(HEALTH_BREAKER_OPEN_DOWN.defaultBool());
  }

  /**
   * The client's settings without the endpoints that discovery may still have to supply: the caller
   * completes them from {@code token-refresh.oidc.issuer} or {@code token-endpoint}.
   */
  public static OidcClientSettingsBuilder oidcSettings(ConfigReader c) {
    OidcClientSettingsBuilder b = dev.tokenrefresh.internal.oidc.OidcClientSettings.builder();
    c.text(OIDC_TOKEN_ENDPOINT.key())
        .map(v -> uri(OIDC_TOKEN_ENDPOINT.key(), v))
        .ifPresent(b::tokenEndpoint);
    c.text(OIDC_ISSUER.key()).map(v -> uri(OIDC_ISSUER.key(), v)).ifPresent(b::issuer);
    c.text(OIDC_CLIENT_ID.key()).ifPresent(b::clientId);
    c.text(OIDC_CLIENT_SECRET.key()).ifPresent(b::clientSecret);
    c.text(OIDC_CLIENT_AUTH.key()).map(ClientAuthMethod::fromKey).ifPresent(b::clientAuth);
    clientKey(c).ifPresent(b::clientKey);
    c.duration(OIDC_CONNECT_TIMEOUT.key()).ifPresent(b::connectTimeout);
    c.duration(OIDC_READ_TIMEOUT.key()).ifPresent(b::readTimeout);
    c.text(OIDC_JWKS_URI.key()).map(v -> uri(OIDC_JWKS_URI.key(), v)).ifPresent(b::jwksUri);
    c.text(OIDC_AUDIENCE.key()).ifPresent(b::audience);
    c.text(OIDC_ID_TOKEN_SIGNING_ALG.key()).ifPresent(b::idTokenSigningAlg);
    c.duration(OIDC_DEFAULT_TOKEN_LIFETIME.key()).ifPresent(b::defaultTokenLifetime);
    c.integer(OIDC_MAX_TOKEN_SIZE.key()).ifPresent(b::maxTokenSize);
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
    Optional<String> inline = c.text(OIDC_CLIENT_KEY.key());
    Optional<String> file = c.text(OIDC_CLIENT_KEY_FILE.key());
    Optional<String> keyId = c.text(OIDC_CLIENT_KEY_ID.key());
    Optional<String> alg = c.text(OIDC_CLIENT_KEY_ALG.key());
    if (inline.isPresent() && file.isPresent()) {
      throw new IllegalArgumentException(
          OIDC_CLIENT_KEY + " and " + OIDC_CLIENT_KEY_FILE + " are both set; set one of them");
    }
    if (inline.isEmpty() && file.isEmpty()) {
      if (keyId.isPresent() || alg.isPresent()) {
        throw new IllegalArgumentException(
            OIDC_CLIENT_KEY_ID
                + " and client-key-alg need "
                + OIDC_CLIENT_KEY
                + " or client-key-file");
      }
      return Optional.empty();
    }
    String text = inline.isPresent() ? inline.get() : read(OIDC_CLIENT_KEY_FILE.key(), file.get());
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
