package dev.tokenrefresh.internal.jakarta.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenrefresh.core.support.FakeTime;
import dev.tokenrefresh.core.support.ScriptedEndpoint;
import dev.tokenrefresh.internal.core.CoordinatorPorts;
import dev.tokenrefresh.internal.core.RefreshSettings;
import dev.tokenrefresh.internal.core.cluster.ClusterSettings;
import dev.tokenrefresh.internal.core.cluster.FlightGate;
import dev.tokenrefresh.internal.core.metrics.RefreshMetrics;
import dev.tokenrefresh.internal.jakarta.config.SettingsMapping;
import dev.tokenrefresh.jakarta.config.ConfigReader;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The cluster mode and its keys, outside a server (no JNDI, so no Payara instance). */
class ClusterSelectionTest {

  private static final String GOOD_KEY = Base64.getEncoder().encodeToString(new byte[32]);

  private final Map<String, String> values = new HashMap<>();
  private final ExecutorService pool = Executors.newSingleThreadExecutor();

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  @Test
  void auto_withoutAnInstance_isLocal_evenWithAKey() {
    values.put("token-refresh.cluster.key", GOOD_KEY);
    assertThat(select().getClass()).isEqualTo(FlightGate.local().getClass());
    values.clear();
    assertThat(select().getClass()).isEqualTo(FlightGate.local().getClass());
  }

  @Test
  void local_isLocal() {
    values.put("token-refresh.cluster", "local");
    assertThat(select().getClass()).isEqualTo(FlightGate.local().getClass());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"hazelcast", "infinispan"})
  void aGridMode_withoutTheKey_failsNamingTheKey(String mode) {
    values.put("token-refresh.cluster", mode);
    assertThatThrownBy(this::select).hasMessageContaining("token-refresh.cluster.key");
  }

  @Test
  void hazelcast_withoutAnInstance_failsNamingWhereItLooked() {
    values.put("token-refresh.cluster", "hazelcast");
    values.put("token-refresh.cluster.key", GOOD_KEY);
    assertThatThrownBy(this::select).hasMessageContaining("payara/Hazelcast");
  }

  @Test
  void aMalformedKey_failsWhateverTheMode_namingTheKeyNotTheValue() {
    values.put("token-refresh.cluster", "local");
    values.put("token-refresh.cluster.previous-key", "c2VjcmV0");
    values.put("token-refresh.cluster.key", GOOD_KEY);
    assertThatThrownBy(this::select)
        .hasMessageContaining("token-refresh.cluster.previous-key")
        .hasMessageNotContaining("c2VjcmV0");
  }

  @Test
  void anUnknownMode_failsNamingTheChoices() {
    values.put("token-refresh.cluster", "redis");
    assertThatThrownBy(this::select).hasMessageContaining("auto, local, hazelcast or infinispan");
  }

  @Test
  void infinispan_withoutACache_failsNamingTheJndiNameAndTheScript() {
    values.put("token-refresh.cluster", "infinispan");
    values.put("token-refresh.cluster.key", GOOD_KEY);
    values.put("token-refresh.cluster.cache", "java:jboss/infinispan/cache/web/nowhere");
    assertThatThrownBy(this::select)
        .hasMessageContaining("java:jboss/infinispan/cache/web/nowhere")
        .hasMessageContaining("token-refresh.cluster.cache")
        .hasMessageContaining("wildfly-config/cluster.cli");
  }

  @Test
  void clusterSettings_mapTheirKeys_andValidationNamesThem() {
    values.put("token-refresh.cluster.lease", "20s");
    values.put("token-refresh.cluster.grid-timeout", "3s");
    values.put("token-refresh.cluster.session-ttl", "1h");
    assertThat(SettingsMapping.clusterSettings(source()))
        .isEqualTo(
            new ClusterSettings(
                Duration.ofSeconds(20), Duration.ofSeconds(3), Duration.ofHours(1)));
    values.put("token-refresh.cluster.grid-timeout", "30s");
    assertThatThrownBy(() -> SettingsMapping.clusterSettings(source()))
        .hasMessageContaining("token-refresh.cluster.grid-timeout must be shorter than");
    values.put("token-refresh.cluster.lease", "0s");
    assertThatThrownBy(() -> SettingsMapping.clusterSettings(source()))
        .hasMessageContaining("token-refresh.cluster.lease must be a duration > 0");
  }

  private FlightGate select() {
    FakeTime time = new FakeTime();
    return ClusterSelection.select(
        source(),
        ClusterSettings.defaults(),
        RefreshSettings.defaults(),
        new CoordinatorPorts(
            ScriptedEndpoint.immediate(), pool, time, time, () -> 0.1, RefreshMetrics.noop()),
        t -> true);
  }

  private ConfigReader source() {
    return new ConfigReader(k -> Optional.ofNullable(values.get(k)));
  }
}
