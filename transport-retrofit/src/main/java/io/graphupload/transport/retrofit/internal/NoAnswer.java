package io.graphupload.transport.retrofit.internal;

import io.graphupload.core.Redaction;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;

/**
 * Describes a request that got no answer (a reset, a timeout, a closed connection) in a message
 * without credentials, keeping the kind of failure and its cause.
 */
final class NoAnswer {
  private NoAnswer() {}

  static IOException wrap(String request, IOException failure) {
    String message = "No complete answer to " + request + ": " + Redaction.text(reason(failure));
    if (failure instanceof SocketTimeoutException) {
      return withCause(new SocketTimeoutException(message), failure);
    }
    if (failure instanceof InterruptedIOException) {
      return withCause(new InterruptedIOException(message), failure);
    }
    return new IOException(message, failure);
  }

  private static String reason(IOException failure) {
    if (failure instanceof SocketTimeoutException) {
      return "the connection made no progress within the timeout (" + failure.getMessage() + ")";
    }
    String detail = failure.getMessage();
    String kind = failure.getClass().getSimpleName();
    return detail == null || detail.isBlank() ? kind : kind + ": " + detail;
  }

  private static IOException withCause(IOException wrapper, IOException cause) {
    wrapper.initCause(cause);
    return wrapper;
  }
}
