package dev.tokenrefresh.bench.throughput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OptionsTest {

  private static Options parse(int cpus, String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--payara-jar", "p.jar",
                "--pre-boot", "pre.asadmin",
                "--wildfly-home", "wf",
                "--library", "lib.jar",
                "--war-libs", "libs"));
    args.addAll(List.of(extra));
    return Options.parse(args.toArray(String[]::new), cpus);
  }

  @Test
  void pinning_withTwoCpus_isOnByDefault_serverOnCpu0_wrkOnCpu1() {
    assertThat(parse(2).pinning()).isEqualTo(new CpuPinning("0", "1"));
  }

  @Test
  void pinning_onOneCpu_isOffByDefault() {
    assertThat(parse(1).pinning()).isNull();
  }

  @Test
  void pin_onOneCpu_failsNamingTheCpu() {
    assertThatThrownBy(() -> parse(1, "--pin"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs CPU 1, this machine has 1");
  }

  @Test
  void noPin_turnsPinningOff() {
    assertThat(parse(4, "--no-pin").pinning()).isNull();
  }

  @Test
  void overlappingCpus_areRefused() {
    assertThatThrownBy(() -> parse(4, "--server-cpus", "0-1", "--wrk-cpus", "1"))
        .hasMessageContaining("overlap");
  }

  @Test
  void server_defaultsToBoth_payaraFirst() {
    assertThat(parse(2).servers()).containsExactly(ServerKind.PAYARA, ServerKind.WILDFLY);
  }

  @Test
  void server_one_isThatOneOnly() {
    assertThat(parse(2, "--server", "wildfly").servers()).containsExactly(ServerKind.WILDFLY);
  }

  @Test
  void server_unknown_failsWithTheChoices() {
    assertThatThrownBy(() -> parse(2, "--server", "tomcat"))
        .hasMessage("--server must be payara, wildfly or both, was 'tomcat'");
  }
}
