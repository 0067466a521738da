package io.graphupload.core;

import java.time.Duration;

/**
 * A finished upload.
 *
 * @param uploadId the upload's id
 * @param attachmentId the new attachment's Graph id
 * @param bytes the file's size
 * @param elapsed how long this run took, from start (or resume) to the final answer
 * @param route whether it went in one request or through an upload session
 * @param rangesSent how many range PUTs this run sent, resends included
 * @param rangesResent how many of those carried bytes sent before
 */
public record UploadResult(
    String uploadId,
    String attachmentId,
    long bytes,
    Duration elapsed,
    Route route,
    int rangesSent,
    int rangesResent) {

  /** How the bytes travelled. */
  public enum Route {
    /** One {@code POST .../attachments} with the content inline. */
    SINGLE_REQUEST,
    /** An upload session with range PUTs. */
    UPLOAD_SESSION
  }
}
