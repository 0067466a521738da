package io.graphupload.core.internal;

import io.graphupload.core.GraphServiceException;
import io.graphupload.core.Redaction;
import io.graphupload.core.UploadException;
import io.graphupload.core.UploadException.Category;
import io.graphupload.core.UploadException.Phase;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Builds the exceptions the engine throws, so their sentences live in one place. */
public final class Failures {
  private Failures() {}

  public static UploadException unreadable(Path file, IOException cause) {
    String why =
        cause instanceof NoSuchFileException
            ? "it does not exist"
            : cause instanceof AccessDeniedException
                ? "permission to read it is denied"
                : Redaction.text(cause.getMessage());
    return new UploadException(
        Category.INVALID_INPUT,
        Phase.PREPARE,
        "Cannot read " + file + ": " + why + ". Check the path and its permissions.",
        cause);
  }

  public static UploadException storage(String action, String uploadId, IOException cause) {
    return new UploadException(
        Category.PERMANENT,
        Phase.CHECKPOINT,
        "Could not "
            + action
            + " the checkpoint of upload "
            + uploadId
            + ": "
            + Redaction.text(cause.getMessage())
            + ". Check that the state directory is writable and has free space.",
        cause);
  }

  public static UploadException gaveUp(
      String uploadId, Phase phase, String reason, String spent, Exception last) {
    String afterwards =
        phase == Phase.POST_ATTACHMENT
            ? " try the upload again later."
            : " the checkpoint is kept, so resuming the upload later continues where it stopped.";
    String message =
        "Gave up on upload "
            + uploadId
            + " after "
            + spent
            + ": "
            + reason
            + ". The service or network may be down for now;"
            + afterwards;
    return new UploadException(Category.TRANSIENT, phase, message, last);
  }

  /** Describes a failure for a retry event or log line, without secrets. */
  public static String reason(Exception failure) {
    if (failure instanceof GraphServiceException graph) {
      String code = graph.errorCode() != null ? " " + graph.errorCode() : "";
      return "HTTP " + graph.httpStatus() + code;
    }
    if (failure instanceof UploadException) {
      return Redaction.text(failure.getMessage());
    }
    String detail = failure.getMessage() != null ? ": " + failure.getMessage() : "";
    return "no answer (" + failure.getClass().getSimpleName() + Redaction.text(detail) + ")";
  }
}
