package dev.tokenrefresh.internal.core.cluster;

/**
 * A grid value could not be opened or parsed: altered, moved under another key, or sealed with a
 * key this node does not have. Handled like a grid failure. Its message holds no value.
 */
public final class UnreadableEntryException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  UnreadableEntryException(String message) {
    super(message);
  }
}
