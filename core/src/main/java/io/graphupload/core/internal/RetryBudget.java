package io.graphupload.core.internal;

import io.graphupload.core.Nullable;
import io.graphupload.core.RetryPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Counts the failures of one request in a row and says how long to wait before the next try, or
 * that the policy's tries or time are spent. Not thread-safe: one per upload.
 */
public final class RetryBudget {
  private final RetryPolicy policy;
  private final Clock clock;
  private final RandomGenerator random;
  private int failures;
  private @Nullable Instant firstFailure;

  public RetryBudget(RetryPolicy policy, Clock clock, RandomGenerator random) {
    this.policy = policy;
    this.clock = clock;
    this.random = random;
  }

  /** Forgets past failures, after a request succeeded. */
  public void reset() {
    failures = 0;
    firstFailure = null;
  }

  /** Returns how many failures in a row were counted. */
  public int failures() {
    return failures;
  }

  /**
   * Counts one more failure and returns the wait before the next try: {@code retryAfter} when the
   * service asked for one, else a full-jitter exponential backoff. Empty when the tries or the time
   * of the policy would be exceeded.
   */
  public Optional<Duration> nextDelay(@Nullable Duration retryAfter) {
    Instant now = clock.instant();
    if (firstFailure == null) {
      firstFailure = now;
    }
    failures++;
    if (failures >= policy.maxAttempts()) {
      return Optional.empty();
    }
    Duration delay = retryAfter != null ? retryAfter : jitter(policy.backoffBound(failures));
    Duration spent = Duration.between(firstFailure, now).plus(delay);
    return spent.compareTo(policy.maxElapsed()) > 0 ? Optional.empty() : Optional.of(delay);
  }

  /** Counts a failure that needs no wait, such as a range the server already had. */
  public boolean countImmediate() {
    return nextDelay(Duration.ZERO).isPresent();
  }

  /** Returns a sentence on what was spent, for the message when the budget runs out. */
  public String spentSummary() {
    Duration spent =
        firstFailure == null ? Duration.ZERO : Duration.between(firstFailure, clock.instant());
    return failures + " tries over " + spent.toSeconds() + " s";
  }

  private Duration jitter(Duration bound) {
    long millis = bound.toMillis();
    return Duration.ofMillis(millis <= 0 ? 0 : random.nextLong(millis + 1));
  }
}
