package dev.tokenrefresh.it.sidebyside;

import dev.tokenrefresh.it.app.BusyThreadsServlet;
import dev.tokenrefresh.it.sidebyside.app.BuiltInOidcSettings;
import dev.tokenrefresh.it.support.MockIdp;
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
        .addClass(BusyThreadsServlet.class)
        .addAsResource(new StringAsset(settings), BuiltInOidcSettings.RESOURCE)
        .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
  }
}
