package io.graphupload.emulator.internal;

import io.graphupload.emulator.ClientRule;
import io.graphupload.emulator.SessionState;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/** OneDrive's upload URLs: fragments, status, cancel and deferred commit. */
final class DriveUploads implements UploadService {
  private static final Pattern PATH =
      Pattern.compile(
          "/_api/v2\\.0/drives/[^/]+/items/[^/]+/uploadSession", Pattern.CASE_INSENSITIVE);
  private static final String TOKEN = "tempauth";

  private final EmulatorCore core;
  private final UploadGate gate;
  private final RangeIngest ingest;

  DriveUploads(EmulatorCore core) {
    this.core = core;
    this.gate = new UploadGate(core);
    this.ingest = new RangeIngest(core, gate);
  }

  static boolean matches(String path) {
    return PATH.matcher(path).matches();
  }

  void handle(HttpCall call, FaultPlan plan) throws IOException {
    String guid = call.query("guid");
    String id = guid == null ? "" : guid.replace("'", "");
    UploadSession session =
        core.sessions
            .find(id)
            .filter(s -> s.drive() != null)
            .orElseThrow(() -> UploadGate.gone(plan, false));
    switch (call.method()) {
      case "PUT":
        ingest.put(call, plan, session, this, TOKEN);
        break;
      case "GET":
        gate.check(call, plan, session, TOKEN);
        status(session, plan).send(call);
        break;
      case "DELETE":
        gate.check(call, plan, session, TOKEN);
        session.end(SessionState.DELETED);
        core.blobs.delete(session.file());
        call.sendEmpty(204);
        break;
      case "POST":
        gate.check(call, plan, session, TOKEN);
        call.drain();
        if (session.state() != SessionState.AWAITING_COMMIT) {
          throw invalidRequest(
              "Nothing to commit: "
                  + session.nextOffset()
                  + " bytes received, and the session was not created with deferCommit.");
        }
        commit(session).send(call);
        break;
      default:
        throw GraphRequests.methodNotAllowed(call);
    }
  }

  @Override
  public long maxRange() {
    return Settings.DRIVE_MAX_FRAGMENT - 1;
  }

  @Override
  public GraphException rangeTooLarge(ContentRange range) {
    return GraphException.badRequest(
            "invalidRange",
            "Fragments must be smaller than 60 MiB; this one has " + range.length() + " bytes.")
        .withInnerCode("fragmentTooLarge");
  }

  @Override
  public GraphException misplacedRange(UploadSession session, boolean already, boolean as400) {
    String message =
        already
            ? "The fragment overlaps bytes already received."
            : "Fragments must be uploaded in order; the next expected byte is "
                + session.nextOffset()
                + ".";
    return new GraphException(as400 ? 400 : 416, "invalidRange", message)
        .withInnerCode(already ? "fragmentOverlap" : "fragmentOutOfOrder");
  }

  @Override
  public GraphException invalidRequest(String detail) {
    return GraphException.badRequest("invalidRequest", detail);
  }

  @Override
  public void beforeWrite(HttpCall call, UploadSession session, ContentRange range) {
    boolean last = range.end() + 1 == session.declaredSize();
    if (!last && range.length() % Settings.DRIVE_FRAGMENT_UNIT != 0) {
      gate.violate(
          call,
          session,
          ClientRule.FRAGMENT_NOT_MULTIPLE_OF_320_KIB,
          range.length() + " bytes is not a multiple of " + Settings.DRIVE_FRAGMENT_UNIT);
      throw GraphException.badRequest(
          "invalidRange",
          "Fragments other than the last must be a multiple of 320 KiB (327680 bytes).");
    }
  }

  @Override
  public Answer progress(UploadSession session, FaultPlan plan) {
    List<String> ranges =
        List.of(SessionJson.openRange(session.nextOffset(), plan.rangesWithoutDash()));
    return Answer.json(
        202,
        SessionJson.progress(Timestamps.drive(session.expiresAt()), ranges, plan.pascalCase()));
  }

  /** A status query: what is still missing, or nothing while a commit is awaited. */
  private Answer status(UploadSession session, FaultPlan plan) {
    boolean awaiting = session.state() == SessionState.AWAITING_COMMIT;
    List<String> ranges =
        awaiting
            ? List.of()
            : List.of(SessionJson.openRange(session.nextOffset(), plan.rangesWithoutDash()));
    return Answer.json(
        200,
        SessionJson.progress(Timestamps.drive(session.expiresAt()), ranges, plan.pascalCase()));
  }

  @Override
  public Answer complete(HttpCall call, UploadSession session, FaultPlan plan) throws IOException {
    if (session.drive().deferCommit()) {
      session.awaitCommit();
      return Answer.json(
          202,
          SessionJson.progress(
              Timestamps.drive(session.expiresAt()), List.of(), plan.pascalCase()));
    }
    return commit(session);
  }

  private Answer commit(UploadSession session) throws IOException {
    DriveTarget target = session.drive();
    DriveItem parent = target.drive().item(target.parentId());
    if (parent == null) {
      session.end(SessionState.FAILED);
      throw GraphException.notFound("itemNotFound", "The destination folder no longer exists.");
    }
    Path file = core.blobs.promote(session.file());
    DriveState.Stored stored;
    try {
      stored =
          target
              .drive()
              .store(
                  parent,
                  target.name(),
                  target.conflictBehavior(),
                  file,
                  session.declaredSize(),
                  UploadSession.hex(session.digestCopy()),
                  core.clock.instant());
    } catch (GraphException e) {
      core.blobs.delete(file);
      session.end(SessionState.FAILED);
      throw e;
    }
    session.complete(stored.item().id);
    String context = core.endpoints().graphBase() + "/v1.0/$metadata#driveItem";
    return Answer.json(
        stored.created() ? 201 : 200, DriveJson.item(context, target.drive(), stored.item()));
  }
}
