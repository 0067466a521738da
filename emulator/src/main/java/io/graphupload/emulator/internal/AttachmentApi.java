package io.graphupload.emulator.internal;

import io.graphupload.emulator.AttachmentInfo;
import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code …/attachments}: small file attachments, reading them back, and upload sessions. */
final class AttachmentApi {
  private static final String FILE_ATTACHMENT = "#microsoft.graph.fileAttachment";

  private final EmulatorCore core;
  private final OutlookSessions sessions;

  AttachmentApi(EmulatorCore core) {
    this.core = core;
    this.sessions = new OutlookSessions(core);
  }

  void handle(MailApi.Scope scope, MailItem item, List<String> rest) throws IOException {
    HttpCall call = scope.call;
    String collection = item.type().collection + "('" + item.id() + "')/attachments";
    if (rest.isEmpty()) {
      if (call.method().equals("GET")) {
        List<StoredAttachment> all = item.attachments();
        call.streamJson(
            200, json -> AttachmentJson.writeList(json, scope.context(collection), all));
      } else if (call.method().equals("POST")) {
        Map<String, Object> body = GraphRequests.jsonBody(call, core.violations, "an attachment");
        StoredAttachment added = add(item, body);
        String context = scope.context(collection + "/$entity");
        call.streamJson(201, json -> AttachmentJson.write(json, context, added));
      } else {
        throw GraphRequests.methodNotAllowed(call);
      }
      return;
    }
    if (rest.size() == 1 && rest.get(0).equalsIgnoreCase("createUploadSession")) {
      if (!call.method().equals("POST")) {
        throw GraphRequests.methodNotAllowed(call);
      }
      sessions.create(scope, item);
      return;
    }
    StoredAttachment attachment =
        item.attachment(rest.get(0)).orElseThrow(GraphException::itemNotFound);
    if (rest.size() == 2 && rest.get(1).equals("$value") && call.method().equals("GET")) {
      call.sendFile(200, attachment.info().contentType(), attachment.file());
    } else if (rest.size() > 1) {
      throw GraphRequests.segmentNotFound(rest.get(1));
    } else if (call.method().equals("GET")) {
      String context = scope.context(collection + "/$entity");
      call.streamJson(200, json -> AttachmentJson.write(json, context, attachment));
    } else if (call.method().equals("DELETE")) {
      item.removeAttachment(attachment.id(), core.clock.instant());
      core.blobs.delete(attachment.file());
      call.sendEmpty(204);
    } else {
      throw GraphRequests.methodNotAllowed(call);
    }
  }

  /** Adds the attachments given inline when a message or event is created. */
  void addInline(MailApi.Scope scope, MailItem item, Object inline) throws IOException {
    if (!(inline instanceof List)) {
      throw GraphException.badRequest("BadRequest", "Property 'attachments' must be an array.");
    }
    for (Object entry : (List<?>) inline) {
      if (!(entry instanceof Map)) {
        throw GraphException.badRequest("BadRequest", "Each attachment must be a JSON object.");
      }
      @SuppressWarnings("unchecked") // Moshi reads JSON objects as Map<String, Object>.
      Map<String, Object> body = (Map<String, Object>) entry;
      add(item, body);
    }
  }

  private StoredAttachment add(MailItem item, Map<String, Object> body) throws IOException {
    String type = Json.string(body, "@odata.type");
    if (type == null || !type.equalsIgnoreCase(FILE_ATTACHMENT)) {
      // TODO: item and reference attachments are not emulated; this project only sends files.
      throw GraphException.badRequest(
          "BadRequest",
          "Expected \"@odata.type\": \""
              + FILE_ATTACHMENT
              + "\", not "
              + (type == null ? "nothing" : "'" + type + "'")
              + ". The emulator stores file attachments only.");
    }
    String name = required(body, "name");
    byte[] content = decode(required(body, "contentBytes"));
    String contentType = Json.string(body, "contentType");
    Instant now = core.clock.instant();
    item.checkFits(content.length, core.settings.messageSizeLimit());

    Path file = core.blobs.store(content);
    String sha256 = UploadSession.hex(digest(content));
    AttachmentInfo info =
        new AttachmentInfo(
            Ids.outlookId(),
            name,
            contentType != null ? contentType : guessType(name),
            content.length,
            Json.bool(body, "isInline", false),
            Json.string(body, "contentId"),
            sha256,
            now);
    StoredAttachment stored = new StoredAttachment(info, file);
    try {
      item.attach(stored, core.settings.messageSizeLimit(), now);
    } catch (GraphException e) {
      core.blobs.delete(file);
      throw e;
    }
    return stored;
  }

  static String guessType(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".png")) {
      return "image/png";
    }
    if (lower.endsWith(".jpg") || lower.endsWith(".jpeg")) {
      return "image/jpeg";
    }
    if (lower.endsWith(".pdf")) {
      return "application/pdf";
    }
    if (lower.endsWith(".txt")) {
      return "text/plain";
    }
    return "application/octet-stream";
  }

  private static String required(Map<String, Object> body, String key) {
    String value = Json.string(body, key);
    if (value == null || value.isEmpty()) {
      throw GraphException.badRequest(
          "BadRequest", "The file attachment needs a non-empty '" + key + "'.");
    }
    return value;
  }

  private static byte[] decode(String base64) {
    try {
      return Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw GraphException.badRequest(
          "BadRequest", "'contentBytes' is not valid base64: " + e.getMessage());
    }
  }

  private static MessageDigest digest(byte[] content) {
    MessageDigest sha = UploadSession.sha256();
    sha.update(content);
    return sha;
  }
}
