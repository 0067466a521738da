package io.graphupload.emulator.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Messages and events under {@code /me} and {@code /users/{id|upn}}. */
final class MailApi {
  private final EmulatorCore core;
  private final AttachmentApi attachments;

  MailApi(EmulatorCore core) {
    this.core = core;
    this.attachments = new AttachmentApi(core);
  }

  void handle(HttpCall call, FaultPlan plan, String version, List<String> segments)
      throws IOException {
    GraphAuth.Caller caller = core.auth.authenticate(call);
    boolean me = segments.get(0).equalsIgnoreCase("me");
    if (!me && !(segments.get(0).equalsIgnoreCase("users") && segments.size() > 1)) {
      throw GraphRequests.segmentNotFound(segments.get(0));
    }
    GraphAuth.Access access = core.auth.resolve(caller, me ? null : segments.get(1));
    List<String> rest = segments.subList(me ? 1 : 2, segments.size());
    if (rest.isEmpty()) {
      throw GraphRequests.segmentNotFound(segments.get(segments.size() - 1));
    }
    MailboxThrottle.Slot slot = core.throttle.enter(access.mailbox(), call, null);
    try {
      route(new Scope(call, plan, version, access), rest);
    } finally {
      slot.close();
    }
  }

  private void route(Scope scope, List<String> rest) throws IOException {
    MailboxState mailbox = scope.access.mailbox();
    if (rest.get(0).equalsIgnoreCase("mailFolders")) {
      String folder = rest.size() > 1 ? ItemJson.folderName(mailbox, rest.get(1)) : null;
      if (folder == null) {
        throw GraphException.notFound(
            "ErrorItemNotFound", "The specified folder could not be found in the store.");
      }
      if (rest.size() == 3 && rest.get(2).equalsIgnoreCase("messages")) {
        collection(scope, ItemType.MESSAGE, folder);
        return;
      }
      if (rest.size() > 3 && rest.get(2).equalsIgnoreCase("messages")) {
        route(scope, rest.subList(2, rest.size()));
        return;
      }
      throw GraphRequests.segmentNotFound(rest.get(rest.size() - 1));
    }
    if (rest.get(0).equalsIgnoreCase("calendar") && rest.size() > 1) {
      route(scope, rest.subList(1, rest.size()));
      return;
    }
    ItemType type = ItemType.forCollection(rest.get(0));
    if (type == null) {
      throw GraphRequests.segmentNotFound(rest.get(0));
    }
    if (rest.size() == 1) {
      collection(scope, type, null);
      return;
    }
    MailItem item = mailbox.find(type, rest.get(1)).orElseThrow(GraphException::itemNotFound);
    if (rest.size() == 2) {
      item(scope, item);
    } else if (rest.size() == 3 && rest.get(2).equalsIgnoreCase("send")) {
      send(scope, item);
    } else if (rest.get(2).equalsIgnoreCase("attachments")) {
      attachments.handle(scope, item, rest.subList(3, rest.size()));
    } else {
      throw GraphRequests.segmentNotFound(rest.get(2));
    }
  }

  private void collection(Scope scope, ItemType type, String folder) throws IOException {
    HttpCall call = scope.call;
    MailboxState mailbox = scope.access.mailbox();
    if (call.method().equals("GET")) {
      List<Object> values = new ArrayList<>();
      for (MailItem item : mailbox.list(type, folder)) {
        values.add(ItemJson.render(null, mailbox, item));
      }
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("@odata.context", scope.context(type.collection));
      json.put("value", values);
      call.sendJson(200, json);
      return;
    }
    if (!call.method().equals("POST")) {
      throw GraphRequests.methodNotAllowed(call);
    }
    Map<String, Object> body = GraphRequests.jsonBody(call, core.violations, "a " + type.resource);
    String target = type == ItemType.EVENT ? MailboxState.CALENDAR : folderOrDrafts(folder);
    MailItem item =
        mailbox.create(type, target, ItemJson.clientProperties(body), core.clock.instant());
    Object inline = Json.get(body, "attachments");
    if (inline != null) {
      attachments.addInline(scope, item, inline);
    }
    call.sendJson(201, ItemJson.render(scope.context(type.collection + "/$entity"), mailbox, item));
  }

  private void item(Scope scope, MailItem item) throws IOException {
    HttpCall call = scope.call;
    MailboxState mailbox = scope.access.mailbox();
    String context = scope.context(item.type().collection + "/$entity");
    switch (call.method()) {
      case "GET":
        call.sendJson(200, ItemJson.render(context, mailbox, item));
        break;
      case "PATCH":
        Map<String, Object> changes = GraphRequests.jsonBody(call, core.violations, "changes");
        item.update(ItemJson.clientProperties(changes), core.clock.instant());
        call.sendJson(200, ItemJson.render(context, mailbox, item));
        break;
      case "DELETE":
        mailbox.remove(item.type(), item.id());
        item.attachments().forEach(a -> core.blobs.delete(a.file()));
        call.sendEmpty(204);
        break;
      default:
        throw GraphRequests.methodNotAllowed(call);
    }
  }

  private void send(Scope scope, MailItem draft) throws IOException {
    if (!scope.call.method().equals("POST") || draft.type() != ItemType.MESSAGE) {
      throw GraphRequests.methodNotAllowed(scope.call);
    }
    scope.call.drain();
    if (!MailboxState.DRAFTS.equals(draft.folder())) {
      throw GraphException.badRequest("ErrorInvalidOperation", "Only a draft message can be sent.");
    }
    if (!hasRecipients(draft.properties())) {
      throw GraphException.badRequest(
          "ErrorInvalidRecipients",
          "At least one recipient isn't valid: the message has no recipients.");
    }
    scope.access.mailbox().send(draft, core.clock.instant());
    scope.call.sendEmpty(202);
  }

  private static boolean hasRecipients(Map<String, Object> properties) {
    for (String key : List.of("toRecipients", "ccRecipients", "bccRecipients")) {
      Object value = properties.get(key);
      if (value instanceof List && !((List<?>) value).isEmpty()) {
        return true;
      }
    }
    return false;
  }

  private static String folderOrDrafts(String folder) {
    return folder == null ? MailboxState.DRAFTS : folder;
  }

  /** One request's context: who calls, for which mailbox, under which Graph version. */
  final class Scope {
    final HttpCall call;
    final FaultPlan plan;
    final String version;
    final GraphAuth.Access access;

    Scope(HttpCall call, FaultPlan plan, String version, GraphAuth.Access access) {
      this.call = call;
      this.plan = plan;
      this.version = version;
      this.access = access;
    }

    /** An {@code @odata.context} value for something under this mailbox. */
    String context(String suffix) {
      return core.endpoints().graphBase()
          + "/"
          + version
          + "/$metadata#users('"
          + access.mailbox().userPrincipalName()
          + "')/"
          + suffix;
    }
  }
}
