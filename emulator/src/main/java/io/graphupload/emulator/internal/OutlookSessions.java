package io.graphupload.emulator.internal;

import io.graphupload.emulator.ClientRule;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;

/** {@code POST …/attachments/createUploadSession} for messages and events. */
final class OutlookSessions {
  private final EmulatorCore core;

  OutlookSessions(EmulatorCore core) {
    this.core = core;
  }

  void create(MailApi.Scope scope, MailItem item) throws IOException {
    HttpCall call = scope.call;
    Map<String, Object> body = GraphRequests.jsonBody(call, core.violations, "an AttachmentItem");
    if (scope.access.delegatedToOther()) {
      throw new GraphException(
          403, "ErrorAccessDenied", "Access is denied. Check credentials and try again.");
    }
    Map<String, Object> attachment = Json.child(body, "AttachmentItem");
    if (attachment == null) {
      throw GraphException.badRequest(
          "BadRequest",
          "createUploadSession needs {\"AttachmentItem\": {\"attachmentType\": \"file\","
              + " \"name\": ..., \"size\": ...}}.");
    }
    String type = Json.string(attachment, "attachmentType");
    if (type == null || !type.equalsIgnoreCase("file")) {
      throw GraphException.badRequest(
          "BadRequest",
          "AttachmentItem.attachmentType must be \"file\", not "
              + (type == null ? "missing" : "'" + type + "'")
              + ".");
    }
    String name = Json.string(attachment, "name");
    Long size = Json.wholeNumber(attachment, "size");
    if (name == null || name.isBlank() || size == null || size < 0) {
      throw GraphException.badRequest(
          "BadRequest", "AttachmentItem needs a non-empty \"name\" and a \"size\" in bytes.");
    }
    if (size < Settings.MINIMUM_SESSION_SIZE) {
      core.violations.record(
          ClientRule.SESSION_BELOW_MINIMUM_SIZE,
          "An upload session was requested for "
              + size
              + " bytes; files under 3 MB go in one POST …/attachments",
          null,
          call);
      throw GraphException.badRequest(
          "ErrorAttachmentSizeShouldNotBeLessThanMinimumSize",
          "Attachment size should not be less than minimum size.");
    }

    String contentType = Json.string(attachment, "contentType");
    OutlookTarget target =
        new OutlookTarget(
            scope.access.mailbox(),
            item.type(),
            item.id(),
            name,
            contentType != null ? contentType : AttachmentApi.guessType(name),
            Json.bool(attachment, "isInline", false),
            Json.string(attachment, "contentId"));
    Instant now = core.clock.instant();
    UploadSession session =
        new UploadSession(
            Ids.outlookId(),
            Ids.secret(),
            target,
            null,
            size,
            core.blobs.newPartFile(),
            now,
            core.settings.sessionLifetime());
    core.sessions.add(session);

    FaultPlan plan = scope.plan;
    String context =
        core.endpoints().graphBase()
            + "/"
            + scope.version
            + "/$metadata#microsoft.graph.uploadSession";
    call.sendJson(
        201,
        SessionJson.created(
            context,
            core.endpoints().outlookUploadUrl(session, core.mail.tenantId()),
            Timestamps.outlook(session.expiresAt()),
            SessionJson.openRange(0, plan.rangesWithoutDash()),
            plan.pascalCase()));
  }
}
