package dev.tokenrefresh.testing;

import java.util.Collection;
import java.util.List;

/**
 * The library's public API: the types an application may touch, listed once. README's "Public API"
 * section lists the same names ({@code PublicApiTest} compares them), and the example application's
 * {@code PublicApiOnlyTest} fails when its code uses any other library type. Everything else may
 * change without notice. Shipped in the test-jar so that the example's test can read the list.
 *
 * <p>Thread-safe (immutable).
 */
public final class PublicApi {

  /** Fully qualified names of the public types (their nested types included). */
  public static final List<String> TYPES =
      List.of(
          "dev.tokenrefresh.jakarta.filter.TokenRefreshFilter",
          "dev.tokenrefresh.jakarta.cdi.TokenRefreshService",
          "dev.tokenrefresh.jakarta.store.TokenStore",
          "dev.tokenrefresh.jakarta.store.HttpSessionTokenStore",
          "dev.tokenrefresh.jakarta.metrics.MetricNames",
          "dev.tokenrefresh.jakarta.config.ConfigReader",
          "dev.tokenrefresh.core.config.ConfigKey",
          "dev.tokenrefresh.core.token.TokenSet",
          "dev.tokenrefresh.core.token.SessionKey",
          "dev.tokenrefresh.core.token.Fingerprint",
          "dev.tokenrefresh.core.metrics.RefreshCounts",
          "dev.tokenrefresh.core.error.RefreshException",
          "dev.tokenrefresh.core.error.GrantRevokedException",
          "dev.tokenrefresh.core.error.IdpFaultException",
          "dev.tokenrefresh.core.error.RefreshRejectedException",
          "dev.tokenrefresh.core.error.RejectionReason",
          "dev.tokenrefresh.core.error.FaultKind",
          "dev.tokenrefresh.oidc.ClientAuthMethod",
          "dev.tokenrefresh.oidc.ClientSigningKey",
          "dev.tokenrefresh.oidc.ClientCredentials",
          "dev.tokenrefresh.oidc.ClientAuthenticator",
          "dev.tokenrefresh.jakarta.login.OidcLogin");

  private PublicApi() {}

  /**
   * Whether {@code className} (binary name, {@code Outer$Inner} for nested types) is public API: a
   * listed type, a type nested in one, or not the library's at all.
   */
  public static boolean allows(String className) {
    return allows(className, TYPES);
  }

  /** {@link #allows(String)} against another list of public types (for negative controls). */
  public static boolean allows(String className, Collection<String> types) {
    if (!className.startsWith("dev.tokenrefresh.")
        || className.startsWith("dev.tokenrefresh.example.")) {
      return true;
    }
    int nested = className.indexOf('$');
    return types.contains(nested < 0 ? className : className.substring(0, nested));
  }
}
