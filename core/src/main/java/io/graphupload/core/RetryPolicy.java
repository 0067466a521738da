package io.graphupload.core;

import java.time.Duration;

/**
 * How long to keep trying a request that failed for a reason that may pass.
 *
 * <p>Delays follow the service's {@code Retry-After} when it sends one, and otherwise grow
 * exponentially from {@code initialDelay} up to {@code maxDelay}, each drawn at random between zero
 * and that bound ("full jitter") so that many clients do not retry in step. A success resets the
 * count.
 *
 * @param maxAttempts tries of one request, the first included, before giving up
 * @param maxElapsed the time one request may spend failing before giving up
 * @param initialDelay the bound of the first backoff
 * @param maxDelay the largest bound a backoff grows to
 */
public record RetryPolicy(
    int maxAttempts, Duration maxElapsed, Duration initialDelay, Duration maxDelay) {

  /** Eight tries within five minutes, backing off from one second up to one minute. */
  public static final RetryPolicy DEFAULT =
      new RetryPolicy(8, Duration.ofMinutes(5), Duration.ofSeconds(1), Duration.ofMinutes(1));

  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
    }
    if (maxElapsed.isNegative() || initialDelay.isNegative() || maxDelay.isNegative()) {
      throw new IllegalArgumentException("Retry durations must not be negative");
    }
  }

  /** Returns the upper bound of the backoff before retry number {@code attempt}, from 1. */
  public Duration backoffBound(int attempt) {
    long base = Math.max(1, initialDelay.toMillis());
    int shift = Math.min(attempt - 1, 30);
    long bound = base << shift;
    return Duration.ofMillis(Math.min(bound, maxDelay.toMillis()));
  }
}
