package io.graphupload.emulator.internal;

import io.graphupload.emulator.AttachmentInfo;
import io.graphupload.emulator.SessionState;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Outlook's upload URLs: range PUTs, status GETs and DELETEs. */
final class OutlookUploads implements UploadService {
  private static final Pattern PATH =
      Pattern.compile(
          "/api/v2\\.0/Users\\('([^']+)'\\)/(Messages|Events)\\('([^']+)'\\)"
              + "/AttachmentSessions\\('([^']+)'\\)",
          Pattern.CASE_INSENSITIVE);
  private static final String TOKEN = "authtoken";

  private final EmulatorCore core;
  private final UploadGate gate;
  private final RangeIngest ingest;

  OutlookUploads(EmulatorCore core) {
    this.core = core;
    this.gate = new UploadGate(core);
    this.ingest = new RangeIngest(core, gate);
  }

  /** Whether a path is an Outlook upload URL. */
  static boolean matches(String path) {
    return PATH.matcher(path).matches();
  }

  void handle(HttpCall call, FaultPlan plan) throws IOException {
    Matcher path = PATH.matcher(call.path());
    if (!path.matches()) {
      throw GraphException.itemNotFound();
    }
    UploadSession session =
        core.sessions
            .find(path.group(4))
            .filter(s -> s.outlook() != null && addressedBy(s, path))
            .orElseThrow(() -> UploadGate.gone(plan, true));
    MailboxThrottle.Slot slot;
    try {
      slot = core.throttle.enter(session.outlook().mailbox(), call, session);
    } catch (GraphException e) {
      if (call.method().equals("PUT")) {
        RangeIngest.refused(call, session, e);
      }
      throw e;
    }
    try (slot) {
      switch (call.method()) {
        case "PUT":
          ingest.put(call, plan, session, this, TOKEN);
          break;
        case "GET":
          status(call, plan, session);
          break;
        case "DELETE":
          gate.check(call, plan, session, TOKEN);
          session.end(SessionState.DELETED);
          core.blobs.delete(session.file());
          call.sendEmpty(204);
          break;
        default:
          throw GraphRequests.methodNotAllowed(call);
      }
    }
  }

  private void status(HttpCall call, FaultPlan plan, UploadSession session) throws IOException {
    if (!core.settings.statusQueries()) {
      throw new GraphException(
          405,
          "MethodNotAllowed",
          "This upload URL does not answer status queries; resume from the last acknowledged"
              + " range.");
    }
    gate.check(call, plan, session, TOKEN);
    String range = SessionJson.openRange(session.nextOffset(), plan.rangesWithoutDash());
    call.sendJson(
        200,
        SessionJson.progress(
            Timestamps.outlook(session.expiresAt()), List.of(range), plan.pascalCase()));
  }

  private boolean addressedBy(UploadSession session, Matcher path) {
    OutlookTarget target = session.outlook();
    String user = target.mailbox().id() + "@" + core.mail.tenantId();
    return user.equalsIgnoreCase(path.group(1))
        && target.itemType() == ItemType.forUploadSegment(path.group(2))
        && target.itemId().equals(path.group(3));
  }

  @Override
  public long maxRange() {
    return Settings.OUTLOOK_MAX_RANGE;
  }

  @Override
  public GraphException rangeTooLarge(ContentRange range) {
    return GraphException.badRequest(
        "invalidRange",
        "A range carries at most "
            + Settings.OUTLOOK_MAX_RANGE
            + " bytes (4 MiB); this one has "
            + range.length()
            + ". Split it.");
  }

  @Override
  public GraphException misplacedRange(UploadSession session, boolean already, boolean as400) {
    long next = session.nextOffset();
    String message =
        already
            ? "The range was already received; the next expected byte is " + next + "."
            : "Ranges must arrive in order; the next expected byte is " + next + ".";
    return new GraphException(as400 ? 400 : 416, "invalidRange", message);
  }

  @Override
  public GraphException invalidRequest(String detail) {
    return GraphException.badRequest("invalidRequest", detail);
  }

  @Override
  public void beforeWrite(HttpCall call, UploadSession session, ContentRange range) {
    item(session).checkFits(range.end() + 1, core.settings.messageSizeLimit());
  }

  @Override
  public Answer progress(UploadSession session, FaultPlan plan) {
    // Outlook writes the next offset without a dash in PUT answers, whatever the fault plan.
    String next = Long.toString(session.nextOffset());
    return Answer.json(
        200,
        SessionJson.progress(
            Timestamps.outlook(session.expiresAt()), List.of(next), plan.pascalCase()));
  }

  @Override
  public Answer complete(HttpCall call, UploadSession session, FaultPlan plan) throws IOException {
    OutlookTarget target = session.outlook();
    MailItem item = item(session);
    Instant now = core.clock.instant();
    Path file = core.blobs.promote(session.file());
    AttachmentInfo info =
        new AttachmentInfo(
            Ids.outlookId(),
            target.name(),
            target.contentType(),
            session.declaredSize(),
            target.inline(),
            target.contentId(),
            UploadSession.hex(session.digestCopy()),
            now);
    try {
      item.attach(new StoredAttachment(info, file), core.settings.messageSizeLimit(), now);
    } catch (GraphException e) {
      core.blobs.delete(file);
      session.end(SessionState.FAILED);
      throw e;
    }
    session.complete(info.id());
    String location =
        core.endpoints().outlookAttachmentLocation(target, core.mail.tenantId(), info.id());
    return Answer.empty(201, Map.of("Location", location));
  }

  private MailItem item(UploadSession session) {
    OutlookTarget target = session.outlook();
    return target
        .mailbox()
        .find(target.itemType(), target.itemId())
        .orElseThrow(
            () -> {
              session.end(SessionState.FAILED);
              return GraphException.itemNotFound();
            });
  }
}
