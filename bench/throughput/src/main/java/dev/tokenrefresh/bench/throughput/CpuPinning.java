package dev.tokenrefresh.bench.throughput;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Keeps the server and wrk on separate cores with Linux's {@code taskset}, so that wrk no longer
 * takes CPU time from the server it measures. The server JVM is pinned once it has started (every
 * thread it has, {@code taskset -a -p}; threads it creates later inherit the mask); wrk is started
 * under {@code taskset -c}. {@link #threadsOn} reads the mask of every thread back from {@code
 * /proc}, so the report states what was in force, not what was asked for. Immutable.
 *
 * @param serverCpus the server's CPU list, in taskset's syntax ({@code 0}, {@code 0,2}, {@code
 *     0-1})
 * @param wrkCpus wrk's CPU list
 */
record CpuPinning(String serverCpus, String wrkCpus) {

  /** Pins every thread of process {@code pid} to {@link #serverCpus}; fails if taskset does. */
  void pinServer(long pid) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder("taskset", "-a", "-c", "-p", serverCpus, Long.toString(pid))
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IllegalStateException("taskset failed for pid " + pid + ":\n" + out);
    }
  }

  /** What to put before wrk's command line. */
  List<String> wrkPrefix() {
    return List.of("taskset", "-c", wrkCpus);
  }

  /**
   * Checks that every thread of {@code pid} may run on {@link #serverCpus} only.
   *
   * @return the number of threads checked
   * @throws IllegalStateException naming a thread allowed elsewhere
   */
  int requirePinned(long pid) {
    Set<Integer> wanted = parseList(serverCpus);
    int threads = 0;
    try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
      for (Path task : tasks.toList()) {
        Set<Integer> allowed;
        try {
          allowed = parseList(allowedList(Files.readString(task.resolve("status"))));
        } catch (NoSuchFileException ended) {
          continue; // the thread ended while we looked
        }
        if (!allowed.equals(wanted)) {
          throw new IllegalStateException(
              "thread " + task.getFileName() + " of " + pid + " may run on CPUs " + allowed);
        }
        threads++;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return threads;
  }

  /** The value of {@code Cpus_allowed_list:} in a {@code /proc/.../status} text. */
  static String allowedList(String status) {
    return status
        .lines()
        .filter(l -> l.startsWith("Cpus_allowed_list:"))
        .map(l -> l.substring("Cpus_allowed_list:".length()).trim())
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no Cpus_allowed_list"));
  }

  /** A CPU list ({@code 0-2,4}) as the set of CPU numbers. */
  static Set<Integer> parseList(String list) {
    Set<Integer> cpus = new TreeSet<>();
    for (String part : list.trim().split(",")) {
      String[] range = part.split("-", 2);
      int from = Integer.parseInt(range[0].trim());
      int to = range.length == 2 ? Integer.parseInt(range[1].trim()) : from;
      if (to < from) {
        throw new IllegalArgumentException("bad CPU range '" + part + "' in '" + list + "'");
      }
      for (int c = from; c <= to; c++) {
        cpus.add(c);
      }
    }
    return cpus;
  }
}
