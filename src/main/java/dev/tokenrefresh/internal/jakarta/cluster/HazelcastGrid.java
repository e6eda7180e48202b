package dev.tokenrefresh.internal.jakarta.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import dev.tokenrefresh.internal.core.cluster.GridAdapter;
import dev.tokenrefresh.internal.core.cluster.ListenerHandles;
import dev.tokenrefresh.internal.core.cluster.Registration;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The grid port on a Hazelcast 5 instance (Payara's own, reached through JNDI {@code
 * payara/Hazelcast}): two {@code IMap<String, byte[]>} and the cluster's membership. Values are
 * plain {@code byte[]}, so the members need none of this library's classes. Only plain 5.x API is
 * used ({@code putIfAbsent}/{@code set} with a time-to-live, {@code remove(key, value)}, {@code
 * setTtl}, key-scoped entry listeners, a membership listener); no lock, no CP subsystem.
 * Thread-safe.
 */
public final class HazelcastGrid extends GridAdapter<HazelcastMap> {

  /** The map of refresh flights. */
  public static final String FLIGHTS = "token-refresh-flights";

  /** The map of sessions' current tokens. */
  public static final String SESSIONS = "token-refresh-sessions";

  private final HazelcastInstance hazelcast;
  private final ListenerHandles<UUID> membershipListeners;

  /** The grid on {@code hazelcast}, which stays the caller's (this never shuts it down). */
  public HazelcastGrid(HazelcastInstance hazelcast) {
    super(
        new HazelcastMap(hazelcast.getMap(FLIGHTS)), new HazelcastMap(hazelcast.getMap(SESSIONS)));
    this.hazelcast = hazelcast;
    this.membershipListeners =
        new ListenerHandles<>(id -> hazelcast.getCluster().removeMembershipListener(id));
  }

  @Override
  public String localMember() {
    return hazelcast.getCluster().getLocalMember().getUuid().toString();
  }

  @Override
  public boolean isMember(String member) {
    for (Member m : hazelcast.getCluster().getMembers()) {
      if (m.getUuid().toString().equals(member)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public Registration onMemberLost(Consumer<String> onLost) {
    UUID id =
        hazelcast
            .getCluster()
            .addMembershipListener(
                new MembershipListener() {
                  @Override
                  public void memberAdded(MembershipEvent event) {}

                  @Override
                  public void memberRemoved(MembershipEvent event) {
                    onLost.accept(event.getMember().getUuid().toString());
                  }
                });
    return membershipListeners.track(id);
  }

  @Override
  public void close() {
    membershipListeners.removeAll();
    flights().close();
    sessions().close();
  }
}
