package dev.tokenrefresh.example.keycloak;

import com.nimbusds.jose.util.JSONArrayUtils;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keycloak's own view, through its admin REST API: users, the client's redirect URI, the realm's
 * stored events (Keycloak counts every refresh-token grant it answers, {@code REFRESH_TOKEN}, and
 * every one it refuses, {@code REFRESH_TOKEN_ERROR}), users' sessions, and logging a user out.
 * Signs in as the bootstrap administrator ({@code admin-cli}, password grant) and keeps the token
 * until shortly before it expires. Thread-safe; no token or password reaches a message.
 */
public final class KeycloakAdmin {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final KeycloakServer server;
  private final String realm;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** The administrator's access token and when to fetch a new one; guarded by {@code this}. */
  private String token;

  private long renewAtNanos;

  /**
   * @param server the running Keycloak
   * @param realm the realm every call is about
   */
  public KeycloakAdmin(KeycloakServer server, String realm) {
    this.server = server;
    this.realm = realm;
  }

  /**
   * Keycloak's refresh-token grants, counted from its stored events.
   *
   * @param refreshes refresh-token grants Keycloak answered with new tokens
   * @param errors refresh-token grants Keycloak refused
   * @param refreshesByUser the answered ones by user id
   * @param errorsByUser the refused ones by user id (Keycloak names the user when it can)
   * @param errorReasons each refusal's error and reason, e.g. {@code invalid_token: Maximum allowed
   *     refresh token reuse exceeded}, with their counts
   */
  public record RefreshEvents(
      int refreshes,
      int errors,
      Map<String, Integer> refreshesByUser,
      Map<String, Integer> errorsByUser,
      Map<String, Integer> errorReasons) {

    /** Answered refreshes of one user. */
    public int refreshesOf(String userId) {
      return refreshesByUser.getOrDefault(userId, 0);
    }

    /** Refused refreshes of one user. */
    public int errorsOf(String userId) {
      return errorsByUser.getOrDefault(userId, 0);
    }
  }

  /** Creates an enabled user with a complete profile (so no required action interrupts login). */
  public String createUser(String username, String password)
      throws IOException, InterruptedException {
    Map<String, Object> user = new LinkedHashMap<>();
    user.put("username", username);
    user.put("enabled", true);
    user.put("email", username + "@example.test");
    user.put("emailVerified", true);
    user.put("firstName", "Test");
    user.put("lastName", username);
    user.put(
        "credentials", List.of(Map.of("type", "password", "value", password, "temporary", false)));
    HttpResponse<String> created = send("POST", "users", JSONObjectUtils.toJSONString(user), 201);
    String location = created.headers().firstValue("Location").orElseThrow();
    return location.substring(location.lastIndexOf('/') + 1);
  }

  /**
   * Registers the example's callback, post-logout address and back-channel logout URL at the
   * client: the example runs on a free port chosen per run, which the realm file cannot know.
   * Several callbacks: one for each application that logs in through the client (the first one
   * gives the post-logout address and the back-channel logout URL).
   */
  public void registerApp(String clientId, URI app, URI... more)
      throws IOException, InterruptedException {
    List<Object> found =
        array(send("GET", "clients?clientId=" + encode(clientId), null, 200).body());
    if (found.size() != 1) {
      throw new IllegalStateException("client " + clientId + " not found in realm " + realm);
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> client = new LinkedHashMap<>((Map<String, Object>) found.get(0));
    List<String> callbacks = new ArrayList<>(List.of(app.resolve("callback").toString()));
    for (URI other : more) {
      callbacks.add(other.resolve("callback").toString());
    }
    client.put("redirectUris", callbacks);
    @SuppressWarnings("unchecked")
    Map<String, Object> attributes =
        new LinkedHashMap<>((Map<String, Object>) client.getOrDefault("attributes", Map.of()));
    attributes.put("post.logout.redirect.uris", app.toString());
    // OpenID Connect Back-Channel Logout to the library's endpoint, with the session's sid
    attributes.put("backchannel.logout.url", app.resolve("oidc/back-channel-logout").toString());
    attributes.put("backchannel.logout.session.required", "true");
    client.put("attributes", attributes);
    send("PUT", "clients/" + client.get("id"), JSONObjectUtils.toJSONString(client), 204);
  }

  /**
   * Creates a confidential client that authenticates with {@code private_key_jwt} ("Signed JWT"):
   * Keycloak verifies its assertions with the public keys of {@code publicJwks}. It may use the
   * direct-access grant, so that a test can sign in without a browser.
   */
  public void createSignedJwtClient(String clientId, String publicJwks)
      throws IOException, InterruptedException {
    Map<String, Object> client = new LinkedHashMap<>();
    client.put("clientId", clientId);
    client.put("enabled", true);
    client.put("protocol", "openid-connect");
    client.put("publicClient", false);
    client.put("clientAuthenticatorType", "client-jwt");
    client.put("standardFlowEnabled", false);
    client.put("directAccessGrantsEnabled", true);
    client.put(
        "attributes",
        Map.of(
            "use.jwks.string", "true",
            "jwks.string", publicJwks,
            "token.endpoint.auth.signing.alg", "RS256"));
    send("POST", "clients", JSONObjectUtils.toJSONString(client), 201);
  }

  /** Every refresh-token grant Keycloak has recorded in this realm so far. */
  public RefreshEvents refreshEvents() throws IOException, InterruptedException {
    List<Object> events =
        array(
            send(
                    "GET",
                    "events?type=REFRESH_TOKEN&type=REFRESH_TOKEN_ERROR&first=0&max=1000000",
                    null,
                    200)
                .body());
    int refreshes = 0;
    int errors = 0;
    Map<String, Integer> refreshesByUser = new HashMap<>();
    Map<String, Integer> errorsByUser = new HashMap<>();
    Map<String, Integer> reasons = new HashMap<>();
    for (Object e : events) {
      Map<?, ?> event = (Map<?, ?>) e;
      String user = String.valueOf(event.get("userId"));
      if ("REFRESH_TOKEN".equals(event.get("type"))) {
        refreshes++;
        refreshesByUser.merge(user, 1, Integer::sum);
      } else {
        errors++;
        errorsByUser.merge(user, 1, Integer::sum);
        Object details = event.get("details");
        Object reason = details instanceof Map<?, ?> d ? d.get("reason") : null;
        reasons.merge(event.get("error") + (reason == null ? "" : ": " + reason), 1, Integer::sum);
      }
    }
    return new RefreshEvents(refreshes, errors, refreshesByUser, errorsByUser, reasons);
  }

  /**
   * The refresh events once Keycloak has stored all of them: read until two reads half a second
   * apart agree (Keycloak may store an event just after it answered the request), at most 10 s.
   */
  public RefreshEvents settledRefreshEvents() throws IOException, InterruptedException {
    RefreshEvents last = refreshEvents();
    for (int i = 0; i < 20; i++) {
      Thread.sleep(500);
      RefreshEvents now = refreshEvents();
      if (now.refreshes() == last.refreshes() && now.errors() == last.errors()) {
        return now;
      }
      last = now;
    }
    return last;
  }

  /** Whether Keycloak holds a session of this user in which {@code clientId} is still signed in. */
  public boolean hasClientSession(String userId, String clientId)
      throws IOException, InterruptedException {
    for (Object s : array(send("GET", "users/" + userId + "/sessions", null, 200).body())) {
      Object clients = ((Map<?, ?>) s).get("clients");
      if (clients instanceof Map<?, ?> c && c.containsValue(clientId)) {
        return true;
      }
    }
    return false;
  }

  /** Ends every session of the user at Keycloak, as an administrator's "sign out" does. */
  public void logout(String userId) throws IOException, InterruptedException {
    send("POST", "users/" + userId + "/logout", "", 204);
  }

  private HttpResponse<String> send(String method, String path, String json, int expected)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(server.url() + "/admin/realms/" + realm + "/" + path))
            .timeout(TIMEOUT)
            .header("Authorization", "Bearer " + token())
            .header("Accept", "application/json");
    if (json == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(json));
    }
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != expected) {
      throw new IllegalStateException(
          method
              + " "
              + path
              + ": Keycloak answered HTTP "
              + response.statusCode()
              + ", expected "
              + expected
              + ": "
              + response.body());
    }
    return response;
  }

  private synchronized String token() throws IOException, InterruptedException {
    if (token != null && System.nanoTime() < renewAtNanos) {
      return token;
    }
    String form =
        "grant_type=password&client_id=admin-cli&username="
            + encode(server.adminUsername())
            + "&password="
            + encode(server.adminPassword());
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(server.url() + "/realms/master/protocol/openid-connect/token"))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "Keycloak refused the administrator's sign-in: HTTP " + response.statusCode());
    }
    Map<String, Object> body = object(response.body());
    long lifetime = ((Number) body.get("expires_in")).longValue();
    token = (String) body.get("access_token");
    renewAtNanos = System.nanoTime() + Duration.ofSeconds(Math.max(1, lifetime - 10)).toNanos();
    return token;
  }

  private static Map<String, Object> object(String json) throws IOException {
    try {
      return JSONObjectUtils.parse(json);
    } catch (ParseException e) {
      throw new IOException("not a JSON object: " + e.getMessage(), e);
    }
  }

  private static List<Object> array(String json) throws IOException {
    try {
      return new ArrayList<>(JSONArrayUtils.parse(json));
    } catch (ParseException e) {
      throw new IOException("not a JSON array: " + e.getMessage(), e);
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
