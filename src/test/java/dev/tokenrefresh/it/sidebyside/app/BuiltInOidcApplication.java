package dev.tokenrefresh.it.sidebyside.app;

import dev.tokenrefresh.it.support.MockIdp;
import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.OpenIdAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.openid.ClaimsDefinition;

/**
 * Payara's built-in OpenID Connect client (Jakarta Security 3.0, Soteria), configured as a user of
 * it would to refresh expired tokens: {@code tokenAutoRefresh = true}.
 *
 * <p>Two traps, both silent: an expression attribute must use the immediate {@code ${...}} syntax
 * (a deferred {@code #{...}} is silently ignored); and {@code tokenMinValidity} defaults to 10 000
 * ms, so any token living 10 s or less is "expired" from its first use and every request refreshes.
 * It is set to 0: a token counts as expired at its {@code exp}. The client id and secret are the
 * mock provider's (constants, inlined by the compiler).
 */
@ApplicationScoped
@DeclareRoles(BuiltInOidcApplication.ROLE)
@OpenIdAuthenticationMechanismDefinition(
    providerURI = "${sideBySideIdp.providerUri}",
    clientId = MockIdp.CLIENT_ID,
    clientSecret = MockIdp.CLIENT_SECRET,
    redirectURI = "${baseURL}/callback",
    claimsDefinition = @ClaimsDefinition(callerNameClaim = "sub", callerGroupsClaim = "groups"),
    tokenAutoRefresh = true,
    tokenMinValidity = 0)
public class BuiltInOidcApplication {

  /** The role every logged-in user has (the {@code groups} claim of the mock provider). */
  public static final String ROLE = MockIdp.BUILT_IN_GROUP;
}
