package io.graphupload.core;

/**
 * Attaching a file to a new message failed, so the message was not sent. The draft is kept with the
 * attachments that succeeded, so nothing is lost: resume the failed upload and send the draft, or
 * delete the draft.
 */
public final class MessageNotSentException extends UploadException {
  private final String draftId;
  private final @Nullable String failedUploadId;
  private final UploadException attachmentFailure;

  MessageNotSentException(
      String draftId, @Nullable String failedUploadId, UploadException failure, String message) {
    super(failure.category(), failure.phase(), message, failure);
    this.draftId = draftId;
    this.failedUploadId = failedUploadId;
    this.attachmentFailure = failure;
  }

  /** Returns the id of the draft that was kept. */
  public String draftId() {
    return draftId;
  }

  /**
   * Returns the id of the upload that failed, for a later resume; null when every attachment went
   * on and sending the draft failed.
   */
  public @Nullable String failedUploadId() {
    return failedUploadId;
  }

  /** Returns why the attachment failed. */
  public UploadException attachmentFailure() {
    return attachmentFailure;
  }

  @Override
  public int httpStatus() {
    return attachmentFailure.httpStatus();
  }

  @Override
  public @Nullable String errorCode() {
    return attachmentFailure.errorCode();
  }
}
