package io.graphupload.transport.retrofit.internal;

import com.squareup.moshi.JsonAdapter;
import io.graphupload.core.Draft;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okio.Buffer;
import okio.ByteString;

/**
 * The JSON of a new message: subject, body, and the recipients that are set, each as {@code
 * {"emailAddress": {"address": ..}}}.
 */
final class MessageJson {
  private static final JsonAdapter<Object> WRITER = Json.MOSHI.adapter(Object.class);

  private MessageJson() {}

  static ByteString encode(Draft draft) {
    Map<String, Object> message = new LinkedHashMap<>();
    message.put("subject", draft.subject());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("contentType", draft.html() ? "HTML" : "Text");
    body.put("content", draft.body());
    message.put("body", body);
    putRecipients(message, "toRecipients", draft.to());
    putRecipients(message, "ccRecipients", draft.cc());
    putRecipients(message, "bccRecipients", draft.bcc());

    Buffer json = new Buffer();
    try {
      WRITER.toJson(json, message);
    } catch (IOException e) {
      throw new AssertionError("Writing to a memory buffer does not fail", e);
    }
    return json.readByteString();
  }

  private static void putRecipients(Map<String, Object> message, String key, List<String> to) {
    if (!to.isEmpty()) {
      message.put(
          key,
          to.stream().map(address -> Map.of("emailAddress", Map.of("address", address))).toList());
    }
  }
}
