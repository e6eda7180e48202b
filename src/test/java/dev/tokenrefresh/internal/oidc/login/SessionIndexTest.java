package dev.tokenrefresh.internal.oidc.login;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenrefresh.core.support.FakeTime;
import dev.tokenrefresh.core.token.SessionKey;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The back-channel logout index: finds sessions by sid or sub, bounded and cleaned. */
class SessionIndexTest {

  private final FakeTime time = new FakeTime();
  private final SessionIndex index = new SessionIndex(3, Duration.ofHours(1), time);

  private static Caller caller(String sub, String sid) {
    return new Caller(sub, List.of(), sub, sid, "csrf");
  }

  @Test
  void end_bySid_endsOnlyThatProviderSession() {
    index.register(SessionKey.of("a"), caller("alice", "sid-1"));
    index.register(SessionKey.of("b"), caller("alice", "sid-2"));

    assertThat(index.end(new LogoutEvent("sid-1", null))).containsExactly(SessionKey.of("a"));
    assertThat(index.isEnded(SessionKey.of("a"))).isTrue();
    assertThat(index.isEnded(SessionKey.of("b"))).isFalse();
  }

  @Test
  void end_bySubOnly_endsEverySessionOfTheUser() {
    index.register(SessionKey.of("a"), caller("alice", "sid-1"));
    index.register(SessionKey.of("b"), caller("alice", "sid-2"));
    index.register(SessionKey.of("c"), caller("bob", "sid-3"));

    assertThat(index.end(new LogoutEvent(null, "alice")))
        .containsExactlyInAnyOrder(SessionKey.of("a"), SessionKey.of("b"));
  }

  @Test
  void end_sidOfAnotherUser_endsNothing() {
    index.register(SessionKey.of("a"), caller("alice", "sid-1"));

    assertThat(index.end(new LogoutEvent("sid-1", "mallory"))).isEmpty();
  }

  @Test
  void register_whenFull_refuses_untilIdleEntriesAreCleaned() {
    for (String id : List.of("a", "b", "c")) {
      assertThat(index.register(SessionKey.of(id), caller(id, null))).isTrue();
    }
    assertThat(index.register(SessionKey.of("d"), caller("d", null))).isFalse();
    assertThat(index.size()).isEqualTo(3);

    time.advance(Duration.ofHours(2));
    assertThat(index.register(SessionKey.of("d"), caller("d", null))).isTrue();
    assertThat(index.size()).isEqualTo(1);
  }

  @Test
  void remove_dropsEntryAndEndMark() {
    index.register(SessionKey.of("a"), caller("alice", "sid-1"));
    index.end(new LogoutEvent("sid-1", null));

    index.remove(SessionKey.of("a"));

    assertThat(index.size()).isZero();
    assertThat(index.endedCount()).isZero();
  }

  @Test
  void replayCache_refusesASecondUse_untilRetentionPasses_andWhenFull() {
    ReplayCache cache = new ReplayCache(Duration.ofMinutes(5), 2, time);
    assertThat(cache.use("j1")).isEqualTo(ReplayCache.Use.FIRST);
    assertThat(cache.use("j1")).isEqualTo(ReplayCache.Use.REPLAYED);
    assertThat(cache.use("j2")).isEqualTo(ReplayCache.Use.FIRST);
    assertThat(cache.use("j3")).isEqualTo(ReplayCache.Use.FULL);

    time.advance(Duration.ofMinutes(6));
    assertThat(cache.use("j3")).isEqualTo(ReplayCache.Use.FIRST);
    assertThat(cache.size()).isEqualTo(1);
  }
}
