/**
 * An example web application for token-refresh-filter: OpenID Connect login (authorization code
 * with PKCE, state and nonce, all by Nimbus oauth2-oidc-sdk), the login's tokens handed to the
 * module's {@code TokenStore}, and {@code GET /api/me}, which proves with the provider's userinfo
 * endpoint that the access token the module keeps fresh is valid.
 *
 * <p>Packages: {@code config} (MicroProfile Config → settings), {@code oidc} (the provider's
 * endpoints and keys), {@code login} (login, callback, logout), {@code store} (a replacement {@code
 * TokenStore} that counts refreshes), {@code api} ({@code /api/me}).
 */
package dev.tokenrefresh.example;
