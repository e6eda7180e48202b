package dev.tokenrefresh.internal.core.time;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenrefresh.core.support.FakeTime;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** {@link ExpiringTable} on its own: deadlines, the cap and the purge a full table may make. */
class ExpiringTableTest {

  private static final long MINUTE = Duration.ofMinutes(1).toNanos();

  private final FakeTime time = new FakeTime();
  private final AtomicBoolean mayPurge = new AtomicBoolean(true);
  private final ExpiringTable<String, String> table = new ExpiringTable<>(2, time, mayPurge::get);

  @Test
  void get_returnsTheValueUntilItsDeadline_andNothingFromIt() {
    table.put("k", "v", MINUTE);

    time.advance(Duration.ofMinutes(1).minusNanos(1));
    assertThat(table.get("k")).isEqualTo("v");

    time.advance(Duration.ofNanos(1));
    assertThat(table.get("k")).as("expired at its deadline").isNull();
    assertThat(table.containsKey("k")).as("kept until purged").isTrue();
  }

  @Test
  void put_returnsTheLiveValueItReplaced_butNotAnExpiredOne() {
    assertThat(table.put("k", "first", MINUTE)).isNull();
    assertThat(table.put("k", "second", MINUTE)).isEqualTo("first");

    time.advance(Duration.ofMinutes(1));
    assertThat(table.put("k", "third", MINUTE)).isNull();
    assertThat(table.get("k")).isEqualTo("third");
  }

  @Test
  void hasRoom_atTheCap_purgesTheExpiredEntriesFirst() {
    table.put("a", "v", MINUTE);
    table.put("b", "v", 2 * MINUTE);
    assertThat(table.hasRoom()).isFalse();

    time.advance(Duration.ofMinutes(1));
    assertThat(table.hasRoom()).isTrue();
    assertThat(table.size()).isEqualTo(1);
    assertThat(table.purges()).isEqualTo(2);
  }

  @Test
  void hasRoom_atTheCap_purgesNothingWhenItsGateSaysNo() {
    table.put("a", "v", MINUTE);
    table.put("b", "v", MINUTE);
    time.advance(Duration.ofMinutes(1));
    mayPurge.set(false);

    assertThat(table.hasRoom()).isFalse();
    assertThat(table.size()).isEqualTo(2);
    assertThat(table.purges()).isZero();
  }

  @Test
  void hasRoom_belowTheCap_neitherAsksTheGateNorPurges() {
    table.put("a", "v", MINUTE);
    time.advance(Duration.ofMinutes(1));

    assertThat(table.hasRoom()).isTrue();
    assertThat(table.size()).isEqualTo(1);
    assertThat(table.purges()).isZero();
  }

  @Test
  void shorten_bringsTheDeadlineForward_onlyForAcceptedValues_andNeverPushesItBack() {
    table.put("a", "keep", 10 * MINUTE);
    table.put("b", "other", 10 * MINUTE);
    table.shorten("a", MINUTE, "keep"::equals);
    table.shorten("b", MINUTE, "keep"::equals);
    time.advance(Duration.ofMinutes(1));
    assertThat(table.get("a")).isNull();
    assertThat(table.get("b")).isEqualTo("other");

    table.put("c", "keep", MINUTE);
    table.shorten("c", 10 * MINUTE, "keep"::equals);
    time.advance(Duration.ofMinutes(1));
    assertThat(table.get("c")).as("a later deadline is not taken").isNull();
  }

  @Test
  void remove_andRemoveIf_dropOnlyTheEntriesWhoseValueIsAccepted() {
    table.put("a", "x", MINUTE);
    table.put("b", "y", MINUTE);

    table.remove("a", "y"::equals);
    assertThat(table.get("a")).isEqualTo("x");
    table.remove("a", "x"::equals);
    assertThat(table.containsKey("a")).isFalse();

    table.removeIf("y"::equals);
    assertThat(table.size()).isZero();
  }
}
