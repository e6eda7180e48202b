package dev.tokenrefresh.internal.oidc.login;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * Who a logged-in session belongs to, as the container learns it on every request: the caller name
 * and groups, plus what a back-channel logout names the session by ({@code sid}, {@code sub}) and
 * the session's logout CSRF token. Kept in the HTTP session. Immutable and thread-safe; {@link
 * #toString()} shows no CSRF token.
 *
 * @param name the caller principal's name
 * @param groups the caller's groups (the container's roles)
 * @param subject the ID token's {@code sub}
 * @param sid the ID token's {@code sid}, or {@code null} when the provider sent none
 * @param csrfToken the token a logout POST must carry
 */
public record Caller(String name, List<String> groups, String subject, String sid, String csrfToken)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Requires name, subject and CSRF token; copies the groups. */
  public Caller {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(csrfToken, "csrfToken");
    groups = List.copyOf(groups);
  }

  @Override
  public String toString() {
    return "Caller[name="
        + name
        + ", groups="
        + groups
        + ", subject="
        + subject
        + ", sid="
        + (sid == null ? "absent" : "present")
        + ", csrfToken=[redacted]]";
  }
}
