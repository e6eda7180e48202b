package dev.tokenrefresh.bench.throughput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CpuPinningTest {

  @Test
  void parseList_readsRangesAndSingles() {
    assertThat(CpuPinning.parseList("0-2,4")).containsExactly(0, 1, 2, 4);
  }

  @Test
  void parseList_refusesABackwardRange() {
    assertThatThrownBy(() -> CpuPinning.parseList("3-1")).hasMessageContaining("bad CPU range");
  }

  @Test
  void allowedList_isReadFromAProcStatusText() {
    assertThat(CpuPinning.allowedList("Name:\tjava\nCpus_allowed:\t1\nCpus_allowed_list:\t0\n"))
        .isEqualTo("0");
  }

  @Test
  void pinServer_putsEveryThreadOfAProcessOnTheCpu_andRequirePinnedCountsThem() throws Exception {
    assumeTrue(Runtime.getRuntime().availableProcessors() >= 2 && Files.exists(Path.of("/proc")));
    CpuPinning pinning = new CpuPinning("1", "0");
    Process sleeper = new ProcessBuilder("sleep", "30").start();
    try {
      // negative control: unpinned, it may run on every CPU, which requirePinned refuses
      assertThatThrownBy(() -> pinning.requirePinned(sleeper.pid()))
          .hasMessageContaining("may run on CPUs");
      pinning.pinServer(sleeper.pid());
      assertThat(pinning.requirePinned(sleeper.pid())).isEqualTo(1);
    } finally {
      sleeper.destroyForcibly().waitFor();
    }
  }
}
