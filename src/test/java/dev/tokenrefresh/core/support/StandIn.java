package dev.tokenrefresh.core.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;

/**
 * A stand-in for an interface the code under test calls (a servlet session, a request, JWT claims):
 * a {@link Proxy} of it whose every call goes to one handler, which answers the few methods the
 * code uses. Thread-safe if the handler is.
 */
public final class StandIn {

  private StandIn() {}

  /** A {@code type} whose every call {@code answer} answers. */
  public static <T> T of(Class<T> type, InvocationHandler answer) {
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, answer));
  }
}
