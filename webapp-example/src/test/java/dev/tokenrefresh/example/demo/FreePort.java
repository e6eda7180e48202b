package dev.tokenrefresh.example.demo;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Finds free TCP ports on 127.0.0.1. */
public final class FreePort {

  private FreePort() {}

  /**
   * A port nothing listens on right now (another process may still take it before we do; the window
   * is short and the caller fails clearly if it happens).
   */
  public static int any() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return socket.getLocalPort();
    }
  }

  /** {@code preferred} when it is free, otherwise any free port. */
  public static int preferring(int preferred) throws IOException {
    try (ServerSocket socket = new ServerSocket(preferred, 1, InetAddress.getByName("127.0.0.1"))) {
      return socket.getLocalPort();
    } catch (IOException busy) {
      return any();
    }
  }
}
