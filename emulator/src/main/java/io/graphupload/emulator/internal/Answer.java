package io.graphupload.emulator.internal;

import java.io.IOException;
import java.util.Map;

/** An answer decided before it is sent, so the range can be recorded first. */
record Answer(int status, Map<String, String> headers, Object json) {
  static Answer json(int status, Object json) {
    return new Answer(status, Map.of(), json);
  }

  static Answer empty(int status, Map<String, String> headers) {
    return new Answer(status, headers, null);
  }

  void send(HttpCall call) throws IOException {
    headers.forEach(call::setHeader);
    if (json == null) {
      call.sendEmpty(status);
    } else {
      call.sendJson(status, json);
    }
  }
}
