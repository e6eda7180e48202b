package dev.tokenrefresh.it.sidebyside.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Where the built-in client's provider runs, for the {@code ${...}} expressions of {@link
 * BuiltInOidcApplication}: the mock identity provider listens on a port chosen when the test JVM
 * starts, so the test writes it into {@value #RESOURCE} when it builds the WAR. Thread-safe
 * (immutable after construction).
 */
@Named("sideBySideIdp")
@ApplicationScoped
public class BuiltInOidcSettings {

  /** The WAR's resource the test writes. */
  public static final String RESOURCE = "side-by-side-idp.properties";

  /** Key of the provider's issuer URI in {@link #RESOURCE}. */
  public static final String PROVIDER_URI = "provider-uri";

  private final String providerUri;

  /** Reads {@link #RESOURCE}. */
  public BuiltInOidcSettings() {
    Properties p = new Properties();
    try (InputStream in = BuiltInOidcSettings.class.getResourceAsStream("/" + RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the WAR");
      }
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    providerUri = p.getProperty(PROVIDER_URI);
  }

  /** The issuer URI; discovery is read from it. */
  public String getProviderUri() {
    return providerUri;
  }
}
