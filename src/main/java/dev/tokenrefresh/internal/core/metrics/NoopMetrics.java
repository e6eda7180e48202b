package dev.tokenrefresh.internal.core.metrics;

/** Records nothing: the default metrics port. Thread-safe (stateless). */
enum NoopMetrics implements RefreshMetrics {
  INSTANCE
}
