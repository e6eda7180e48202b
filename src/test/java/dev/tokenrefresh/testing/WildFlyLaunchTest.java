package dev.tokenrefresh.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WildFlyLaunchTest {

  private static final Path HOME = Path.of("/opt/wildfly");
  private static final Path BASE = Path.of("/work/it/standalone");

  @Test
  void command_isStandaloneShOnTheBaseDirectoryWithLoopbackBindsAndTheOffset() {
    WildFlyLaunch launch = WildFlyLaunch.of(HOME, BASE).portOffset(100);

    assertThat(launch.command())
        .containsExactly(
            "/opt/wildfly/bin/standalone.sh",
            "-c",
            "standalone-microprofile.xml",
            "-Djboss.server.base.dir=/work/it/standalone",
            "-b=127.0.0.1",
            "-bmanagement=127.0.0.1",
            "-bprivate=127.0.0.1",
            "-Djboss.socket.binding.port-offset=100");
    assertThat(launch.uri("/app/")).hasToString("http://127.0.0.1:8180/app/");
    assertThat(launch.managementUri("/prometheus"))
        .hasToString("http://127.0.0.1:10090/prometheus");
    assertThat(launch.serverLog()).isEqualTo(Path.of("/work/it/standalone/log/server.log"));
    assertThat(launch.console()).isEqualTo(Path.of("/work/it/wildfly.out"));
  }

  @Test
  void command_endsWithTheSystemPropertiesInTheirOrder() {
    WildFlyLaunch launch =
        WildFlyLaunch.of(HOME, BASE)
            .serverConfig("standalone-microprofile-ha.xml")
            .systemProperties(Map.of("jboss.node.name", "node-0"))
            .systemProperties(Map.of("trf.peer.0.port", "7600"));

    assertThat(launch.command())
        .contains("standalone-microprofile-ha.xml")
        .endsWith("-Djboss.node.name=node-0", "-Dtrf.peer.0.port=7600");
  }

  @Test
  void environment_namesTheDistributionThisJvmAndTheJvmOptions() {
    WildFlyLaunch launch =
        WildFlyLaunch.of(HOME, BASE)
            .jvmOptions(List.of("-Xmx384m", "-XX:+UseSerialGC"))
            .inBackground()
            .console(BASE.resolve("console.log"), true)
            .stopping("node-0", Duration.ofSeconds(20));

    assertThat(launch.environment())
        .containsExactly(
            Map.entry("JBOSS_HOME", "/opt/wildfly"),
            Map.entry("JAVA_HOME", System.getProperty("java.home")),
            Map.entry("JAVA_OPTS", "-Xmx384m -XX:+UseSerialGC"),
            Map.entry("LAUNCH_JBOSS_IN_BACKGROUND", "true"));
    assertThat(launch.console()).isEqualTo(BASE.resolve("console.log"));
  }

  @Test
  void environment_leavesJavaOptsToStandaloneConfWhenNoOptionsAreGiven() {
    assertThat(WildFlyLaunch.of(HOME, BASE).environment()).doesNotContainKey("JAVA_OPTS");
  }
}
