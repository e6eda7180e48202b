package dev.tokenrefresh.example.demo;

import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The demo's entry point ({@code ./demo.sh [run|burst] [options]}, see {@code
 * webapp-example/README-fragment.md}).
 *
 * <ul>
 *   <li>{@code run} (default): starts the provider and Payara Micro with the example, prints the
 *       URL, and runs until Ctrl-C, which stops both.
 *   <li>{@code burst}: the same on free ports, then logs in without a browser, waits for the access
 *       token to expire, fires {@code --requests} (100) concurrent requests of that session, prints
 *       the report, stops everything, and exits 0 only if every request succeeded with exactly one
 *       token-endpoint call. With {@code --app URL} it starts nothing and fires at that deployment
 *       of the example instead ({@code --metrics URL} adds the module's metrics to the report).
 *   <li>{@code idp}: the demo's provider alone, for one's own application: prints its issuer and
 *       the client settings to paste, and each token request as it arrives, until Ctrl-C.
 * </ul>
 *
 * Options: {@code --requests N}, {@code --token-expiry SECONDS} (15), {@code --port P} (8080, or a
 * free one if taken), {@code --idp-port P} (9400, likewise).
 */
public final class Demo {

  private Demo() {}

  /** Runs the demo; see the class comment. */
  public static void main(String[] args) throws Exception {
    Map<String, String> options = options(args);
    String mode = options.getOrDefault("mode", "run");
    Duration expiry =
        Duration.ofSeconds(Integer.parseInt(options.getOrDefault("token-expiry", "15")));
    // Refresh 2 s before expiry instead of the default 30 s (capped at half the lifetime): with
    // 15-second tokens, the page then shows a token being used almost to its end, then refreshed.
    Duration refreshAhead = Duration.ofSeconds(2);
    DemoPaths paths = DemoPaths.fromSystemProperties().requireBuilt();
    PrintStream out = System.out;
    switch (mode) {
      case "burst" -> {
        int n = Integer.parseInt(options.getOrDefault("requests", "100"));
        if (options.containsKey("app")) {
          System.exit(burstAt(options, n, out));
        }
        System.exit(burst(paths, new DemoStack.Settings(0, 0, expiry, refreshAhead), n, out));
      }
      case "idp" -> {
        int idpPort =
            FreePort.preferring(Integer.parseInt(options.getOrDefault("idp-port", "9400")));
        idp(idpPort, expiry, out);
      }
      case "run" -> {
        int port = FreePort.preferring(Integer.parseInt(options.getOrDefault("port", "8080")));
        int idpPort =
            FreePort.preferring(Integer.parseInt(options.getOrDefault("idp-port", "9400")));
        run(paths, new DemoStack.Settings(port, idpPort, expiry, refreshAhead), out);
      }
      default -> throw new IllegalArgumentException("unknown mode " + mode + ": run, burst or idp");
    }
  }

  private static int burst(DemoPaths paths, DemoStack.Settings settings, int n, PrintStream out)
      throws Exception {
    out.println("starting mock-oauth2-server and Payara Micro (log: " + paths.workDir() + ")…");
    try (DemoStack stack = DemoStack.start(paths, settings, grant -> {})) {
      out.println("example running at " + stack.app());
      BurstScenario.Outcome outcome = BurstScenario.run(stack, new Browser(), n, out);
      out.println();
      out.print(BurstReport.format(outcome));
      out.println("stopping Payara Micro and the provider…");
      return outcome.passed() ? 0 : 1;
    }
  }

  /** The burst against a deployment of the example this process did not start. */
  private static int burstAt(Map<String, String> options, int n, PrintStream out) throws Exception {
    String app = options.get("app");
    URI base = URI.create(app.endsWith("/") ? app : app + "/");
    URI metrics = options.containsKey("metrics") ? URI.create(options.get("metrics")) : null;
    out.println("firing at " + base + " (the example's login and api/me)…");
    BurstScenario.Outcome outcome = BurstScenario.run(base, null, metrics, new Browser(), n, out);
    out.println();
    out.print(BurstReport.format(outcome));
    return outcome.passed() ? 0 : 1;
  }

  /** The demo's provider alone, until Ctrl-C. */
  private static void idp(int port, Duration expiry, PrintStream out) throws Exception {
    AtomicInteger calls = new AtomicInteger();
    DemoIdp idp =
        DemoIdp.start(
            port,
            (int) expiry.toSeconds(),
            grant ->
                out.printf(
                    "provider: token request #%d (grant_type=%s)%n",
                    calls.incrementAndGet(), grant));
    Runtime.getRuntime().addShutdownHook(new Thread(idp::close));
    out.println();
    out.println("The demo's OpenID Connect provider is running (Ctrl-C stops it):");
    out.println("  issuer     " + idp.issuer());
    out.println("  discovery  " + idp.issuer() + "/.well-known/openid-configuration");
    out.println(
        "  login      no form, no password: the authorize endpoint redirects straight back");
    out.println("             with a code for user alice@example.test");
    out.printf("  tokens     access tokens live %d s; refresh tokens rotate%n", expiry.toSeconds());
    out.println("  clients    any client id and secret are accepted");
    out.println();
    out.println("Configuration for your application (microprofile-config.properties):");
    out.println();
    out.println("token-refresh.oidc.issuer=" + idp.issuer());
    out.println("token-refresh.oidc.client-id=my-app");
    out.println("token-refresh.oidc.client-secret=my-app-secret");
    out.println();
    out.println("Then, for an application with the example's login and api/me:");
    out.println("  ./demo.sh burst --app http://127.0.0.1:8080/my-app/");
    out.println();
    Thread.currentThread().join();
  }

  private static void run(DemoPaths paths, DemoStack.Settings settings, PrintStream out)
      throws Exception {
    out.println("starting mock-oauth2-server and Payara Micro (log: " + paths.workDir() + ")…");
    AtomicInteger calls = new AtomicInteger();
    DemoStack stack =
        DemoStack.start(
            paths,
            settings,
            grant ->
                out.printf(
                    "provider: token request #%d (grant_type=%s)%n",
                    calls.incrementAndGet(), grant));
    Thread stopper =
        new Thread(
            () -> {
              out.println("stopping Payara Micro and the provider…");
              stack.close();
              out.println("stopped.");
            });
    Runtime.getRuntime().addShutdownHook(stopper);
    out.println();
    out.println("token-refresh-filter demo is running (Ctrl-C stops it):");
    out.println("  application  " + stack.app());
    out.println("  provider     " + stack.idp().issuer() + "  (mock-oauth2-server: no password)");
    out.println("  metrics      " + stack.payara().metrics());
    out.println("  Payara log   " + stack.payara().log());
    out.printf(
        "Access tokens live %d s; the module refreshes them %d s before they expire.%n",
        settings.tokenExpiry().toSeconds(), settings.refreshAhead().toSeconds());
    out.println();
    while (stack.payara().isAlive()) {
      Thread.sleep(1000);
    }
    out.println("Payara Micro has stopped; see " + stack.payara().log());
    System.exit(1);
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].startsWith("--") && i + 1 < args.length) {
        options.put(args[i].substring(2), args[++i]);
      } else if (!args[i].startsWith("--")) {
        options.put("mode", args[i]);
      } else {
        throw new IllegalArgumentException(args[i] + " needs a value");
      }
    }
    return options;
  }
}
