package dev.tokenrefresh.it.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay on 127.0.0.1 in front of the {@link MockIdp}'s token endpoint, for the fault that no
 * scripted answer can give: an identity provider that is down. {@link #down()} closes the listening
 * socket and every relayed connection, so that the next connection is refused; {@link #up()}
 * listens on the same port again. Bytes are relayed unchanged both ways. One instance per test JVM,
 * started on first use (the deployment names its port). Thread-safe.
 */
public final class FaultGateway {

  private static FaultGateway shared;

  private final InetSocketAddress target;
  private final int port;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private volatile ServerSocket listener;

  private FaultGateway(URI upstream) throws IOException {
    this.target = new InetSocketAddress(upstream.getHost(), upstream.getPort());
    this.listener = listen(0);
    this.port = listener.getLocalPort();
    accept(listener);
  }

  /** The gateway of this JVM in front of the shared {@link MockIdp}. */
  public static synchronized FaultGateway shared() {
    if (shared == null) {
      try {
        shared = new FaultGateway(MockIdp.shared().tokenEndpoint());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return shared;
  }

  /** The mock provider's token endpoint, reached through this gateway. */
  public URI tokenEndpoint() {
    URI direct = MockIdp.shared().tokenEndpoint();
    return URI.create("http://127.0.0.1:" + port + direct.getRawPath());
  }

  /** The provider is down: connections are refused, and open ones are cut. */
  public synchronized void down() {
    closeQuietly(listener);
    open.forEach(FaultGateway::closeQuietly);
    open.clear();
  }

  /** The provider is back, on the same port. */
  public synchronized void up() {
    if (!listener.isClosed()) {
      return;
    }
    try {
      listener = listen(port);
    } catch (IOException e) {
      throw new UncheckedIOException("listening on " + port + " again", e);
    }
    accept(listener);
  }

  private static ServerSocket listen(int port) throws IOException {
    ServerSocket socket = new ServerSocket();
    socket.setReuseAddress(true);
    socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 50);
    return socket;
  }

  private void accept(ServerSocket socket) {
    Thread acceptor =
        new Thread(
            () -> {
              while (!socket.isClosed()) {
                try {
                  relay(socket.accept());
                } catch (IOException closed) {
                  return;
                }
              }
            },
            "fault-gateway-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  private void relay(Socket client) {
    Socket upstream = new Socket();
    try {
      upstream.connect(target, 2_000);
    } catch (IOException e) {
      closeQuietly(client);
      closeQuietly(upstream);
      return;
    }
    open.add(client);
    open.add(upstream);
    pipe(client, upstream);
    pipe(upstream, client);
  }

  private void pipe(Socket from, Socket to) {
    Thread t =
        new Thread(
            () -> {
              byte[] buffer = new byte[16 * 1024];
              try (InputStream in = from.getInputStream();
                  OutputStream out = to.getOutputStream()) {
                for (int n; (n = in.read(buffer)) != -1; ) {
                  out.write(buffer, 0, n);
                  out.flush();
                }
              } catch (IOException cut) {
                // one side closed or the gateway went down
              } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
              }
            },
            "fault-gateway-pipe");
    t.setDaemon(true);
    t.start();
  }

  private static void closeQuietly(java.io.Closeable c) {
    try {
      c.close();
    } catch (IOException ignored) {
      // closing anyway
    }
  }
}
