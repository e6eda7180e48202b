package dev.tokenrefresh.internal.core;

import static dev.tokenrefresh.core.config.ConfigKey.*;

import dev.tokenrefresh.core.config.ConfigKey;
import java.time.Duration;

/**
 * Every threshold of the refresh coordinator, validated once. The Jakarta layer maps MicroProfile
 * Config keys ({@code token-refresh.*}) onto it; the core never sees Config. Each error message
 * names the key, the value and the rule. Immutable and thread-safe.
 *
 * @param rotationGrace how long the old refresh token of a session still yields its new tokens
 * @param maxAttempts identity-provider calls one session may start within {@code attemptWindow}
 * @param attemptWindow the sliding window of the per-session attempt limit
 * @param cooldown how long a session that exceeded the attempt limit is refused
 * @param breakerFailureThreshold consecutive provider faults that open the breaker
 * @param breakerOpenDuration how long the open breaker refuses calls before probing
 * @param breakerHalfOpenProbes calls admitted at once while half-open
 * @param maxConcurrent provider calls running at once
 * @param maxQueued new refresh flights waiting for a free call slot
 * @param timeout bound of one provider call, and of a flight's wait for a call slot
 * @param memoryPressureEnabled whether the heap guard refuses new calls when the heap is nearly
 *     full
 * @param heapFraction used/max heap at or above which new calls are refused
 * @param memorySampleInterval the least time between two heap samples
 * @param cleanupInterval how often stale per-session state is removed
 * @param maxTrackedSessions cap on per-session trackers and on rotation-grace entries (each)
 */
public record RefreshSettings(
    Duration rotationGrace,
    int maxAttempts,
    Duration attemptWindow,
    Duration cooldown,
    int breakerFailureThreshold,
    Duration breakerOpenDuration,
    int breakerHalfOpenProbes,
    int maxConcurrent,
    int maxQueued,
    Duration timeout,
    boolean memoryPressureEnabled,
    double heapFraction,
    Duration memorySampleInterval,
    Duration cleanupInterval,
    int maxTrackedSessions) {

  /** The configuration key prefix shared by all settings. */
  public static final String PREFIX = "token-refresh.";

  /** Validates every field; the message names the key, the value and the rule. */
  public RefreshSettings {
    if (rotationGrace == null || rotationGrace.isNegative() || rotationGrace.isZero()) {
      // Not a mere replay window: the same table carries a flight leader's second look, a dead
      // grant's refusal and a rotation no request stored yet. Zero would silently drop all three.
      throw invalid(
          ROTATION_GRACE,
          rotationGrace,
          "must be a duration > 0 (0 would let a request that read the session just before a"
              + " rotation redeem the rotated token again; 1s is the least sensible value)");
    }
    atLeast(MAX_ATTEMPTS, maxAttempts, 1);
    positive(ATTEMPT_WINDOW, attemptWindow);
    positive(COOLDOWN, cooldown);
    atLeast(BREAKER_FAILURE_THRESHOLD, breakerFailureThreshold, 1);
    positive(BREAKER_OPEN_DURATION, breakerOpenDuration);
    atLeast(BREAKER_HALF_OPEN_PROBES, breakerHalfOpenProbes, 1);
    atLeast(MAX_CONCURRENT, maxConcurrent, 1);
    atLeast(MAX_QUEUED, maxQueued, 0);
    positive(TIMEOUT, timeout);
    if (!(heapFraction > 0.0 && heapFraction <= 1.0)) {
      throw invalid(MEMORY_PRESSURE_HEAP_FRACTION, heapFraction, "must be > 0 and <= 1");
    }
    positive(MEMORY_PRESSURE_SAMPLE_INTERVAL, memorySampleInterval);
    positive(CLEANUP_INTERVAL, cleanupInterval);
    atLeast(MAX_TRACKED_SESSIONS, maxTrackedSessions, 1);
  }

  /** The defaults of {@link ConfigKey}, which README's configuration tables show. */
  public static RefreshSettings defaults() {
    return builder().build();
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from this record's values. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  private static void positive(ConfigKey key, Duration value) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw invalid(key, value, "must be a duration > 0");
    }
  }

  private static void atLeast(ConfigKey key, int value, int min) {
    if (value < min) {
      throw invalid(key, value, "must be >= " + min);
    }
  }

  private static IllegalArgumentException invalid(ConfigKey key, Object value, String rule) {
    return new IllegalArgumentException(key.key() + " " + rule + ", was " + value);
  }

  /** Builds {@link RefreshSettings}; starts from the defaults. Not thread-safe. */
  public static final class Builder {
    private Duration rotationGrace = ROTATION_GRACE.defaultDuration();
    private int maxAttempts = MAX_ATTEMPTS.defaultInt();
    private Duration attemptWindow = ATTEMPT_WINDOW.defaultDuration();
    private Duration cooldown = COOLDOWN.defaultDuration();
    private int breakerFailureThreshold = BREAKER_FAILURE_THRESHOLD.defaultInt();
    private Duration breakerOpenDuration = BREAKER_OPEN_DURATION.defaultDuration();
    private int breakerHalfOpenProbes = BREAKER_HALF_OPEN_PROBES.defaultInt();
    private int maxConcurrent = MAX_CONCURRENT.defaultInt();
    private int maxQueued = MAX_QUEUED.defaultInt();
    private Duration timeout = TIMEOUT.defaultDuration();
    private boolean memoryPressureEnabled = MEMORY_PRESSURE_ENABLED.defaultBool();
    private double heapFraction = MEMORY_PRESSURE_HEAP_FRACTION.defaultDecimal();
    private Duration memorySampleInterval = MEMORY_PRESSURE_SAMPLE_INTERVAL.defaultDuration();
    private Duration cleanupInterval = CLEANUP_INTERVAL.defaultDuration();
    private int maxTrackedSessions = MAX_TRACKED_SESSIONS.defaultInt();

    private Builder() {}

    private Builder(RefreshSettings s) {
      rotationGrace = s.rotationGrace;
      maxAttempts = s.maxAttempts;
      attemptWindow = s.attemptWindow;
      cooldown = s.cooldown;
      breakerFailureThreshold = s.breakerFailureThreshold;
      breakerOpenDuration = s.breakerOpenDuration;
      breakerHalfOpenProbes = s.breakerHalfOpenProbes;
      maxConcurrent = s.maxConcurrent;
      maxQueued = s.maxQueued;
      timeout = s.timeout;
      memoryPressureEnabled = s.memoryPressureEnabled;
      heapFraction = s.heapFraction;
      memorySampleInterval = s.memorySampleInterval;
      cleanupInterval = s.cleanupInterval;
      maxTrackedSessions = s.maxTrackedSessions;
    }

    /** See {@link RefreshSettings#rotationGrace()}. */
    public Builder rotationGrace(Duration value) {
      rotationGrace = value;
      return this;
    }

    /** See {@link RefreshSettings#maxAttempts()}. */
    public Builder maxAttempts(int value) {
      maxAttempts = value;
      return this;
    }

    /** See {@link RefreshSettings#attemptWindow()}. */
    public Builder attemptWindow(Duration value) {
      attemptWindow = value;
      return this;
    }

    /** See {@link RefreshSettings#cooldown()}. */
    public Builder cooldown(Duration value) {
      cooldown = value;
      return this;
    }

    /** See {@link RefreshSettings#breakerFailureThreshold()}. */
    public Builder breakerFailureThreshold(int value) {
      breakerFailureThreshold = value;
      return this;
    }

    /** See {@link RefreshSettings#breakerOpenDuration()}. */
    public Builder breakerOpenDuration(Duration value) {
      breakerOpenDuration = value;
      return this;
    }

    /** See {@link RefreshSettings#breakerHalfOpenProbes()}. */
    public Builder breakerHalfOpenProbes(int value) {
      breakerHalfOpenProbes = value;
      return this;
    }

    /** See {@link RefreshSettings#maxConcurrent()}. */
    public Builder maxConcurrent(int value) {
      maxConcurrent = value;
      return this;
    }

    /** See {@link RefreshSettings#maxQueued()}. */
    public Builder maxQueued(int value) {
      maxQueued = value;
      return this;
    }

    /** See {@link RefreshSettings#timeout()}. */
    public Builder timeout(Duration value) {
      timeout = value;
      return this;
    }

    /** See {@link RefreshSettings#memoryPressureEnabled()}. */
    public Builder memoryPressureEnabled(boolean value) {
      memoryPressureEnabled = value;
      return this;
    }

    /** See {@link RefreshSettings#heapFraction()}. */
    public Builder heapFraction(double value) {
      heapFraction = value;
      return this;
    }

    /** See {@link RefreshSettings#memorySampleInterval()}. */
    public Builder memorySampleInterval(Duration value) {
      memorySampleInterval = value;
      return this;
    }

    /** See {@link RefreshSettings#cleanupInterval()}. */
    public Builder cleanupInterval(Duration value) {
      cleanupInterval = value;
      return this;
    }

    /** See {@link RefreshSettings#maxTrackedSessions()}. */
    public Builder maxTrackedSessions(int value) {
      maxTrackedSessions = value;
      return this;
    }

    /** Validates and builds; the exception names the first invalid key. */
    public RefreshSettings build() {
      return new RefreshSettings(
          rotationGrace,
          maxAttempts,
          attemptWindow,
          cooldown,
          breakerFailureThreshold,
          breakerOpenDuration,
          breakerHalfOpenProbes,
          maxConcurrent,
          maxQueued,
          timeout,
          memoryPressureEnabled,
          heapFraction,
          memorySampleInterval,
          cleanupInterval,
          maxTrackedSessions);
    }
  }
}
