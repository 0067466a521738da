package io.graphupload.core;

import java.time.Duration;

/**
 * The service answered with an error. Carries what the service said: the HTTP status, the Graph
 * error code (branch on it, never on the message), the request id for support and any {@code
 * Retry-After}.
 */
public class GraphServiceException extends UploadException {
  private final int httpStatus;
  private final @Nullable String errorCode;
  private final @Nullable String requestId;
  private final @Nullable Duration retryAfter;

  public GraphServiceException(
      Category category,
      Phase phase,
      int httpStatus,
      @Nullable String errorCode,
      @Nullable String requestId,
      @Nullable Duration retryAfter,
      String message) {
    super(category, phase, message);
    this.httpStatus = httpStatus;
    this.errorCode = errorCode;
    this.requestId = requestId;
    this.retryAfter = retryAfter;
  }

  /**
   * Returns the category the protocol gives an answer of {@code httpStatus}: 429 and 5xx are
   * transient, 401 and 403 are authentication, the rest permanent.
   */
  public static Category categoryOf(int httpStatus) {
    if (httpStatus == 429 || httpStatus >= 500) {
      return Category.TRANSIENT;
    }
    if (httpStatus == 401 || httpStatus == 403) {
      return Category.AUTHENTICATION;
    }
    return Category.PERMANENT;
  }

  @Override
  public int httpStatus() {
    return httpStatus;
  }

  @Override
  public @Nullable String errorCode() {
    return errorCode;
  }

  /** Returns the request id the service gave this answer, for a support ticket; or null. */
  public @Nullable String requestId() {
    return requestId;
  }

  /** Returns how long the service asked us to wait before trying again, or null. */
  public @Nullable Duration retryAfter() {
    return retryAfter;
  }

  /** Returns whether the code is {@code code}, ignoring case as Graph codes vary in case. */
  public boolean hasCode(String code) {
    return errorCode != null && errorCode.equalsIgnoreCase(code);
  }
}
