package io.graphupload.emulator.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Graph's error body: {"error": {"code", "message", "innerError": {...}}}. */
final class GraphErrors {
  private GraphErrors() {}

  static Map<String, Object> body(
      GraphException error, String requestId, Instant at, HttpCall call) {
    Map<String, Object> inner = new LinkedHashMap<>();
    if (error.innerCode() != null) {
      inner.put("code", error.innerCode());
    }
    inner.put("date", Timestamps.graph(at));
    inner.put("request-id", requestId);
    String clientRequestId = call.header("client-request-id");
    inner.put("client-request-id", clientRequestId != null ? clientRequestId : requestId);

    Map<String, Object> content = new LinkedHashMap<>();
    content.put("code", error.code());
    content.put("message", error.getMessage());
    content.put("innerError", inner);
    return Map.of("error", content);
  }
}
