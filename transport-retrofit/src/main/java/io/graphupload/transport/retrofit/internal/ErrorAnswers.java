package io.graphupload.transport.retrofit.internal;

import io.graphupload.core.GraphServiceException;
import io.graphupload.core.Nullable;
import io.graphupload.core.Redaction;
import io.graphupload.core.UploadException.Category;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns an error answer into a {@link GraphServiceException}: the status, the Graph error code, the
 * request id, any {@code Retry-After}, and a sentence that says what happened and what to do.
 *
 * <p>Graph errors look like {@code {"error": {"code": "..", "message": "..", "innerError":
 * {"request-id": ".."}}}}; bodies that are not JSON are tolerated. Everything that reaches the
 * message is redacted. Thread-safe.
 */
public final class ErrorAnswers {
  private static final int MAX_INNER_DEPTH = 8;

  private final Clock clock;

  public ErrorAnswers(Clock clock) {
    this.clock = clock;
  }

  /** Returns the exception for {@code answer}, an answer of status 300 or more. */
  public GraphServiceException toException(Answer answer, CallContext context) {
    Map<String, Object> error =
        Json.object(answer.body()).map(json -> Json.child(json, "error")).orElse(null);
    String code = error != null ? Json.string(error, "code") : null;
    String serviceMessage = error != null ? Json.string(error, "message") : null;
    String requestId = requestId(error, answer);
    Duration retryAfter = RetryAfter.parse(answer.header("Retry-After"), clock.instant());

    int status = answer.status();
    String sentence = ErrorSentences.explain(status, code, retryAfter, context);
    String message =
        sentence + " (" + details(answer, code, requestId) + ")" + said(serviceMessage);
    return new GraphServiceException(
        category(status, code), context.phase(), status, code, requestId, retryAfter, message);
  }

  /** Returns whether {@code answer} is an error whose code says a method is not supported. */
  public static boolean saysNotSupported(Answer answer) {
    String code =
        Json.object(answer.body())
            .map(json -> Json.child(json, "error"))
            .map(error -> Json.string(error, "code"))
            .orElse("");
    String normalized = code.toLowerCase(Locale.ROOT);
    return normalized.contains("notsupported")
        || normalized.contains("notimplemented")
        || normalized.contains("methodnotallowed");
  }

  private static Category category(int status, @Nullable String code) {
    if (status < 400 || ErrorSentences.MESSAGE_SIZE_EXCEEDED.equalsIgnoreCase(code)) {
      return Category.PERMANENT;
    }
    return GraphServiceException.categoryOf(status);
  }

  private static @Nullable String requestId(@Nullable Map<String, Object> error, Answer answer) {
    Map<String, Object> inner = error;
    for (int depth = 0; inner != null && depth < MAX_INNER_DEPTH; depth++) {
      String id =
          Optional.ofNullable(Json.string(inner, "request-id"))
              .orElse(Json.string(inner, "requestId"));
      if (id != null && !id.isBlank()) {
        return Redaction.text(id);
      }
      inner = Json.child(inner, "innerError");
    }
    String header = answer.header("request-id");
    if (header == null) {
      header = answer.header("client-request-id");
    }
    return header == null || header.isBlank() ? null : Redaction.text(header.trim());
  }

  private static String details(Answer answer, @Nullable String code, @Nullable String requestId) {
    StringBuilder details = new StringBuilder(answer.describeRequest());
    details.append(" answered HTTP ").append(answer.status());
    if (code != null) {
      details.append(", code ").append(Redaction.text(code));
    }
    if (requestId != null) {
      details.append(", request id ").append(requestId);
    }
    return details.toString();
  }

  private static String said(@Nullable String serviceMessage) {
    if (serviceMessage == null || serviceMessage.isBlank()) {
      return "";
    }
    return " The service said: \"" + Redaction.text(serviceMessage.strip()) + "\"";
  }
}
