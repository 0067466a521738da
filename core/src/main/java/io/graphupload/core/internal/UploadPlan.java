package io.graphupload.core.internal;

import io.graphupload.core.Attachment;
import io.graphupload.core.Checkpoint;
import io.graphupload.core.Nullable;
import io.graphupload.core.UploadTarget;
import java.nio.file.Path;

/**
 * One upload, checked and ready to run.
 *
 * @param checkpoint the checkpoint to resume from, or null for a fresh start
 */
public record UploadPlan(
    String uploadId,
    Path file,
    UploadTarget target,
    Attachment attachment,
    @Nullable Checkpoint checkpoint) {}
