package io.graphupload.emulator;

/** A protocol rule that a client can break; each break is recorded as a {@link Violation}. */
public enum ClientRule {
  /** An {@code Authorization} header was sent to a pre-authenticated upload URL. */
  AUTHORIZATION_ON_UPLOAD_URL("authorizationOnUploadUrl"),
  /** The upload URL's own token was missing or altered. */
  INVALID_UPLOAD_TOKEN("invalidUploadToken"),
  /** A range PUT had no {@code Content-Range} header. */
  MISSING_CONTENT_RANGE("missingContentRange"),
  /** A {@code Content-Range} header was not {@code bytes start-end/total}. */
  MALFORMED_CONTENT_RANGE("malformedContentRange"),
  /** The total in {@code Content-Range} differed from the size the session was created with. */
  TOTAL_SIZE_MISMATCH("totalSizeMismatch"),
  /** The body length differed from the length {@code Content-Range} announced. */
  LENGTH_MISMATCH("lengthMismatch"),
  /** A range was larger than the service allows (4 MiB for Outlook, 60 MiB for OneDrive). */
  RANGE_TOO_LARGE("rangeTooLarge"),
  /** A range started after the next expected byte, leaving a gap. */
  RANGE_OUT_OF_ORDER("rangeOutOfOrder"),
  /** A range started before the next expected byte: bytes the server already had. */
  RANGE_ALREADY_RECEIVED("rangeAlreadyReceived"),
  /** A OneDrive fragment other than the last was not a multiple of 320 KiB. */
  FRAGMENT_NOT_MULTIPLE_OF_320_KIB("fragmentNotMultipleOf320KiB"),
  /** A range body carried a {@code Content-Encoding}. */
  COMPRESSED_RANGE("compressedRange"),
  /** A second request reached a session while a range PUT was still in flight. */
  CONCURRENT_UPLOAD_REQUEST("concurrentUploadRequest"),
  /** More requests were in flight for one mailbox than Outlook allows (4). */
  MAILBOX_CONCURRENCY_EXCEEDED("mailboxConcurrencyExceeded"),
  /** A Graph request came without a bearer token, or with one the emulator does not accept. */
  MISSING_BEARER_TOKEN("missingBearerToken"),
  /** A Graph request body was over Graph's 4 MB cap. */
  REQUEST_BODY_TOO_LARGE("requestBodyTooLarge"),
  /** An upload session was requested for a file under Outlook's 2 MiB minimum. */
  SESSION_BELOW_MINIMUM_SIZE("sessionBelowMinimumSize");

  private final String jsonName;

  ClientRule(String jsonName) {
    this.jsonName = jsonName;
  }

  /** The name used in the admin API's JSON, such as {@code "rangeOutOfOrder"}. */
  public String jsonName() {
    return jsonName;
  }
}
