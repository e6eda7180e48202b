/**
 * Optional takeover of the refresh of Jakarta Security's built-in OpenID Connect client
 * ({@code @OpenIdAuthenticationMechanismDefinition(tokenAutoRefresh = true)}): a Jakarta Security
 * 4.0 {@code HttpAuthenticationMechanismHandler} that sends the built-in mechanism's expired-token
 * path through the module's coordinator. Registered by {@link
 * dev.tokenrefresh.internal.jakarta.builtin.TakeoverExtension} only where the 4.0 API exists
 * (Jakarta EE 11) and {@code token-refresh.builtin-oidc.takeover=true}; on Jakarta EE 10 servers
 * none of the classes that name 4.0 types is ever loaded.
 */
package dev.tokenrefresh.internal.jakarta.builtin;
