package dev.tokenrefresh.core.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiFunction;

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
   * A stand-in's answers as a table, one per method name: a fixed value (or {@code null}), or an
   * {@link Answer} that computes it at each call from the stand-in's state and the call's
   * arguments. The rest of the methods either throw {@link UnsupportedOperationException} naming
   * them ({@link #refusingTheRest}), so that a test notices when the code calls something new, or
   * answer {@code null} ({@link #nullForTheRest}), as a container's no-op would. Not thread-safe
   * while it is filled; the stand-in it builds is as thread-safe as its answers.
   */
  public static final class Table<T> {
    private final Class<T> type;
    private final Map<String, Answer> answers = new HashMap<>();

    private Table(Class<T> type) {
      this.type = type;
    }

    /** Answers every call of {@code method} (any arguments) with {@code value}. */
    public Table<T> answer(String method, Object value) {
      return answerBy(method, args -> value);
    }

    /** Answers every call of {@code method} with what {@code answer} computes at that call. */
    public Table<T> answerBy(String method, Answer answer) {
      answers.put(method, answer);
      return this;
    }

    /** The stand-in: the answers so far, and {@link UnsupportedOperationException} for the rest. */
    public T refusingTheRest() {
      return answeringTheRest(
          (method, args) -> {
            throw new UnsupportedOperationException(method);
          });
    }

    /** The stand-in: the answers so far, and {@code null} for the rest. */
    public T nullForTheRest() {
      return answeringTheRest((method, args) -> null);
    }

    private T answeringTheRest(BiFunction<String, Object[], Object> rest) {
      Map<String, Answer> table = new HashMap<>(answers);
      return of(
          type,
          (proxy, method, args) -> {
            Answer answer = table.get(method.getName());
            return answer == null ? rest.apply(method.getName(), args) : answer.to(args);
          });
    }
  }

  /** What a stand-in's method answers, computed at each call. */
  @FunctionalInterface
  public interface Answer {

    /**
     * The call's result ({@code null} for a {@code void} method).
     *
     * @param args the call's arguments, {@code null} when the method takes none (as {@link
     *     InvocationHandler} gets them)
     */
    Object to(Object[] args);
  }
}
