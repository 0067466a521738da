package io.graphupload.core;

/**
 * How a target wants its bytes cut into ranges.
 *
 * @param maxRangeBytes the largest range one PUT may carry
 * @param granularity every range but the last must be a multiple of this many bytes (1 when any
 *     size goes)
 */
public record RangeRules(long maxRangeBytes, long granularity) {
  /** Outlook: at most 4 MiB a range, any size below that. */
  public static final RangeRules OUTLOOK = new RangeRules(4L * 1024 * 1024, 1);

  public RangeRules {
    if (granularity < 1 || maxRangeBytes < granularity) {
      throw new IllegalArgumentException(
          "Range rules need 1 <= granularity <= maxRangeBytes, got granularity "
              + granularity
              + " and maxRangeBytes "
              + maxRangeBytes);
    }
  }

  /** Returns the largest allowed range length that is at most {@code wanted}. */
  public long clamp(long wanted) {
    long capped = Math.min(Math.max(wanted, granularity), maxRangeBytes);
    return capped - capped % granularity;
  }
}
