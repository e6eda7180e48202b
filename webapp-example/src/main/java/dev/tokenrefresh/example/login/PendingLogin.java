package dev.tokenrefresh.example.login;

import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.Nonce;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * A login that left for the provider and has not come back yet: the values the callback must see
 * again (state), must find in the ID token (nonce), and must prove it holds (PKCE code verifier),
 * each fresh and random per login. Kept in the HTTP session and taken out exactly once, so a
 * callback cannot be replayed. One pending login per session: a second login started in another tab
 * replaces the first. Immutable and thread-safe; {@link #toString()} shows no secret.
 *
 * @param state binds the callback to this browser session (login CSRF)
 * @param nonce binds the ID token to this login (token replay)
 * @param codeVerifier proves that whoever redeems the code started the login (code interception)
 * @param redirectUri the callback address sent to the provider, sent again with the code
 */
public record PendingLogin(State state, Nonce nonce, CodeVerifier codeVerifier, URI redirectUri)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The session attribute that holds it. */
  static final String ATTRIBUTE = "example.pending-login";

  /** Requires every part. */
  public PendingLogin {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(nonce, "nonce");
    Objects.requireNonNull(codeVerifier, "codeVerifier");
    Objects.requireNonNull(redirectUri, "redirectUri");
  }

  /** A new login with fresh random state, nonce and code verifier (Nimbus: 256-bit, secure). */
  static PendingLogin start(URI redirectUri) {
    return new PendingLogin(new State(), new Nonce(), new CodeVerifier(), redirectUri);
  }

  /** Stores this login in the session, replacing any other pending one. */
  void rememberIn(HttpSession session) {
    session.setAttribute(ATTRIBUTE, this);
  }

  /** Removes and returns the session's pending login: a callback can use it only once. */
  static Optional<PendingLogin> takeFrom(HttpSession session) {
    if (session == null) {
      return Optional.empty();
    }
    Object value = session.getAttribute(ATTRIBUTE);
    session.removeAttribute(ATTRIBUTE);
    return value instanceof PendingLogin pending ? Optional.of(pending) : Optional.empty();
  }

  @Override
  public String toString() {
    return "PendingLogin[state=[redacted], nonce=[redacted], codeVerifier=[redacted], redirectUri="
        + redirectUri
        + "]";
  }
}
