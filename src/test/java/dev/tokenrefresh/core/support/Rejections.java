package dev.tokenrefresh.core.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenrefresh.core.error.RefreshRejectedException;
import dev.tokenrefresh.core.error.RejectionReason;
import java.time.Duration;
import java.util.function.Consumer;

/** What a test expects of a {@link RefreshRejectedException}, for AssertJ's {@code satisfies}. */
public final class Rejections {

  private Rejections() {}

  /** Rejected for {@code reason}, to be tried again after {@code retryAfter}. */
  public static Consumer<RefreshRejectedException> rejectedFor(
      RejectionReason reason, Duration retryAfter) {
    return e -> {
      assertThat(e.reason()).isEqualTo(reason);
      assertThat(e.retryAfter()).isEqualTo(retryAfter);
    };
  }
}
