package io.graphupload.emulator.internal;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** OneDrive and SharePoint: upload sessions by path, and reading items back. */
final class DriveApi {
  private static final Pattern DRIVE =
      Pattern.compile(
          "/(?:(me)/drive|users/([^/]+)/drive|drives/([^/]+)|sites/([^/]+)/drive"
              + "|groups/([^/]+)/drive)(/.*)?",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern INVALID_NAME = Pattern.compile("[\"*:<>?/\\\\|]");

  private final EmulatorCore core;

  DriveApi(EmulatorCore core) {
    this.core = core;
  }

  static boolean matches(String graphPath) {
    return DRIVE.matcher(graphPath).matches();
  }

  void handle(HttpCall call, FaultPlan plan, String version, String graphPath) throws IOException {
    core.auth.authenticate(call);
    Matcher matcher = DRIVE.matcher(graphPath);
    if (!matcher.matches()) {
      throw GraphRequests.segmentNotFound(graphPath);
    }
    DriveState drive = drive(matcher);
    String rest = matcher.group(6) == null ? "" : matcher.group(6);
    Address address = Address.parse(rest);
    DriveItem base = address.itemId == null ? drive.root() : required(drive.item(address.itemId));
    String context = core.endpoints().graphBase() + "/" + version + "/$metadata#";

    if ("createUploadSession".equalsIgnoreCase(address.action)) {
      if (!call.method().equals("POST")) {
        throw GraphRequests.methodNotAllowed(call);
      }
      createSession(call, plan, drive, base, address.path, context);
      return;
    }
    if (!call.method().equals("GET")) {
      throw GraphRequests.methodNotAllowed(call);
    }
    DriveItem item = required(address.path.isEmpty() ? base : drive.find(base, address.path));
    if ("content".equalsIgnoreCase(address.action) && !item.folder) {
      call.sendFile(200, item.mimeType, item.file);
    } else if ("children".equalsIgnoreCase(address.action) && item.folder) {
      call.sendJson(200, DriveJson.children(context + "Collection(driveItem)", drive, item));
    } else if (address.action == null) {
      call.sendJson(200, DriveJson.item(context + "driveItem", drive, item));
    } else {
      throw GraphRequests.segmentNotFound(address.action);
    }
  }

  private void createSession(
      HttpCall call, FaultPlan plan, DriveState drive, DriveItem base, String path, String ctx)
      throws IOException {
    byte[] raw = GraphRequests.body(call, core.violations);
    Map<String, Object> body = raw.length == 0 ? Map.of() : Json.object(raw, "an upload session");
    Map<String, Object> item = Json.child(body, "item");
    int slash = path.lastIndexOf('/');
    String name = path.substring(slash + 1);
    if (item != null && Json.string(item, "name") != null) {
      name = Json.string(item, "name");
    }
    if (name.isBlank() || INVALID_NAME.matcher(name).find()) {
      throw GraphException.badRequest("invalidRequest", "'" + name + "' is not a valid file name.");
    }
    String behavior = conflictBehavior(call, item);
    Instant now = core.clock.instant();
    DriveItem parent = drive.folder(base, slash < 0 ? "" : path.substring(0, slash), now);
    Long size = item == null ? null : Json.wholeNumber(item, "fileSize");
    DriveTarget target =
        new DriveTarget(drive, parent.id, name, behavior, Json.bool(body, "deferCommit", false));
    UploadSession session =
        new UploadSession(
            Ids.requestId(),
            Ids.secret(),
            null,
            target,
            size == null ? -1 : size,
            core.blobs.newPartFile(),
            now,
            core.settings.sessionLifetime());
    core.sessions.add(session);
    call.sendJson(
        200,
        SessionJson.created(
            ctx + "microsoft.graph.uploadSession",
            core.endpoints().driveUploadUrl(session),
            Timestamps.drive(session.expiresAt()),
            SessionJson.openRange(0, plan.rangesWithoutDash()),
            plan.pascalCase()));
  }

  private static String conflictBehavior(HttpCall call, Map<String, Object> item) {
    String behavior = call.query("@microsoft.graph.conflictBehavior");
    if (item != null && Json.string(item, "@microsoft.graph.conflictBehavior") != null) {
      behavior = Json.string(item, "@microsoft.graph.conflictBehavior");
    }
    if (behavior == null) {
      return "replace";
    }
    if (!List.of("fail", "replace", "rename").contains(behavior.toLowerCase(Locale.ROOT))) {
      throw GraphException.badRequest(
          "invalidRequest",
          "conflictBehavior must be fail, replace or rename, not '" + behavior + "'.");
    }
    return behavior.toLowerCase(Locale.ROOT);
  }

  private DriveState drive(Matcher matcher) {
    if (matcher.group(1) != null) {
      return core.drives.forUser(null);
    }
    if (matcher.group(2) != null) {
      return core.drives.forUser(matcher.group(2));
    }
    if (matcher.group(3) != null) {
      return core.drives.byId(matcher.group(3));
    }
    String owner =
        matcher.group(4) != null ? "site:" + matcher.group(4) : "group:" + matcher.group(5);
    return core.drives.forOwner(owner);
  }

  private static DriveItem required(DriveItem item) {
    if (item == null) {
      throw GraphException.notFound("itemNotFound", "The resource could not be found.");
    }
    return item;
  }

  /** A drive-relative address: {@code /root:/a/b:/action} or {@code /items/{id}/action}. */
  private record Address(String itemId, String path, String action) {
    static Address parse(String rest) {
      String itemId = null;
      String remainder;
      if (rest.isEmpty() || rest.equalsIgnoreCase("/root")) {
        return new Address(null, "", null);
      } else if (rest.regionMatches(true, 0, "/root", 0, 5)) {
        remainder = rest.substring(5);
      } else if (rest.regionMatches(true, 0, "/items/", 0, 7)) {
        int end = indexOfAny(rest, 7);
        itemId = rest.substring(7, end);
        remainder = rest.substring(end);
      } else {
        throw GraphRequests.segmentNotFound(rest);
      }
      if (remainder.startsWith(":")) {
        int close = remainder.indexOf(":/", 1);
        String path =
            close < 0 ? stripColon(remainder.substring(1)) : remainder.substring(1, close);
        String action = close < 0 ? null : remainder.substring(close + 2);
        return new Address(itemId, path, action);
      }
      String action = remainder.startsWith("/") ? remainder.substring(1) : null;
      return new Address(itemId, "", action == null || action.isEmpty() ? null : action);
    }

    private static int indexOfAny(String text, int from) {
      for (int i = from; i < text.length(); i++) {
        if (text.charAt(i) == '/' || text.charAt(i) == ':') {
          return i;
        }
      }
      return text.length();
    }

    private static String stripColon(String path) {
      return path.endsWith(":") ? path.substring(0, path.length() - 1) : path;
    }
  }
}
