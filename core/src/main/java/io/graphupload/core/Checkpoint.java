package io.graphupload.core;

import java.time.Instant;

/**
 * Everything needed to resume an upload session after the process dies: written after every
 * acknowledged range.
 *
 * <p>The upload URL is a bearer credential; stores keep checkpoints where only the owner can read
 * them, and {@link #toString()} hides the URL's query string.
 *
 * @param uploadId the upload's stable id, which frontends show and accept
 * @param target where the attachment goes
 * @param attachment the attachment's description
 * @param file the file's identity when the upload started
 * @param uploadUrl the session's pre-authenticated URL
 * @param expiration when the session lapses, or null if unknown
 * @param acknowledgedOffset how many bytes the service has acknowledged
 * @param createdAt when the upload first started
 * @param updatedAt when this checkpoint was written
 */
public record Checkpoint(
    String uploadId,
    UploadTarget target,
    Attachment attachment,
    FileIdentity file,
    String uploadUrl,
    @Nullable Instant expiration,
    long acknowledgedOffset,
    Instant createdAt,
    Instant updatedAt) {

  public Checkpoint {
    if (acknowledgedOffset < 0 || acknowledgedOffset > file.size()) {
      throw new IllegalArgumentException(
          "Checkpoint "
              + uploadId
              + " has acknowledged offset "
              + acknowledgedOffset
              + " outside the file's 0.."
              + file.size()
              + " bytes");
    }
  }

  /** Returns a copy that records {@code offset} bytes acknowledged at {@code now}. */
  public Checkpoint acknowledge(long offset, @Nullable Instant newExpiration, Instant now) {
    Instant expires = newExpiration != null ? newExpiration : expiration;
    return new Checkpoint(
        uploadId, target, attachment, file, uploadUrl, expires, offset, createdAt, now);
  }

  /** Returns a copy with the file's identity replaced, such as once its SHA-256 is known. */
  public Checkpoint withFile(FileIdentity newFile) {
    return new Checkpoint(
        uploadId,
        target,
        attachment,
        newFile,
        uploadUrl,
        expiration,
        acknowledgedOffset,
        createdAt,
        updatedAt);
  }

  /** Returns a copy for a fresh session, with nothing acknowledged. */
  public Checkpoint restart(UploadSession session, Instant now) {
    return new Checkpoint(
        uploadId,
        target,
        attachment,
        file,
        session.uploadUrl(),
        session.expiration(),
        0,
        createdAt,
        now);
  }

  @Override
  public String toString() {
    return "Checkpoint[uploadId="
        + uploadId
        + ", target="
        + target.resourcePath()
        + ", attachment="
        + attachment.name()
        + ", file="
        + file.path()
        + ", uploadUrl="
        + Redaction.url(uploadUrl)
        + ", expiration="
        + expiration
        + ", acknowledgedOffset="
        + acknowledgedOffset
        + "]";
  }
}
