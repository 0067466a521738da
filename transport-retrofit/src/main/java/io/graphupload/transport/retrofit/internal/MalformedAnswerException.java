package io.graphupload.transport.retrofit.internal;

import java.io.IOException;

/**
 * The service answered with success, but the body cannot be read as what the protocol promises. It
 * is an {@link IOException} because the engine then treats the answer as lost and asks the service
 * where it stands, which is safe wherever a request may be repeated.
 */
public final class MalformedAnswerException extends IOException {
  public MalformedAnswerException(String message) {
    super(message);
  }

  public MalformedAnswerException(String message, Throwable cause) {
    super(message, cause);
  }
}
