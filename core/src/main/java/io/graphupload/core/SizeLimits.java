package io.graphupload.core;

/**
 * The sizes a target accepts and how it routes them.
 *
 * @param maxBytes the largest file the target takes at all
 * @param sessionThreshold files of at least this many bytes go through an upload session; smaller
 *     ones go in one request
 */
public record SizeLimits(long maxBytes, long sessionThreshold) {
  /** Outlook: 150 MiB at most, upload sessions from 3,000,000 bytes. */
  public static final SizeLimits OUTLOOK = new SizeLimits(150L * 1024 * 1024, 3_000_000L);

  /** Returns whether a file of {@code size} bytes needs an upload session. */
  public boolean needsSession(long size) {
    return size >= sessionThreshold;
  }
}
