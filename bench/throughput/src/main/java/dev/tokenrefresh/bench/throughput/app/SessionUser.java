package dev.tokenrefresh.bench.throughput.app;

/** What every benchmark login puts in the session: the user's name under one attribute. */
public final class SessionUser {

  /** The session attribute holding the user's name. */
  public static final String ATTRIBUTE = "bench.user";

  /** The name every benchmark session logs in with. */
  public static final String NAME = "bench-user";

  private SessionUser() {}
}
