package io.graphupload.emulator.internal;

import io.graphupload.emulator.ClientRule;
import java.io.IOException;
import java.util.Map;

/** Helpers every Graph handler shares: bounded bodies and standard refusals. */
final class GraphRequests {
  private GraphRequests() {}

  /** Reads a Graph request body, recording and answering 413 when it passes Graph's cap. */
  static byte[] body(HttpCall call, ViolationLog violations) throws IOException {
    try {
      return call.readBody(Settings.GRAPH_BODY_LIMIT);
    } catch (GraphException e) {
      if (e.status() == 413) {
        violations.record(
            ClientRule.REQUEST_BODY_TOO_LARGE,
            "Graph takes request bodies up to "
                + Settings.GRAPH_BODY_LIMIT
                + " bytes; use an upload session for large files",
            null,
            call);
      }
      throw e;
    }
  }

  static Map<String, Object> jsonBody(HttpCall call, ViolationLog violations, String what)
      throws IOException {
    return Json.object(body(call, violations), what);
  }

  static GraphException methodNotAllowed(HttpCall call) {
    return new GraphException(
        405,
        "MethodNotAllowed",
        "The HTTP method '" + call.method() + "' is not allowed for this resource.");
  }

  static GraphException segmentNotFound(String segment) {
    return GraphException.badRequest(
        "BadRequest", "Resource not found for the segment '" + segment + "'.");
  }
}
