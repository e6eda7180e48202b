package dev.tokenrefresh.internal.oidc.login;

import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.Nonce;
import java.io.Serializable;
import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * A login that left for the provider and has not come back: what the callback must see again
 * ({@code state}), must find in the ID token ({@code nonce}) and must prove it holds (the PKCE code
 * verifier), each fresh and random (256 bits) per login. Kept in the HTTP session and taken out
 * exactly once, so a callback cannot be replayed. Immutable and thread-safe; {@link #toString()}
 * shows no secret.
 *
 * @param state binds the callback to this browser session (login CSRF)
 * @param nonce binds the ID token to this login (token replay)
 * @param codeVerifier proves that whoever redeems the code started the login
 * @param redirectUri the callback address sent to the provider, sent again with the code
 * @param returnTo the path (and query) inside the application to go to after the login
 * @param startedAt when the login started; an old one is refused
 */
public record PendingLogin(
    String state,
    String nonce,
    String codeVerifier,
    URI redirectUri,
    String returnTo,
    Instant startedAt)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  /**
   * Requires what the caller of {@link #start} passes ({@code state}, {@code nonce} and {@code
   * codeVerifier} are made by it); {@code returnTo} must be a path of this application.
   */
  public PendingLogin {
    Objects.requireNonNull(redirectUri, "redirectUri");
    Objects.requireNonNull(startedAt, "startedAt");
    if (returnTo == null || !returnTo.startsWith("/") || returnTo.startsWith("//")) {
      throw new IllegalArgumentException("returnTo must be a path, was " + returnTo);
    }
  }

  /** A new login with fresh random state, nonce and code verifier. */
  public static PendingLogin start(URI redirectUri, String returnTo, Instant now) {
    return new PendingLogin(
        new State().getValue(),
        new Nonce().getValue(),
        new CodeVerifier().getValue(),
        redirectUri,
        returnTo,
        now);
  }

  State stateValue() {
    return new State(state);
  }

  Nonce nonceValue() {
    return new Nonce(nonce);
  }

  CodeVerifier verifier() {
    return new CodeVerifier(codeVerifier);
  }

  @Override
  public String toString() {
    return "PendingLogin[state=[redacted], nonce=[redacted], codeVerifier=[redacted], redirectUri="
        + redirectUri
        + ", returnTo="
        + returnTo
        + ", startedAt="
        + startedAt
        + "]";
  }
}
