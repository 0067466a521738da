package io.graphupload.storage.testing;

import io.graphupload.core.Attachment;
import io.graphupload.core.Checkpoint;
import io.graphupload.core.FileIdentity;
import io.graphupload.core.Nullable;
import io.graphupload.core.UploadTarget;
import java.time.Instant;

/** A checkpoint being edited: records have no withers, and tests change one field or two. */
final class CheckpointDraft {
  String uploadId;
  UploadTarget target;
  Attachment attachment;
  FileIdentity file;
  String uploadUrl;
  @Nullable Instant expiration;
  long acknowledgedOffset;
  Instant createdAt;
  Instant updatedAt;

  CheckpointDraft(Checkpoint from) {
    uploadId = from.uploadId();
    target = from.target();
    attachment = from.attachment();
    file = from.file();
    uploadUrl = from.uploadUrl();
    expiration = from.expiration();
    acknowledgedOffset = from.acknowledgedOffset();
    createdAt = from.createdAt();
    updatedAt = from.updatedAt();
  }

  Checkpoint build() {
    return new Checkpoint(
        uploadId,
        target,
        attachment,
        file,
        uploadUrl,
        expiration,
        acknowledgedOffset,
        createdAt,
        updatedAt);
  }
}
