package io.graphupload.emulator.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Requests under {@code /v1.0} and {@code /beta}: mail and drive resources. */
final class GraphApi {
  private final MailApi mail;
  private final DriveApi drive;

  GraphApi(EmulatorCore core) {
    this.mail = new MailApi(core);
    this.drive = new DriveApi(core);
  }

  /** The Graph version a path starts with, or null when it is not a Graph path. */
  static String version(String path) {
    for (String version : List.of("v1.0", "beta")) {
      if (path.startsWith("/" + version + "/")) {
        return version;
      }
    }
    return null;
  }

  /** Whether a Graph path addresses a mailbox (which then counts against its limits). */
  static boolean mailboxScoped(String path) {
    String version = version(path);
    if (version == null) {
      return false;
    }
    String rest = path.substring(version.length() + 1);
    return !DriveApi.matches(rest) && (rest.startsWith("/me/") || rest.startsWith("/users/"));
  }

  void handle(HttpCall call, FaultPlan plan) throws IOException {
    String version = version(call.path());
    String rest = call.path().substring(version.length() + 1);
    if (DriveApi.matches(rest)) {
      drive.handle(call, plan, version, rest);
      return;
    }
    List<String> segments = new ArrayList<>();
    for (String segment : rest.split("/")) {
      if (!segment.isEmpty()) {
        segments.add(segment);
      }
    }
    if (segments.isEmpty()) {
      throw GraphException.badRequest("BadRequest", "Invalid request: no resource named.");
    }
    mail.handle(call, plan, version, segments);
  }
}
