package io.graphupload.core;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Something that happened during an upload, reported to {@link UploadListener}s in order, on the
 * thread that runs the upload.
 */
public sealed interface UploadEvent {

  /** Returns the id of the upload this event belongs to. */
  String uploadId();

  /** Returns the file being uploaded. */
  Path file();

  /**
   * The upload began, or resumed.
   *
   * @param resumedFrom the byte the upload continues from; 0 for a fresh start
   */
  record Started(
      String uploadId,
      Path file,
      UploadTarget target,
      Attachment attachment,
      UploadResult.Route route,
      long resumedFrom)
      implements UploadEvent {}

  /**
   * The service acknowledged a range.
   *
   * @param bytesDone bytes acknowledged so far
   * @param totalBytes the file's size
   * @param bytesPerSecond the rate of the range just sent
   */
  record RangeAcknowledged(
      String uploadId, Path file, long bytesDone, long totalBytes, double bytesPerSecond)
      implements UploadEvent {}

  /**
   * A request failed and will be tried again after {@code delay}.
   *
   * @param attempt which retry this is, from 1
   */
  record RetryScheduled(String uploadId, Path file, String reason, int attempt, Duration delay)
      implements UploadEvent {}

  /** The session expired or vanished, and the upload starts over in a new one from byte 0. */
  record SessionRestarted(String uploadId, Path file, String reason) implements UploadEvent {}

  /** The attachment exists. */
  record Completed(String uploadId, Path file, UploadResult result) implements UploadEvent {}

  /** The upload stopped with {@code error}; a transient one keeps its checkpoint. */
  record Failed(String uploadId, Path file, UploadException error) implements UploadEvent {}
}
