package dev.tokenrefresh.bench.throughput;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time from Linux's {@code /proc/<pid>/stat}, in clock ticks (10 ms at the usual {@code
 * CLK_TCK} of 100): user plus system time of a process, and of its finished children. CPU spent per
 * request hardly depends on what else the machine runs, unlike requests per second, so it shows the
 * filter's own cost even on a busy machine. Stateless; returns -1 where {@code /proc} is missing.
 */
final class CpuTime {

  /** Linux's {@code sysconf(_SC_CLK_TCK)}, 100 on every common kernel configuration. */
  static final double MICROS_PER_TICK = 10_000;

  private CpuTime() {}

  /** User plus system ticks of process {@code pid}. */
  static long ofProcess(long pid) {
    return sum(Path.of("/proc", Long.toString(pid), "stat"), 14, 15);
  }

  /** User plus system ticks of this JVM's children that have ended (wrk, once waited for). */
  static long ofEndedChildren() {
    return sum(Path.of("/proc/self/stat"), 16, 17);
  }

  /** Fields numbered from 1 as in proc(5); the command name may hold spaces, so skip past it. */
  private static long sum(Path stat, int first, int second) {
    try {
      String s = Files.readString(stat);
      String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
      // f[0] is field 3 (state)
      return Long.parseLong(f[first - 3]) + Long.parseLong(f[second - 3]);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }
}
