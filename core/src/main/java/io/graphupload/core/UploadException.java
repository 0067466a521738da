package io.graphupload.core;

/**
 * An upload failed. The category tells a frontend what kind of failure it is, in one place, and the
 * message is a sentence a person can act on.
 *
 * <p>Messages never carry tokens or upload URLs' query strings.
 */
public class UploadException extends Exception {

  /** What kind of failure this is, so frontends map failures to exit codes in one place. */
  public enum Category {
    /** The caller's input is wrong: a missing, empty, changed or oversized file, a bad option. */
    INVALID_INPUT,
    /** Signing in failed, or the account lacks a permission or consent. */
    AUTHENTICATION,
    /** The service refused for good; retrying the same request will not help. */
    PERMANENT,
    /** The service or network failed for now; the checkpoint is kept and a resume may finish. */
    TRANSIENT,
    /** Someone cancelled the upload. */
    CANCELLED
  }

  /** Which step of an upload failed. */
  public enum Phase {
    PREPARE,
    CREATE_SESSION,
    UPLOAD_RANGE,
    QUERY_SESSION,
    DELETE_SESSION,
    POST_ATTACHMENT,
    CHECKPOINT,
    SIGN_IN,
    CREATE_DRAFT,
    SEND_MESSAGE
  }

  private final Category category;
  private final Phase phase;

  public UploadException(Category category, Phase phase, String message) {
    this(category, phase, message, null);
  }

  public UploadException(
      Category category, Phase phase, String message, @Nullable Throwable cause) {
    super(message, cause);
    this.category = category;
    this.phase = phase;
  }

  public Category category() {
    return category;
  }

  public Phase phase() {
    return phase;
  }

  /** Returns the HTTP status the service answered, or 0 when there was no answer. */
  public int httpStatus() {
    return 0;
  }

  /** Returns the Graph error code, such as {@code ErrorMessageSizeExceeded}, or null. */
  public @Nullable String errorCode() {
    return null;
  }

  /** Returns whether the same request may succeed if tried again later. */
  public boolean isRetryable() {
    return category == Category.TRANSIENT;
  }
}
