package dev.tokenrefresh.example.keycloak;

import dev.tokenrefresh.example.demo.DemoPaths;
import dev.tokenrefresh.example.demo.ExampleServer;
import dev.tokenrefresh.example.demo.FreePort;
import dev.tokenrefresh.testing.ParallelStart;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The example on two Payara Micro nodes clustered on 127.0.0.1 (as {@code
 * payara-config/cluster-micro.sh} runs them), pointed at the running Keycloak, with the negative
 * control's copy ({@link LocalCoalescingWar}) beside it on both. The cluster key is made per run
 * and given as the environment variable {@code TOKEN_REFRESH_CLUSTER_KEY}, as the README advises;
 * {@code token-refresh.cluster} keeps its default {@code auto}, which finds Payara's data grid.
 * Closing stops both nodes; Keycloak belongs to the build. Not thread-safe.
 */
public final class KeycloakCluster implements AutoCloseable {

  private final List<ExampleServer> nodes;

  private KeycloakCluster(List<ExampleServer> nodes) {
    this.nodes = nodes;
  }

  /**
   * Builds the control's WAR, registers both applications' callbacks on node 0 at Keycloak and
   * starts the two nodes at once.
   *
   * @param fixture the running Keycloak, its realm and the suite's work directory
   */
  public static KeycloakCluster start(KeycloakFixture fixture)
      throws IOException, InterruptedException {
    DemoPaths paths = fixture.paths();
    RealmFile realm = fixture.realm();
    Path control =
        LocalCoalescingWar.build(
            paths.war(), paths.workDir().resolve("token-refresh-example-local.war"));
    List<Integer> http = List.of(FreePort.any(), FreePort.any());
    List<Integer> grid = List.of(FreePort.any(), FreePort.any());
    fixture
        .admin()
        .registerApp(
            realm.clientId(),
            app(http.get(0), ExampleServer.CONTEXT_ROOT),
            app(http.get(0), LocalCoalescingWar.CONTEXT_ROOT));
    Map<String, String> config = fixture.moduleConfig();
    Map<String, String> environment =
        Map.of(
            "TOKEN_REFRESH_OIDC_CLIENT_SECRET", realm.clientSecret(),
            "TOKEN_REFRESH_CLUSTER_KEY", randomKey());
    String clusterName = "trf-keycloak-" + ProcessHandle.current().pid();
    List<ParallelStart.Start<ExampleServer>> starts = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      DemoPaths node =
          new DemoPaths(
              paths.war(),
              paths.payaraMicro(),
              paths.payaraConfig(),
              paths.workDir().resolve("node-" + i));
      ExampleServer.Grid member = new ExampleServer.Grid(clusterName, grid.get(i), grid);
      int port = http.get(i);
      starts.add(
          () ->
              ExampleServer.start(
                  node,
                  port,
                  config,
                  environment,
                  member,
                  Map.of(LocalCoalescingWar.CONTEXT_ROOT, control)));
    }
    return new KeycloakCluster(ParallelStart.all(starts));
  }

  /** The example's start page on node {@code i}. */
  public URI app(int i) {
    return nodes.get(i).app();
  }

  /** The control's start page on node {@code i}. */
  public URI control(int i) {
    return app(i).resolve(LocalCoalescingWar.CONTEXT_ROOT + "/");
  }

  /** Node {@code i}'s metrics endpoint (the example's: the control records none). */
  public URI metrics(int i) {
    return nodes.get(i).metrics();
  }

  /** How many nodes. */
  public int size() {
    return nodes.size();
  }

  @Override
  public void close() {
    nodes.forEach(ExampleServer::close);
  }

  private static URI app(int port, String contextRoot) {
    return URI.create("http://127.0.0.1:" + port + contextRoot + "/");
  }

  /** Made per run, never committed: a real key comes from an environment variable. */
  private static String randomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }
}
