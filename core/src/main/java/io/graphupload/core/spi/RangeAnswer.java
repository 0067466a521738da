package io.graphupload.core.spi;

import io.graphupload.core.ByteRange;
import io.graphupload.core.Nullable;
import java.time.Instant;
import java.util.List;

/** What the service answered to a range PUT that it accepted. */
public sealed interface RangeAnswer {

  /**
   * The range was stored and the session goes on (Outlook answers 200, OneDrive 202).
   *
   * @param nextExpectedRanges what the service expects next, possibly empty
   * @param expiration the session's new expiry, or null if not given
   */
  record Accepted(List<ByteRange> nextExpectedRanges, @Nullable Instant expiration)
      implements RangeAnswer {
    public Accepted {
      nextExpectedRanges = List.copyOf(nextExpectedRanges);
    }
  }

  /**
   * The last range was stored and the attachment exists (201).
   *
   * @param attachmentId the id read from the {@code Location} header (or the item JSON)
   */
  record Completed(String attachmentId) implements RangeAnswer {}
}
