package io.graphupload.core.spi;

import io.graphupload.core.RangeRules;
import java.util.List;

/**
 * Decides how many bytes the next PUT carries.
 *
 * <p>The engine calls it before every range, from the uploading thread; an instance may be shared
 * by several uploads, so keep per-upload state in the arguments, not in fields.
 */
public interface ChunkPlanner {

  /**
   * Returns the next range to send.
   *
   * @param offset the first byte the server expects next
   * @param totalBytes the file's size; {@code offset < totalBytes}
   * @param rules the target's range rules; the answer must obey them
   * @param recent what the latest ranges of this upload cost, oldest first (at most ten)
   */
  ContentRange next(long offset, long totalBytes, RangeRules rules, List<RangeCost> recent);
}
