package dev.tokenrefresh.example.keycloak;

import dev.tokenrefresh.example.demo.Browser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Logs a {@link Browser} in to the example the way a person does: {@code /login} sends it to
 * Keycloak's login page, the form is filled in and submitted, and Keycloak's redirect brings it
 * back through {@code /callback} to the start page with a session. Stateless.
 */
public final class KeycloakLogin {

  /** The start tag of Keycloak's login form. */
  private static final Pattern FORM = Pattern.compile("<form[^>]*\\bid=\"kc-form-login\"[^>]*>");

  private static final Pattern ACTION = Pattern.compile("\\baction=\"([^\"]+)\"");

  private KeycloakLogin() {}

  /**
   * @throws IllegalStateException when no login form appears or the flow does not end on the
   *     example's start page
   */
  public static void login(Browser browser, URI app, String username, String password)
      throws IOException, InterruptedException {
    HttpResponse<String> page = browser.navigate(app.resolve("login"));
    Matcher form = FORM.matcher(page.body());
    Matcher action = form.find() ? ACTION.matcher(form.group()) : null;
    if (action == null || !action.find()) {
      throw new IllegalStateException(
          "no Keycloak login form at " + page.uri() + " (HTTP " + page.statusCode() + ")");
    }
    URI target = page.uri().resolve(action.group(1).replace("&amp;", "&"));
    HttpResponse<String> landed =
        browser.submitForm(
            target, Map.of("username", username, "password", password, "credentialId", ""));
    if (landed.statusCode() != 200 || !landed.uri().equals(app)) {
      throw new IllegalStateException(
          "login of "
              + username
              + " ended at "
              + landed.uri().getPath()
              + " with HTTP "
              + landed.statusCode());
    }
  }
}
