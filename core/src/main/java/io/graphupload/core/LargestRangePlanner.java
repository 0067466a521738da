package io.graphupload.core;

import io.graphupload.core.spi.ChunkPlanner;
import io.graphupload.core.spi.ChunkPlannerProvider;
import io.graphupload.core.spi.ContentRange;
import io.graphupload.core.spi.PluginSettings;
import io.graphupload.core.spi.RangeCost;
import java.util.List;

/**
 * Sends the largest range the target's rules allow, optionally capped by a preferred size. Fewer
 * ranges mean fewer round trips and fewer checkpoints.
 *
 * <p>Registered under the name {@code largest}; the setting {@code chunk-size} caps the range.
 */
public final class LargestRangePlanner implements ChunkPlanner {
  /** The setting that caps a range's size, in bytes. */
  public static final String CHUNK_SIZE = "chunk-size";

  private final long preferredBytes;

  /** Returns a planner that sends ranges as large as the rules allow. */
  public LargestRangePlanner() {
    this(Long.MAX_VALUE);
  }

  /** Returns a planner whose ranges are at most {@code preferredBytes}, within the rules. */
  public LargestRangePlanner(long preferredBytes) {
    if (preferredBytes < 1) {
      throw new IllegalArgumentException("The chunk size must be positive, got " + preferredBytes);
    }
    this.preferredBytes = preferredBytes;
  }

  @Override
  public ContentRange next(long offset, long totalBytes, RangeRules rules, List<RangeCost> recent) {
    long remaining = totalBytes - offset;
    long length = rules.clamp(preferredBytes);
    return new ContentRange(offset, Math.min(length, remaining), totalBytes);
  }

  /** The {@code largest} provider. */
  public static final class Provider implements ChunkPlannerProvider {
    @Override
    public String name() {
      return "largest";
    }

    @Override
    public ChunkPlanner create(PluginSettings settings) {
      String size = settings.get(CHUNK_SIZE);
      return size == null
          ? new LargestRangePlanner()
          : new LargestRangePlanner(Long.parseLong(size));
    }
  }
}
