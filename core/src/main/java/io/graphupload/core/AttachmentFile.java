package io.graphupload.core;

import java.nio.file.Path;

/**
 * A file to attach to a message that does not exist yet. Null fields take the same defaults as
 * {@link UploadRequest}.
 *
 * @param contentId for an inline image, the id the HTML body refers to as {@code cid:...}
 */
public record AttachmentFile(
    Path file, @Nullable String name, @Nullable String contentType, @Nullable String contentId) {

  public static AttachmentFile of(Path file) {
    return new AttachmentFile(file, null, null, null);
  }

  /** Returns the upload request that attaches this file to {@code target}. */
  public UploadRequest toRequest(UploadTarget target) {
    return new UploadRequest(file, target, name, contentType, contentId);
  }
}
