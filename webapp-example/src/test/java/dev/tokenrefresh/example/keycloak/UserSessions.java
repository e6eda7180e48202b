package dev.tokenrefresh.example.keycloak;

import dev.tokenrefresh.example.demo.Browser;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The suite's users and their browser sessions: creates each user at Keycloak and logs a {@link
 * Browser} in through the example and Keycloak's login form, a few at a time. Not thread-safe.
 */
public final class UserSessions {

  /** One logged-in browser session of one user; {@code loginExp}: its first token's expiry. */
  public record Session(String username, String userId, Browser browser, long loginExp) {}

  private static final String PASSWORD_PREFIX = "e2e-pw-";

  private final KeycloakAdmin admin;
  private final URI app;
  private final Map<String, Session> sessions = new LinkedHashMap<>();

  /**
   * @param admin creates the users
   * @param app the example's start page
   */
  public UserSessions(KeycloakAdmin admin, URI app) {
    this.admin = admin;
    this.app = app;
  }

  /** Creates the users and logs one session of each in, six at a time. */
  public void createAndLogIn(List<String> usernames) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Future<Session>> done = new ArrayList<>();
      for (String name : usernames) {
        done.add(pool.submit(() -> login(name, admin.createUser(name, PASSWORD_PREFIX + name))));
      }
      for (Future<Session> f : done) {
        Session s = f.get();
        sessions.put(s.username(), s);
      }
    } catch (ExecutionException e) {
      throw new IllegalStateException("login failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /** Logs a second session of an existing user in, under {@code name}. */
  public Session logInAgain(String username, String name) throws IOException, InterruptedException {
    Session again = login(username, get(username).userId());
    sessions.put(name, again);
    return again;
  }

  /** The session of that name. */
  public Session get(String name) {
    Session s = sessions.get(name);
    if (s == null) {
      throw new IllegalStateException("no session " + name);
    }
    return s;
  }

  /** The sessions of those names, in their order. */
  public List<Session> get(List<String> names) {
    return names.stream().map(this::get).toList();
  }

  private Session login(String username, String userId) throws IOException, InterruptedException {
    Browser browser = new Browser();
    KeycloakLogin.login(browser, app, username, PASSWORD_PREFIX + username);
    Browser.Me me = browser.me(app);
    if (me.status() != 200) {
      throw new IllegalStateException("GET /api/me after the login of " + username + ": " + me);
    }
    return new Session(username, userId, browser, me.exp());
  }
}
