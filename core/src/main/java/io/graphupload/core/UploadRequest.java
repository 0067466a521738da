package io.graphupload.core;

import java.nio.file.Path;

/**
 * A file to attach, and how. Null fields take defaults: the file's own name, a content type guessed
 * from the file, not inline.
 *
 * @param file the file to upload
 * @param target where the attachment goes
 * @param name the attachment's name, or null for the file's name
 * @param contentType the MIME type, or null to guess it from the file
 * @param contentId for an inline attachment, the id its message body refers to; else null
 */
public record UploadRequest(
    Path file,
    UploadTarget target,
    @Nullable String name,
    @Nullable String contentType,
    @Nullable String contentId) {

  /** Returns a request to attach {@code file} to {@code target} with every default. */
  public static UploadRequest of(Path file, UploadTarget target) {
    return new UploadRequest(file, target, null, null, null);
  }

  public UploadRequest withName(String newName) {
    return new UploadRequest(file, target, newName, contentType, contentId);
  }

  public UploadRequest withContentType(String newContentType) {
    return new UploadRequest(file, target, name, newContentType, contentId);
  }

  /** Returns a request for an inline attachment that the body shows as {@code cid:contentId}. */
  public UploadRequest inline(String newContentId) {
    return new UploadRequest(file, target, name, contentType, newContentId);
  }

  public boolean isInline() {
    return contentId != null;
  }
}
