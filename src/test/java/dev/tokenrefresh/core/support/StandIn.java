package dev.tokenrefresh.core.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

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

  /** A {@code type} that answers the methods it is told of with fixed values: see {@link Table}. */
  public static <T> Table<T> answering(Class<T> type) {
    return new Table<>(type);
  }

  /**
   * A stand-in's answers as a table, a fixed value (or {@code null}) per method name, for an
   * interface whose methods the code under test only reads. Any other method throws {@link
   * UnsupportedOperationException} naming it, so that a test notices when the code calls something
   * new. Not thread-safe while it is filled; the stand-in it builds is.
   */
  public static final class Table<T> {
    private final Class<T> type;
    private final Map<String, Object> answers = new HashMap<>();

    private Table(Class<T> type) {
      this.type = type;
    }

    /** Answers every call of {@code method} (any arguments) with {@code value}. */
    public Table<T> answer(String method, Object value) {
      answers.put(method, value);
      return this;
    }

    /** The stand-in: the answers so far, and {@link UnsupportedOperationException} for the rest. */
    public T refusingTheRest() {
      Map<String, Object> table = new HashMap<>(answers);
      return of(
          type,
          (proxy, method, args) -> {
            if (!table.containsKey(method.getName())) {
              throw new UnsupportedOperationException(method.getName());
            }
            return table.get(method.getName());
          });
    }
  }
}
