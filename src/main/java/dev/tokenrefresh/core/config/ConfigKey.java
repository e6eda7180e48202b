package dev.tokenrefresh.core.config;

import dev.tokenrefresh.internal.core.config.DurationSyntax;
import java.time.Duration;
import java.util.Optional;

/**
 * Every configuration key the library reads, with its default and what it is for: the one table
 * that the settings records (defaults, validation messages), the mapping from MicroProfile Config
 * and the test against README's configuration tables all read. Adding a key is one entry here (and
 * the line that maps it); README's table must list it with the same default, or the build fails.
 *
 * <p>A default of {@code null} means none, or one that is not a literal value (README says what,
 * e.g. "discovered"). Thread-safe (immutable).
 */
public enum ConfigKey {
  // identity provider (oidc adapter)
  OIDC_ISSUER(
      "token-refresh.oidc.issuer",
      null,
      "the issuer URL; the token endpoint and JWKS are discovered from it"),
  OIDC_TOKEN_ENDPOINT(
      "token-refresh.oidc.token-endpoint", null, "the token endpoint, when not discovered"),
  OIDC_CLIENT_ID("token-refresh.oidc.client-id", null, "the client id"),
  OIDC_CLIENT_SECRET("token-refresh.oidc.client-secret", null, "the client secret"),
  OIDC_CLIENT_AUTH(
      "token-refresh.oidc.client-auth",
      "client_secret_basic",
      "client_secret_basic, client_secret_post, private_key_jwt or none"),
  OIDC_CLIENT_KEY(
      "token-refresh.oidc.client-key",
      null,
      "private_key_jwt only: the client's private key (PKCS#8 PEM or private JWK); a secret"),
  OIDC_CLIENT_KEY_FILE(
      "token-refresh.oidc.client-key-file",
      null,
      "private_key_jwt only, instead of client-key: a file holding the PEM block or JWK"),
  OIDC_CLIENT_KEY_ID(
      "token-refresh.oidc.client-key-id",
      null,
      "the kid header of the assertions: the id under which the provider knows the public key"),
  OIDC_CLIENT_KEY_ALG("token-refresh.oidc.client-key-alg", null, "the assertions' JWS algorithm"),
  OIDC_CONNECT_TIMEOUT("token-refresh.oidc.connect-timeout", "4s", "HTTP connect timeout"),
  OIDC_READ_TIMEOUT("token-refresh.oidc.read-timeout", "10s", "HTTP read timeout"),
  OIDC_JWKS_URI(
      "token-refresh.oidc.jwks-uri", null, "JWK set used to validate refreshed ID tokens"),
  OIDC_AUDIENCE("token-refresh.oidc.audience", null, "expected aud of ID tokens"),
  OIDC_ID_TOKEN_SIGNING_ALG(
      "token-refresh.oidc.id-token-signing-alg", "RS256", "expected ID-token signature algorithm"),
  OIDC_DEFAULT_TOKEN_LIFETIME(
      "token-refresh.oidc.default-token-lifetime",
      "300s",
      "access-token lifetime assumed when neither expires_in nor a JWT exp says it"),
  OIDC_MAX_TOKEN_SIZE(
      "token-refresh.oidc.max-token-size", "16384", "largest accepted token, in characters"),
  // coordinator
  ROTATION_GRACE(
      "token-refresh.rotation-grace",
      "30s",
      "how long a rotated (or refused) refresh token still yields its replacement (or refusal)"),
  MAX_ATTEMPTS(
      "token-refresh.max-attempts", "5", "IdP calls one session may start within attempt-window"),
  ATTEMPT_WINDOW("token-refresh.attempt-window", "60s", "the sliding window of the attempt limit"),
  COOLDOWN(
      "token-refresh.cooldown", "30s", "how long a session that exceeded the limit is refused"),
  BREAKER_FAILURE_THRESHOLD(
      "token-refresh.breaker.failure-threshold",
      "3",
      "consecutive IdP faults that open the breaker"),
  BREAKER_OPEN_DURATION(
      "token-refresh.breaker.open-duration", "30s", "how long the open breaker refuses calls"),
  BREAKER_HALF_OPEN_PROBES(
      "token-refresh.breaker.half-open-probes", "1", "calls admitted at once while half-open"),
  MAX_CONCURRENT("token-refresh.max-concurrent", "10", "IdP calls running at once"),
  MAX_QUEUED("token-refresh.max-queued", "200", "new refresh flights waiting for a call slot"),
  TIMEOUT(
      "token-refresh.timeout", "30s", "bound of one IdP call and of a flight's wait for a slot"),
  MEMORY_PRESSURE_ENABLED(
      "token-refresh.memory-pressure.enabled",
      "true",
      "refuse new IdP calls when the heap is nearly full"),
  MEMORY_PRESSURE_HEAP_FRACTION(
      "token-refresh.memory-pressure.heap-fraction",
      "0.9",
      "used/max heap at which new calls are refused"),
  MEMORY_PRESSURE_SAMPLE_INTERVAL(
      "token-refresh.memory-pressure.sample-interval", "1s", "least time between two heap samples"),
  CLEANUP_INTERVAL(
      "token-refresh.cleanup-interval", "1m", "how often stale per-session state is removed"),
  MAX_TRACKED_SESSIONS(
      "token-refresh.max-tracked-sessions",
      "100000",
      "cap on per-session trackers and on grace entries"),
  // filter and the Jakarta edge
  ENABLED("token-refresh.enabled", "true", "false lets every request through untouched"),
  REFRESH_AHEAD(
      "token-refresh.refresh-ahead",
      "30s",
      "refresh when the access token expires within this margin"),
  EXCLUDE_PATHS(
      "token-refresh.exclude-paths", null, "comma-separated paths that pass through untouched"),
  LOGIN_PATH(
      "token-refresh.login-path",
      null,
      "where browser navigations go when the grant is dead, instead of 401"),
  BEARER_HEADER(
      "token-refresh.bearer-header",
      "false",
      "the application sees Authorization: Bearer <current access token>"),
  MAX_SUSPENDED(
      "token-refresh.max-suspended", "20000", "requests suspended waiting for refreshes, in total"),
  MAX_SUSPENDED_PER_FLIGHT(
      "token-refresh.max-suspended-per-flight",
      "10000",
      "requests suspended on one session's refresh"),
  EXECUTOR(
      "token-refresh.executor",
      "java:comp/DefaultManagedExecutorService",
      "JNDI name of the ManagedExecutorService that runs IdP calls"),
  SCHEDULED_EXECUTOR(
      "token-refresh.scheduled-executor",
      "java:comp/DefaultManagedScheduledExecutorService",
      "JNDI name of the ManagedScheduledExecutorService for timeouts and cleanup"),
  METRICS(
      "token-refresh.metrics",
      "auto",
      "the metrics adapter: auto, microprofile, opentelemetry, micrometer or none"),
  HEALTH_BREAKER_OPEN_DOWN(
      "token-refresh.health.breaker-open-down",
      "false",
      "true makes the readiness check DOWN while the circuit breaker is open"),
  // Payara's built-in OpenID Connect client, taken over (Jakarta Security 4.0)
  BUILTIN_OIDC_TAKEOVER(
      "token-refresh.builtin-oidc.takeover", "false", "take over the built-in client's refresh"),
  BUILTIN_OIDC_MAX_BLOCKED(
      "token-refresh.builtin-oidc.max-blocked",
      "20",
      "request threads that may wait for takeover refreshes at once"),
  // cluster
  CLUSTER("token-refresh.cluster", "auto", "how flight leaders are gated: auto, local or the grid"),
  CLUSTER_CACHE(
      "token-refresh.cluster.cache",
      "java:jboss/infinispan/cache/token-refresh/token-refresh",
      "JNDI name of the Infinispan cache the grid uses on WildFly"),
  CLUSTER_KEY(
      "token-refresh.cluster.key",
      null,
      "the AES-256 key sealing every grid value (base64 of 32 bytes); a secret"),
  CLUSTER_PREVIOUS_KEY(
      "token-refresh.cluster.previous-key",
      null,
      "the former key during a key rotation: opens values, never seals"),
  CLUSTER_LEASE(
      "token-refresh.cluster.lease", "10s", "how long a leading node's claim lasts unless renewed"),
  CLUSTER_GRID_TIMEOUT(
      "token-refresh.cluster.grid-timeout",
      "2s",
      "how long a refresh waits for the grid's first answer"),
  CLUSTER_SESSION_TTL(
      "token-refresh.cluster.session-ttl",
      "12h",
      "how long the grid keeps a session's current tokens after its last refresh"),
  // the login mechanism without discovery (dev.tokenrefresh.internal.jakarta.cdi.OidcEndpoints)
  OIDC_AUTHORIZATION_ENDPOINT(
      "token-refresh.oidc.authorization-endpoint",
      null,
      "login without discovery: the authorization endpoint"),
  OIDC_END_SESSION_ENDPOINT(
      "token-refresh.oidc.end-session-endpoint",
      null,
      "login without discovery: the end-session endpoint of RP-initiated logout"),
  // the login mechanism (jakarta.login)
  LOGIN_ENABLED(
      "token-refresh.login.enabled", "false", "true activates the HttpAuthenticationMechanism"),
  LOGIN_CALLBACK_PATH(
      "token-refresh.login.callback-path",
      "/oidc/callback",
      "where the provider sends the browser back"),
  LOGIN_LOGOUT_PATH(
      "token-refresh.login.logout-path",
      "/oidc/logout",
      "RP-initiated logout, POST only, with the session's CSRF token"),
  LOGIN_BACK_CHANNEL_LOGOUT_PATH(
      "token-refresh.login.back-channel-logout-path",
      "/oidc/back-channel-logout",
      "OpenID Connect Back-Channel Logout 1.0 endpoint"),
  LOGIN_REDIRECT_URI(
      "token-refresh.login.redirect-uri", null, "the absolute callback URL sent to the provider"),
  LOGIN_SCOPE("token-refresh.login.scope", "openid profile", "scopes asked for"),
  LOGIN_PRINCIPAL_CLAIM(
      "token-refresh.login.principal-claim",
      "preferred_username",
      "ID-token claim naming the caller"),
  LOGIN_GROUPS_CLAIM(
      "token-refresh.login.groups-claim", "groups", "dotted claim path of the caller's groups"),
  LOGIN_POST_LOGOUT_REDIRECT_URIS(
      "token-refresh.login.post-logout-redirect-uris",
      null,
      "comma-separated absolute URLs the provider may send the browser to after logout"),
  LOGIN_TRUST_FORWARDED_HEADERS(
      "token-refresh.login.trust-forwarded-headers",
      "false",
      "take scheme and host of the derived redirect URI from X-Forwarded-Proto / X-Forwarded-Host"),
  LOGIN_SECURE_COOKIE(
      "token-refresh.login.secure-cookie", "false", "mark the session cookie Secure"),
  LOGIN_LOGIN_TIMEOUT(
      "token-refresh.login.login-timeout", "10m", "how long a login may stay at the provider"),
  LOGIN_LOGOUT_TOKEN_MAX_AGE(
      "token-refresh.login.logout-token-max-age", "5m", "oldest iat of an accepted logout token"),
  LOGIN_MAX_SESSIONS(
      "token-refresh.login.max-sessions",
      "10000",
      "cap of the sessions a back-channel logout can find on this node, and of remembered logout-"),
  LOGIN_SESSION_INDEX_IDLE(
      "token-refresh.login.session-index-idle",
      "24h",
      "a session unseen this long leaves the back-channel index"),
  // not ours: the OpenTelemetry SDK's own switch, read to pick the metrics adapter
  OTEL_SDK_DISABLED("otel.sdk.disabled", "true", "the OpenTelemetry SDK's switch; false: enabled");

  private final String key;
  private final String defaultValue;
  private final String description;

  ConfigKey(String key, String defaultValue, String description) {
    this.key = key;
    this.defaultValue = defaultValue;
    this.description = description;
  }

  /** The full key, e.g. {@code token-refresh.max-attempts}. */
  public String key() {
    return key;
  }

  /** The default as configured text, as README shows it; empty when there is no literal one. */
  public Optional<String> defaultValue() {
    return Optional.ofNullable(defaultValue);
  }

  /** What the key is for, in a line. */
  public String description() {
    return description;
  }

  /** The default as a duration (see {@link DurationSyntax}). */
  public Duration defaultDuration() {
    return DurationSyntax.parse(key, literal());
  }

  /** The default as a whole number. */
  public int defaultInt() {
    return Integer.parseInt(literal());
  }

  /** The default as a decimal number. */
  public double defaultDecimal() {
    return Double.parseDouble(literal());
  }

  /** The default as {@code true} or {@code false}. */
  public boolean defaultBool() {
    return Boolean.parseBoolean(literal());
  }

  /** The key, so that messages can say {@code ConfigKey.TIMEOUT + " must be ..."}. */
  @Override
  public String toString() {
    return key;
  }

  private String literal() {
    if (defaultValue == null) {
      throw new IllegalStateException(key + " has no literal default");
    }
    return defaultValue;
  }
}
