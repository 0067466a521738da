package io.graphupload.core;

import java.time.Duration;

/**
 * A bandwidth budget shared by every upload of an {@link Uploader}: before a range goes out, the
 * engine reserves its bytes here and waits as long as this says.
 *
 * <p>The budget refills at {@code bytesPerSecond} and holds at most one second of bytes, so after
 * an idle spell the uploads may burst for a second, no more. Thread-safe.
 */
public final class RateLimit {
  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private final long bytesPerSecond;
  // The instant, in nanoseconds on the caller's scale, when every byte reserved so far has been
  // paid.
  private long paidUntilNanos;
  private boolean started;

  /**
   * Returns a budget of {@code bytesPerSecond}.
   *
   * @throws IllegalArgumentException when the rate is not positive
   */
  public RateLimit(long bytesPerSecond) {
    if (bytesPerSecond < 1) {
      throw new IllegalArgumentException(
          "The rate limit must be at least 1 byte per second, got " + bytesPerSecond);
    }
    this.bytesPerSecond = bytesPerSecond;
  }

  public long bytesPerSecond() {
    return bytesPerSecond;
  }

  /**
   * Reserves {@code bytes} at {@code nowNanos} and returns how long the caller must wait before
   * sending them.
   */
  public synchronized Duration reserve(long bytes, long nowNanos) {
    long oneSecondAgo = nowNanos - NANOS_PER_SECOND;
    if (!started || paidUntilNanos - oneSecondAgo < 0) {
      paidUntilNanos = oneSecondAgo;
      started = true;
    }
    // Split so that bytes * 10^9 cannot overflow.
    paidUntilNanos +=
        bytes / bytesPerSecond * NANOS_PER_SECOND
            + bytes % bytesPerSecond * NANOS_PER_SECOND / bytesPerSecond;
    long wait = paidUntilNanos - nowNanos;
    return wait > 0 ? Duration.ofNanos(wait) : Duration.ZERO;
  }

  /**
   * Returns the largest range worth sending at once under this budget: about one second of bytes,
   * so that no range hogs the link for long, and never below 64 KiB.
   */
  public long preferredRangeBytes() {
    return Math.max(64 * 1024, bytesPerSecond);
  }

  @Override
  public String toString() {
    return "RateLimit[" + bytesPerSecond + " B/s]";
  }
}
