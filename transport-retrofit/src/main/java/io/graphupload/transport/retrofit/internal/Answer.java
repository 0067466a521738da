package io.graphupload.transport.retrofit.internal;

import io.graphupload.core.Nullable;
import io.graphupload.core.Redaction;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;

/**
 * What the service answered one request, read whole: the status, the headers and the body as text
 * (at most {@value #BODY_LIMIT} bytes: answers worth reading are small JSON).
 *
 * @param status the HTTP status
 * @param headers the response headers; lookups ignore case
 * @param body the body as text, possibly empty
 * @param request the request that was answered, for messages
 */
public record Answer(int status, Headers headers, String body, Request request) {
  static final int BODY_LIMIT = 1024 * 1024;

  /**
   * Reads {@code response} and its body, then closes it.
   *
   * @throws IOException when the body cannot be read to its end (or the limit)
   */
  public static Answer read(Response response) throws IOException {
    try (response) {
      String body;
      try {
        body = text(response.body());
      } catch (IOException e) {
        if (response.code() != 201 || response.header("Location") == null) {
          throw e;
        }
        // The upload is complete and the Location names the attachment; treating a broken body
        // as a lost answer would make the engine upload it a second time.
        body = "";
      }
      return new Answer(response.code(), response.headers(), body, response.request());
    }
  }

  /** Reads what Retrofit returned; the body is the error body for statuses other than 2xx. */
  public static Answer read(retrofit2.Response<ResponseBody> response) throws IOException {
    // Retrofit has already buffered the body; the raw response's own body is a placeholder.
    ResponseBody body = response.isSuccessful() ? response.body() : response.errorBody();
    Response raw = response.raw();
    try {
      return new Answer(raw.code(), raw.headers(), text(body), raw.request());
    } finally {
      if (body != null) {
        body.close();
      }
    }
  }

  /** Returns the value of header {@code name}, matched without regard to case; or null. */
  public @Nullable String header(String name) {
    return headers.get(name);
  }

  /** Returns the request as a person reads it, credentials removed: {@code PUT https://..}. */
  public String describeRequest() {
    return describe(request);
  }

  /** Returns {@code request}'s method and URL, with the URL's query values redacted. */
  public static String describe(Request request) {
    return request.method() + " " + Redaction.url(request.url().toString());
  }

  private static String text(@Nullable ResponseBody body) throws IOException {
    if (body == null) {
      return "";
    }
    MediaType type = body.contentType();
    Charset charset = type != null ? type.charset(StandardCharsets.UTF_8) : StandardCharsets.UTF_8;
    BufferedSource source = body.source();
    Buffer buffer = new Buffer();
    while (buffer.size() < BODY_LIMIT) {
      if (source.read(buffer, Math.min(8192, BODY_LIMIT - buffer.size())) == -1) {
        break;
      }
    }
    return buffer.readString(charset);
  }
}
