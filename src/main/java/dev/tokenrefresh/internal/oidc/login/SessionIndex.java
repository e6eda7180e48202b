package dev.tokenrefresh.internal.oidc.login;

import dev.tokenrefresh.core.token.SessionKey;
import dev.tokenrefresh.internal.core.time.Ticker;
import java.time.Duration;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The logged-in sessions of this server by the provider's {@code sid} and {@code sub}, so that a
 * back-channel logout can end them, and the sessions it ended, until their next request (or their
 * end) takes them out. Keys are the sessions' hashed {@link SessionKey}s, never session ids.
 *
 * <p>Bounded like the coordinator's per-session state: at most {@code maxSessions} entries; a
 * session unseen for {@code idle} is dropped by {@link #cleanup()}, and one that ends is removed by
 * {@link #remove}. When full after a cleanup, {@link #register} refuses (the login still proceeds,
 * but that session cannot be reached by back-channel logout). A lookup by {@code sid} or {@code
 * sub} scans the entries: logouts are rare, requests are not, and a request costs one map read.
 * Thread-safe.
 */
public final class SessionIndex {

  /** Re-registering a session within this time of the last does not write again. */
  private static final long TOUCH_EVERY_NANOS = Duration.ofSeconds(60).toNanos();

  private record Entry(String sid, String subject, long seenAt) {}

  private final int maxSessions;
  private final long idleNanos;
  private final Ticker ticker;
  private final ConcurrentHashMap<SessionKey, Entry> sessions = new ConcurrentHashMap<>();

  /** Sessions a back-channel logout ended, until they are invalidated. */
  private final Set<SessionKey> ended = ConcurrentHashMap.newKeySet();

  /**
   * @param maxSessions the cap
   * @param idle how long an entry may go unseen
   * @param ticker the time source
   */
  public SessionIndex(int maxSessions, Duration idle, Ticker ticker) {
    this.maxSessions = maxSessions;
    this.idleNanos = idle.toNanos();
    this.ticker = Objects.requireNonNull(ticker, "ticker");
  }

  /**
   * Indexes (or marks as seen) a logged-in session.
   *
   * @return {@code false} when the index is full
   */
  public boolean register(SessionKey key, Caller caller) {
    long now = ticker.read();
    Entry known = sessions.get(key);
    if (known != null && now - known.seenAt() < TOUCH_EVERY_NANOS) {
      return true;
    }
    if (known == null && sessions.size() >= maxSessions) {
      cleanup();
      if (sessions.size() >= maxSessions) {
        return false;
      }
    }
    sessions.put(key, new Entry(caller.sid(), caller.subject(), now));
    return true;
  }

  /**
   * Marks every indexed session of the event's {@code sid} (or, when it names none, its {@code
   * sub}) as ended.
   *
   * @return the sessions ended
   */
  public Set<SessionKey> end(LogoutEvent event) {
    Set<SessionKey> hit = new HashSet<>();
    sessions.forEach(
        (key, entry) -> {
          boolean match =
              event.sid() != null
                  ? event.sid().equals(entry.sid())
                      && (event.subject() == null || event.subject().equals(entry.subject()))
                  : event.subject().equals(entry.subject());
          if (match) {
            hit.add(key);
          }
        });
    ended.addAll(hit);
    return hit;
  }

  /** Whether a back-channel logout ended this session. */
  public boolean isEnded(SessionKey key) {
    return ended.contains(key);
  }

  /** Forgets a session that ended or changed its id. */
  public void remove(SessionKey key) {
    sessions.remove(key);
    ended.remove(key);
  }

  /** Drops the entries unseen for longer than the idle time, and their end marks. */
  public void cleanup() {
    long now = ticker.read();
    sessions
        .entrySet()
        .removeIf(
            e -> {
              boolean stale = now - e.getValue().seenAt() > idleNanos;
              if (stale) {
                ended.remove(e.getKey());
              }
              return stale;
            });
    ended.removeIf(key -> !sessions.containsKey(key));
  }

  /** Indexed sessions, for tests and gauges. */
  public int size() {
    return sessions.size();
  }

  /** Sessions ended and not yet taken out, for tests and gauges. */
  public int endedCount() {
    return ended.size();
  }
}
