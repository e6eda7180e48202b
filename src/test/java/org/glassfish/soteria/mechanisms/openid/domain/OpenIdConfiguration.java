package org.glassfish.soteria.mechanisms.openid.domain;

/** Double of Soteria's configuration: the two values the adapter reads. */
public class OpenIdConfiguration {

  /** Double of Soteria's claims configuration. */
  public static class ClaimsConfiguration {
    public String getCallerGroupsClaim() {
      return "groups";
    }
  }

  public int getTokenMinValidity() {
    return 5000;
  }

  public ClaimsConfiguration getClaimsConfiguration() {
    return new ClaimsConfiguration();
  }
}
