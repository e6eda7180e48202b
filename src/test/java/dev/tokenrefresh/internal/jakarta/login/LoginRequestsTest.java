package dev.tokenrefresh.internal.jakarta.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenrefresh.core.support.StandIn;
import dev.tokenrefresh.internal.oidc.login.LoginFailure;
import dev.tokenrefresh.internal.oidc.login.LoginSettings;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the mechanism reads off a request: navigation or API, the browser's address, a form. */
class LoginRequestsTest {

  private static LoginSettings trusting(boolean trust) {
    LoginSettings d = LoginSettings.defaults();
    return new LoginSettings(
        d.callbackPath(),
        d.logoutPath(),
        d.backChannelPath(),
        null,
        d.scope(),
        d.principalClaim(),
        d.groupsClaim(),
        List.of(),
        trust,
        false,
        Duration.ofMinutes(10),
        Duration.ofMinutes(5),
        10,
        Duration.ofHours(1));
  }

  /** A request to http://app.internal:8080/ctx{uri} with these headers (and body). */
  private static HttpServletRequest request(
      String method, String uri, Map<String, String> headers, byte[] body, long length) {
    Map<String, String> h = new HashMap<>();
    headers.forEach((k, v) -> h.put(k.toLowerCase(), v));
    return StandIn.of(
        HttpServletRequest.class,
        (proxy, m, args) ->
            switch (m.getName()) {
              case "getHeader" -> h.get(((String) args[0]).toLowerCase());
              case "getMethod" -> method;
              case "getScheme" -> "http";
              case "getServerName" -> "app.internal";
              case "getServerPort" -> 8080;
              case "getContextPath" -> "/ctx";
              case "getRequestURI" -> "/ctx" + uri;
              case "getQueryString" -> null;
              case "getContentType" -> h.get("content-type");
              case "getContentLengthLong" -> length;
              case "getInputStream" -> stream(body);
              default -> throw new UnsupportedOperationException(m.getName());
            });
  }

  private static HttpServletRequest get(Map<String, String> headers) {
    return request("GET", "/page", headers, new byte[0], 0);
  }

  private static ServletInputStream stream(byte[] body) {
    ByteArrayInputStream in = new ByteArrayInputStream(body);
    return new ServletInputStream() {
      @Override
      public int read() {
        return in.read();
      }

      @Override
      public boolean isFinished() {
        return in.available() == 0;
      }

      @Override
      public boolean isReady() {
        return true;
      }

      @Override
      public void setReadListener(ReadListener listener) {}
    };
  }

  @Test
  void isNavigation_followsSecFetchMode_elseAcceptOfAGet() {
    assertThat(LoginRequests.isNavigation(get(Map.of("Sec-Fetch-Mode", "navigate")))).isTrue();
    assertThat(
            LoginRequests.isNavigation(
                get(Map.of("Sec-Fetch-Mode", "cors", "Accept", "text/html"))))
        .as("fetch() from a page")
        .isFalse();
    assertThat(LoginRequests.isNavigation(get(Map.of("Accept", "text/html,*/*")))).isTrue();
    assertThat(LoginRequests.isNavigation(get(Map.of("Accept", "application/json")))).isFalse();
    assertThat(LoginRequests.isNavigation(get(Map.of()))).isFalse();
  }

  @Test
  void base_ignoresForwardedHeaders_unlessTrusted() {
    Map<String, String> forwarded =
        Map.of("X-Forwarded-Proto", "https", "X-Forwarded-Host", "app.example.com");
    assertThat(LoginRequests.base(get(forwarded), trusting(false)))
        .isEqualTo(URI.create("http://app.internal:8080/ctx"));
    assertThat(LoginRequests.base(get(forwarded), trusting(true)))
        .isEqualTo(URI.create("https://app.example.com/ctx"));
    assertThat(LoginRequests.secure(get(forwarded), trusting(true))).isTrue();
  }

  @Test
  void base_forwardedHostWithOddCharacters_isIgnored() {
    Map<String, String> forged = Map.of("X-Forwarded-Host", "evil.example/@x");
    assertThat(LoginRequests.base(get(forged), trusting(true)))
        .isEqualTo(URI.create("http://app.internal:8080/ctx"));
  }

  @Test
  void returnTo_protocolRelativePath_becomesTheStartPage() {
    assertThat(LoginRequests.returnTo(request("GET", "//evil.example", Map.of(), null, 0)))
        .isEqualTo("/");
  }

  @Test
  void formParameter_decodes_andRefusesLargeOrNonFormBodies() throws Exception {
    Map<String, String> form = Map.of("Content-Type", "application/x-www-form-urlencoded");
    byte[] body = "a=1&logout_token=x%2By".getBytes(StandardCharsets.US_ASCII);
    assertThat(
            LoginRequests.formParameter(
                request("POST", "/bcl", form, body, body.length), "logout_token", 100))
        .contains("x+y");

    byte[] big = ("logout_token=" + "x".repeat(200)).getBytes(StandardCharsets.US_ASCII);
    assertThatThrownBy(
            () ->
                LoginRequests.formParameter(
                    request("POST", "/bcl", form, big, big.length), "logout_token", 100))
        .isInstanceOf(LoginFailure.class);
    assertThatThrownBy(
            () ->
                LoginRequests.formParameter(
                    request("POST", "/bcl", form, big, -1), "logout_token", 100))
        .as("chunked, no Content-Length: bounded while reading")
        .isInstanceOf(LoginFailure.class);
    assertThatThrownBy(
            () ->
                LoginRequests.formParameter(
                    request("POST", "/bcl", Map.of("Content-Type", "application/json"), body, 3),
                    "logout_token",
                    100))
        .isInstanceOf(LoginFailure.class);
  }
}
