package dev.tokenrefresh.it.sidebyside;

import dev.tokenrefresh.it.app.BusyThreadsServlet;
import dev.tokenrefresh.it.app.PlainTextBody;
import dev.tokenrefresh.it.sidebyside.app.BuiltInOidcSettings;
import dev.tokenrefresh.it.support.MockIdp;
import dev.tokenrefresh.it.support.TestDeployment;
import dev.tokenrefresh.it.support.TestSettings;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The WAR of Payara's built-in OpenID Connect client: no module, only the client's configuration
 * ({@code app/}), a protected echo resource, and the same busy-threads probe as the module's WAR,
 * against the {@code builtin} issuer of the same {@link MockIdp}.
 */
final class BuiltInDeployment {

  private BuiltInDeployment() {}

  static WebArchive create(String warName) {
    String settings =
        BuiltInOidcSettings.PROVIDER_URI + "=" + MockIdp.shared().builtInIssuer() + "\n";
    return ShrinkWrap.create(WebArchive.class, warName)
        .addPackage(BuiltInOidcSettings.class.getPackage())
        .addClasses(BusyThreadsServlet.class, PlainTextBody.class)
        .addAsResource(new StringAsset(settings), BuiltInOidcSettings.RESOURCE)
        .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
  }

  /**
   * The same WAR with the module and {@code token-refresh.builtin-oidc.takeover=true}: the module
   * refreshes for the built-in client, as the same client of the same {@code builtin} issuer, with
   * the module column's thresholds (breaker 3 faults, open 2 s; the refresh bounded at 15 s).
   */
  static WebArchive withTakeover(String warName, int maxBlocked) {
    Map<String, String> config = new TreeMap<>();
    config.put("token-refresh.builtin-oidc.takeover", "true");
    config.put("token-refresh.builtin-oidc.max-blocked", Integer.toString(maxBlocked));
    config.put("token-refresh.oidc.issuer", MockIdp.shared().builtInIssuer().toString());
    config.put("token-refresh.oidc.client-id", MockIdp.CLIENT_ID);
    config.put("token-refresh.oidc.client-secret", MockIdp.CLIENT_SECRET);
    config.put("token-refresh.oidc.connect-timeout", "1s");
    config.put("token-refresh.oidc.read-timeout", "6s");
    config.put("token-refresh.timeout", "15s");
    config.put(
        "token-refresh.breaker.failure-threshold",
        Integer.toString(TestSettings.BREAKER_FAILURE_THRESHOLD));
    config.put(
        "token-refresh.breaker.open-duration",
        TestSettings.BREAKER_OPEN_DURATION.toMillis() + "ms");
    return TestDeployment.withConfig(TestDeployment.addLibrary(create(warName)), config);
  }
}
