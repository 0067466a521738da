package io.graphupload.emulator.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/** An answer in Graph's error shape, thrown from a handler and written by the dispatcher. */
final class GraphException extends RuntimeException {
  private final int status;
  private final String code;
  private final String innerCode;
  private final Map<String, String> headers;

  GraphException(int status, String code, String message) {
    this(status, code, message, null, Map.of());
  }

  private GraphException(
      int status, String code, String message, String innerCode, Map<String, String> headers) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
    this.innerCode = innerCode;
    this.headers = headers;
  }

  static GraphException badRequest(String code, String message) {
    return new GraphException(400, code, message);
  }

  static GraphException notFound(String code, String message) {
    return new GraphException(404, code, message);
  }

  static GraphException itemNotFound() {
    return notFound("ErrorItemNotFound", "The specified object was not found in the store.");
  }

  GraphException withHeader(String name, String value) {
    Map<String, String> copy = new LinkedHashMap<>(headers);
    copy.put(name, value);
    return new GraphException(status, code, getMessage(), innerCode, copy);
  }

  GraphException withInnerCode(String inner) {
    return new GraphException(status, code, getMessage(), inner, headers);
  }

  int status() {
    return status;
  }

  String code() {
    return code;
  }

  /** A nested error code, as OneDrive writes for range errors; null when there is none. */
  String innerCode() {
    return innerCode;
  }

  Map<String, String> headers() {
    return headers;
  }
}
