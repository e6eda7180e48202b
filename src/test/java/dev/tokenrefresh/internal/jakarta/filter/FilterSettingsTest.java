package dev.tokenrefresh.internal.jakarta.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The filter's own invariants: a login path that cannot redirect off the application, and excluded
 * paths matched on whole segments of the decoded path.
 */
class FilterSettingsTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "//evil.example",
        "//evil.example/login",
        "/\\evil.example",
        "login",
        "https://evil.example/login",
        "/login\r\nSet-Cookie: x=y",
        "/log in"
      })
  void loginPath_thatABrowserCouldFollowOffTheApplication_isRefusedNamingTheKey(String path) {
    assertThatThrownBy(() -> settings(List.of(), path))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("token-refresh.login-path must be a path of this application");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/login", "/auth/login?next=/", "/"})
  void loginPath_withinTheApplication_isAccepted(String path) {
    assertThat(settings(List.of(), path).loginPath()).isEqualTo(path);
  }

  @Test
  void excludes_matchesWholeSegmentsOnly() {
    FilterSettings s = settings(List.of("/login", "/static/"), "");

    assertThat(s.excludes("/login")).isTrue();
    assertThat(s.excludes("/login/callback")).isTrue();
    assertThat(s.excludes("/static")).isTrue();
    assertThat(s.excludes("/static/app.js")).isTrue();
    assertThat(s.excludes("/login-history")).as("a longer segment").isFalse();
    assertThat(s.excludes("/loginx/a")).isFalse();
    assertThat(s.excludes("/staticfiles/a.js")).isFalse();
    assertThat(s.excludes("/api/login")).isFalse();
  }

  @Test
  void excludes_withRoot_excludesEverything() {
    assertThat(settings(List.of("/"), "").excludes("/anything/below")).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "static",
        "/static/*",
        "/a%2Fb",
        "/login;jsessionid=1",
        "/a/../b",
        "/a/./b",
        "/a//b",
        "/a?b",
        "/a#b",
        "/a b",
        "/a\\b"
      })
  void excludePath_thatCouldNeverMatchADecodedNormalisedPath_isRefusedNamingTheKey(String entry) {
    assertThatThrownBy(() -> settings(List.of(entry), ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("token-refresh.exclude-paths entries must")
        .hasMessageEndingWith("was '" + entry + "'");
  }

  private static FilterSettings settings(List<String> excluded, String loginPath) {
    return new FilterSettings(
        true, Duration.ofSeconds(30), excluded, loginPath, false, Duration.ofSeconds(1), 10, 10);
  }
}
