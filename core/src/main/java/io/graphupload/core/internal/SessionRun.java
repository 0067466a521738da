package io.graphupload.core.internal;

import io.graphupload.core.Checkpoint;
import io.graphupload.core.FileIdentity;
import io.graphupload.core.GraphServiceException;
import io.graphupload.core.Nullable;
import io.graphupload.core.RangeRules;
import io.graphupload.core.UploadEvent;
import io.graphupload.core.UploadException;
import io.graphupload.core.UploadException.Category;
import io.graphupload.core.UploadException.Phase;
import io.graphupload.core.UploadResult;
import io.graphupload.core.UploadResult.Route;
import io.graphupload.core.UploadSession;
import io.graphupload.core.spi.ContentRange;
import io.graphupload.core.spi.RangeAnswer;
import io.graphupload.core.spi.RangeCost;
import io.graphupload.core.spi.ResumeStore;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The upload-session route: PUTs ranges strictly in order, saves a checkpoint after every
 * acknowledged one, and recovers from what the protocol says can be recovered from.
 */
final class SessionRun {
  private static final Logger log = LoggerFactory.getLogger(SessionRun.class);
  private static final int RECENT_COSTS = 10;

  private final UploadRun run;
  private final Engine engine;
  private final FileChannel channel;
  private final long total;
  private final Deque<RangeCost> recent = new ArrayDeque<>();
  private @Nullable Checkpoint checkpoint;
  private @Nullable ContentHash hashing;
  private long offset;
  private long highestSent;
  private int rangesSent;
  private int rangesResent;
  private boolean lastRangeCountedResent;
  private int restarts;

  SessionRun(UploadRun run, FileChannel channel) {
    this.run = run;
    this.engine = run.engine;
    this.channel = channel;
    this.total = run.plan.attachment().size();
  }

  UploadResult run() throws UploadException {
    Optional<ResumeStore.Lease> lease = claim();
    try (ResumeStore.Lease held = lease.get()) {
      UploadResult result = runClaimed();
      forget();
      return result;
    } catch (IOException e) {
      throw Failures.storage("release", run.plan.uploadId(), e);
    } finally {
      if (hashing != null) {
        hashing.cancel();
      }
    }
  }

  private UploadResult runClaimed() throws UploadException {
    try {
      begin();
      String attachmentId = sendRanges();
      return run.result(attachmentId, Route.UPLOAD_SESSION, rangesSent, rangesResent);
    } catch (UploadException e) {
      if (e.category() == Category.CANCELLED) {
        discard();
      }
      throw e;
    }
  }

  private Optional<ResumeStore.Lease> claim() throws UploadException {
    Optional<ResumeStore.Lease> lease;
    try {
      lease = engine.store().tryLock(run.plan.uploadId());
    } catch (IOException e) {
      throw Failures.storage("lock", run.plan.uploadId(), e);
    }
    if (lease.isEmpty()) {
      throw new UploadException(
          Category.TRANSIENT,
          Phase.PREPARE,
          "Upload "
              + run.plan.uploadId()
              + " of "
              + run.plan.file()
              + " is running in another process; wait for it to finish, or stop it first.");
    }
    return lease;
  }

  private void begin() throws UploadException {
    Checkpoint saved = run.plan.checkpoint();
    FileIdentity identity;
    if (saved != null && saved.file().hasContentHash()) {
      identity = identify(FileIdentity::of);
    } else {
      // Hash the content while the first ranges travel rather than before: reading 150 MiB costs
      // about as long as sending a third of it on a fast link. Until the hash is known, a resume
      // checks size and modification time only.
      identity = identify(FileIdentity::withoutContentHash);
      hashing = new ContentHash(run.plan.file());
    }
    if (saved == null) {
      UploadSession session = createSession();
      Instant now = engine.clock().instant();
      checkpoint =
          new Checkpoint(
              run.plan.uploadId(),
              run.plan.target(),
              run.plan.attachment(),
              identity,
              session.uploadUrl(),
              session.expiration(),
              0,
              now,
              now);
      save();
      offset = 0;
      started(0);
      return;
    }
    refuseIfChanged(saved.file(), identity);
    checkpoint = saved;
    offset = saved.acknowledgedOffset();
    highestSent = offset;
    Instant now = engine.clock().instant();
    if (saved.expiration() != null && !now.isBefore(saved.expiration())) {
      started(0);
      restart("the session expired at " + saved.expiration());
      return;
    }
    OptionalLong server = resync();
    offset = server.orElse(offset);
    started(offset);
  }

  private void started(long from) {
    log.info(
        "{} upload {} of {} ({} bytes) to {}",
        from > 0 ? "Resuming" : "Starting",
        run.plan.uploadId(),
        run.plan.file(),
        total,
        run.plan.target().describe());
    engine
        .events()
        .emit(
            new UploadEvent.Started(
                run.plan.uploadId(),
                run.plan.file(),
                run.plan.target(),
                run.plan.attachment(),
                Route.UPLOAD_SESSION,
                from));
  }

  private interface Identification {
    FileIdentity identify(Path file) throws IOException;
  }

  private FileIdentity identify(Identification how) throws UploadException {
    FileIdentity identity;
    try {
      identity = how.identify(run.plan.file());
    } catch (IOException e) {
      throw Failures.unreadable(run.plan.file(), e);
    }
    if (identity.size() != total) {
      throw new UploadException(
          Category.INVALID_INPUT,
          Phase.PREPARE,
          run.plan.file()
              + " changed size while the upload was being prepared ("
              + total
              + " bytes, then "
              + identity.size()
              + "); wait until it is fully written, then try again.");
    }
    return identity;
  }

  private void refuseIfChanged(FileIdentity before, FileIdentity now) throws UploadException {
    Optional<String> changes = before.differencesFrom(now);
    if (changes.isPresent()) {
      throw new UploadException(
          Category.INVALID_INPUT,
          Phase.PREPARE,
          "Cannot resume upload "
              + run.plan.uploadId()
              + ": "
              + run.plan.file()
              + " changed since the upload started ("
              + changes.get()
              + "). To send the file as it is now, cancel upload "
              + run.plan.uploadId()
              + " and start it again.");
    }
  }

  private String sendRanges() throws UploadException {
    RangeRules rules = run.plan.target().rangeRules();
    while (true) {
      run.checkCancelled();
      if (offset >= total) {
        throw finalAnswerLost();
      }
      ContentRange range = plan(rules);
      run.awaitBandwidth(range.length());
      long startNanos = System.nanoTime();
      countSent(range);
      try {
        RangeAnswer answer = engine.transport().putRange(uploadUrl(), range, channel);
        Duration elapsed = record(range, startNanos, false);
        run.budget.reset();
        if (answer instanceof RangeAnswer.Completed completed) {
          return completed.attachmentId();
        }
        accepted(range, (RangeAnswer.Accepted) answer, elapsed);
      } catch (GraphServiceException e) {
        record(range, startNanos, true);
        refused(range, e);
      } catch (IOException e) {
        record(range, startNanos, true);
        run.pause(Phase.UPLOAD_RANGE, e, null);
        offset = resync().orElse(offset);
      }
    }
  }

  private ContentRange plan(RangeRules targetRules) throws UploadException {
    RangeRules rules = targetRules;
    if (engine.rateLimit() != null) {
      long paced = targetRules.clamp(engine.rateLimit().preferredRangeBytes());
      rules = new RangeRules(paced, targetRules.granularity());
    }
    ContentRange range = engine.planner().next(offset, total, rules, List.copyOf(recent));
    boolean obeys =
        range.start() == offset
            && range.total() == total
            && range.length() <= rules.maxRangeBytes()
            && (range.isLast() || range.length() % rules.granularity() == 0);
    if (!obeys) {
      throw new UploadException(
          Category.PERMANENT,
          Phase.UPLOAD_RANGE,
          "The chunk planner "
              + engine.planner().getClass().getName()
              + " planned "
              + range
              + " where the server expects byte "
              + offset
              + " and the target allows at most "
              + rules.maxRangeBytes()
              + " bytes in multiples of "
              + rules.granularity()
              + "; fix the planner or choose another.");
    }
    return range;
  }

  private void countSent(ContentRange range) {
    rangesSent++;
    lastRangeCountedResent = range.start() < highestSent;
    if (lastRangeCountedResent) {
      rangesResent++;
    }
    highestSent = Math.max(highestSent, range.start() + range.length());
  }

  private Duration record(ContentRange range, long startNanos, boolean failed) {
    Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
    if (recent.size() == RECENT_COSTS) {
      recent.removeFirst();
    }
    recent.addLast(new RangeCost(range.length(), elapsed, failed));
    return elapsed;
  }

  private void accepted(ContentRange range, RangeAnswer.Accepted answer, Duration elapsed)
      throws UploadException {
    long next =
        answer.nextExpectedRanges().isEmpty()
            ? range.end() + 1
            : answer.nextExpectedRanges().get(0).start();
    if (next > total) {
      log.warn(
          "Upload {}: the service expects byte {} of a {}-byte file; continuing at byte {}",
          run.plan.uploadId(),
          next,
          total,
          range.end() + 1);
      next = range.end() + 1;
    }
    double seconds = Math.max(elapsed.toNanos(), 1) / 1e9;
    acknowledge(next, answer.expiration());
    log.debug("Upload {}: {} acknowledged, next byte {}", run.plan.uploadId(), range, next);
    engine
        .events()
        .emit(
            new UploadEvent.RangeAcknowledged(
                run.plan.uploadId(), run.plan.file(), next, total, range.length() / seconds));
  }

  private void acknowledge(long next, @Nullable Instant expiration) throws UploadException {
    checkpoint = current().acknowledge(next, expiration, engine.clock().instant());
    // Past halfway, wait for the hash if it is not there yet, so that most of a long upload is
    // covered by it.
    if (hashing != null && (hashing.isDone() || next * 2 >= total)) {
      checkpoint = current().withFile(hashedIdentity(hashing));
      hashing = null;
    }
    save();
    offset = next;
  }

  private void refused(ContentRange range, GraphServiceException e) throws UploadException {
    if (isRangeConflict(e)) {
      if (!run.budget.countImmediate()) {
        throw new UploadException(
            Category.PERMANENT,
            Phase.UPLOAD_RANGE,
            "The service and upload "
                + run.plan.uploadId()
                + " keep disagreeing on which bytes it has (HTTP "
                + e.httpStatus()
                + " on "
                + range
                + "); cancel the upload and start it again.",
            e);
      }
      if (!lastRangeCountedResent) {
        // An earlier process sent it: the service says it has these bytes already.
        rangesResent++;
        lastRangeCountedResent = true;
      }
      OptionalLong server = resync();
      long next = server.orElse(range.end() + 1);
      log.warn(
          "Upload {}: the service refused {} as already received; continuing at byte {}",
          run.plan.uploadId(),
          range,
          next);
      acknowledge(next, null);
    } else if (isSessionGone(e)) {
      restart("the session expired or was deleted (HTTP " + e.httpStatus() + ")");
    } else if (e.hasCode("ErrorMessageSizeExceeded")) {
      throw messageTooLarge(e);
    } else if (e.isRetryable()) {
      run.pause(Phase.UPLOAD_RANGE, e, e.retryAfter());
    } else {
      throw e;
    }
  }

  private static boolean isRangeConflict(GraphServiceException e) {
    if (e.httpStatus() == 416) {
      return true;
    }
    return e.httpStatus() == 400
        && (e.hasCode("invalidRange")
            || e.hasCode("fragmentOverlap")
            || e.hasCode("fragmentOutOfOrder"));
  }

  private static boolean isSessionGone(GraphServiceException e) {
    // The upload URL carries its own token: a 401 other than the one for a Graph token sent by
    // mistake means that token, and so the session, has lapsed.
    return e.httpStatus() == 404
        || (e.httpStatus() == 401 && !e.hasCode("InvalidAudienceForResource"));
  }

  private GraphServiceException messageTooLarge(GraphServiceException e) {
    return new GraphServiceException(
        Category.PERMANENT,
        Phase.UPLOAD_RANGE,
        e.httpStatus(),
        e.errorCode(),
        e.requestId(),
        null,
        "The message would exceed the mailbox's maximum message size with "
            + run.plan.file()
            + " ("
            + total
            + " bytes) attached. The limit is set by the tenant's administrator (35 MB by"
            + " default, at most 150 MB); ask them to raise it, or share the file through"
            + " OneDrive instead.");
  }

  /**
   * Asks the service where the session stands.
   *
   * @return the next byte it expects; empty when it cannot say, so the caller keeps its own count
   */
  private OptionalLong resync() throws UploadException {
    Optional<UploadSession> status;
    try {
      status = engine.transport().querySession(uploadUrl());
    } catch (GraphServiceException e) {
      if (isSessionGone(e)) {
        restart("the session expired or was deleted (HTTP " + e.httpStatus() + ")");
        return OptionalLong.of(0);
      }
      log.debug("Upload {}: status query failed: {}", run.plan.uploadId(), Failures.reason(e));
      return OptionalLong.empty();
    } catch (IOException e) {
      log.debug("Upload {}: status query failed: {}", run.plan.uploadId(), Failures.reason(e));
      return OptionalLong.empty();
    }
    if (status.isEmpty()) {
      return OptionalLong.empty();
    }
    OptionalLong next = status.get().nextExpectedOffset();
    return next.isPresent() ? next : OptionalLong.of(total);
  }

  private void restart(String reason) throws UploadException {
    restarts++;
    if (restarts > engine.maxSessionRestarts()) {
      throw new UploadException(
          Category.TRANSIENT,
          Phase.CREATE_SESSION,
          "Upload "
              + run.plan.uploadId()
              + " lost its session "
              + restarts
              + " times ("
              + reason
              + "); try again later.");
    }
    log.warn("Upload {}: {}; starting a new session from byte 0", run.plan.uploadId(), reason);
    engine
        .events()
        .emit(new UploadEvent.SessionRestarted(run.plan.uploadId(), run.plan.file(), reason));
    UploadSession session = createSession();
    checkpoint = current().restart(session, engine.clock().instant());
    save();
    offset = 0;
  }

  private UploadSession createSession() throws UploadException {
    while (true) {
      run.checkCancelled();
      try {
        UploadSession session =
            engine.transport().createSession(run.plan.target(), run.plan.attachment());
        run.budget.reset();
        return session;
      } catch (GraphServiceException e) {
        if (!e.isRetryable()) {
          throw e;
        }
        run.pause(Phase.CREATE_SESSION, e, e.retryAfter());
      } catch (IOException e) {
        run.pause(Phase.CREATE_SESSION, e, null);
      }
    }
  }

  private UploadException finalAnswerLost() {
    return new UploadException(
        Category.PERMANENT,
        Phase.UPLOAD_RANGE,
        "The service has every byte of upload "
            + run.plan.uploadId()
            + " but its answer naming the new attachment was lost; look for '"
            + run.plan.attachment().name()
            + "' among the attachments of "
            + run.plan.target().describe()
            + " before uploading it again.");
  }

  private FileIdentity hashedIdentity(ContentHash hash) throws UploadException {
    FileIdentity hashed;
    try {
      hashed = hash.await();
    } catch (IOException e) {
      throw Failures.unreadable(run.plan.file(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UploadException(
          Category.CANCELLED,
          Phase.UPLOAD_RANGE,
          "Upload " + run.plan.uploadId() + " was interrupted",
          e);
    }
    FileIdentity known = current().file();
    Optional<String> changes = known.differencesFrom(hashed);
    if (changes.isPresent()) {
      throw new UploadException(
          Category.INVALID_INPUT,
          Phase.UPLOAD_RANGE,
          run.plan.file()
              + " changed while it was being uploaded ("
              + changes.get()
              + "); wait until it is fully written, then cancel upload "
              + run.plan.uploadId()
              + " and start it again.");
    }
    return hashed;
  }

  private Checkpoint current() {
    if (checkpoint == null) {
      throw new IllegalStateException("No checkpoint before the session began");
    }
    return checkpoint;
  }

  private String uploadUrl() {
    return current().uploadUrl();
  }

  private void save() throws UploadException {
    try {
      engine.store().save(current());
    } catch (IOException e) {
      throw Failures.storage("save", run.plan.uploadId(), e);
    }
  }

  private void forget() {
    try {
      engine.store().delete(run.plan.uploadId());
    } catch (IOException e) {
      log.warn(
          "Upload {} finished, but its checkpoint could not be deleted ({}); delete it by hand"
              + " from the state directory.",
          run.plan.uploadId(),
          e.getMessage());
    }
  }

  private void discard() {
    if (checkpoint != null) {
      try {
        engine.transport().deleteSession(checkpoint.uploadUrl());
      } catch (IOException | UploadException e) {
        log.warn(
            "Upload {} was cancelled, but its session could not be deleted ({}); it expires by"
                + " itself.",
            run.plan.uploadId(),
            Failures.reason(e));
      }
    }
    forget();
  }
}
