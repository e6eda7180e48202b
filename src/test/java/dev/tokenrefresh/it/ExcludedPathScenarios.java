package dev.tokenrefresh.it;

import static dev.tokenrefresh.jakarta.metrics.MetricNames.REQUESTS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenrefresh.it.support.Metrics;
import dev.tokenrefresh.it.support.UserSession;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * {@code token-refresh.exclude-paths} (the test deployment excludes {@code /support}) is matched
 * against the path the server routes by, decoded: an encoded spelling of an excluded path reaches
 * its servlet untouched, as the plain one does. Proves that both servers hand the filter the
 * decoded {@code servletPath}, which the unit tests of the matching assume.
 */
public interface ExcludedPathScenarios extends RunningApp {

  @Test
  default void anEncodedSpellingOfAnExcludedPath_passesThroughWithoutARefresh() {
    UserSession session = app().loginExpired();
    Metrics before = app().metrics();

    HttpResponse<String> encoded = session.get("/%73upport/tokens");

    assertThat(encoded.statusCode()).isEqualTo(200);
    assertThat(encoded.body()).contains("refresh_token=" + session.login().refreshToken());
    assertThat(app().metrics().counterSince(before, REQUESTS))
        .as("refreshes for the excluded path")
        .isZero();

    // Negative control: the same session on a path that is not excluded is refreshed.
    assertThat(session.echo("/echo").status()).isEqualTo(200);
    assertThat(app().metrics().counterSince(before, REQUESTS)).isEqualTo(1);
  }
}
