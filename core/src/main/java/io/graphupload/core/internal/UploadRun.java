package io.graphupload.core.internal;

import io.graphupload.core.GraphServiceException;
import io.graphupload.core.Nullable;
import io.graphupload.core.UploadEvent;
import io.graphupload.core.UploadException;
import io.graphupload.core.UploadException.Category;
import io.graphupload.core.UploadException.Phase;
import io.graphupload.core.UploadResult;
import io.graphupload.core.UploadResult.Route;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one upload on the calling thread: routes it by size, retries what may pass, and reports
 * events. A session upload continues in {@link SessionRun}.
 */
public final class UploadRun {
  private static final Logger log = LoggerFactory.getLogger(UploadRun.class);

  final Engine engine;
  final UploadPlan plan;
  final CountDownLatch cancelled;
  final BooleanSupplier stopRequested;
  final RetryBudget budget;
  final Instant startedAt;

  /**
   * @param wakeUp counts down when the upload is cancelled or stopped, to end a wait early
   * @param stopRequested whether a stop (keeping the checkpoint) rather than a cancel was asked
   */
  public UploadRun(
      Engine engine, UploadPlan plan, CountDownLatch wakeUp, BooleanSupplier stopRequested) {
    this.engine = engine;
    this.plan = plan;
    this.cancelled = wakeUp;
    this.stopRequested = stopRequested;
    this.budget = new RetryBudget(engine.retryPolicy(), engine.clock(), engine.random());
    this.startedAt = engine.clock().instant();
  }

  /** Runs the upload to its end and returns the new attachment. */
  public UploadResult run() throws UploadException {
    try (FileChannel channel = open()) {
      UploadResult result =
          plan.target().sizeLimits().needsSession(plan.attachment().size())
              ? new SessionRun(this, channel).run()
              : postWhole(channel);
      engine.events().emit(new UploadEvent.Completed(plan.uploadId(), plan.file(), result));
      log.info(
          "Attached {} ({} bytes) to {} as {} in {} ms",
          plan.file(),
          result.bytes(),
          plan.target().describe(),
          result.attachmentId(),
          result.elapsed().toMillis());
      return result;
    } catch (UploadException e) {
      engine.events().emit(new UploadEvent.Failed(plan.uploadId(), plan.file(), e));
      throw e;
    } catch (IOException e) {
      // Only closing the channel gets here; the upload itself is done.
      throw Failures.unreadable(plan.file(), e);
    }
  }

  private FileChannel open() throws UploadException {
    try {
      return FileChannel.open(plan.file(), StandardOpenOption.READ);
    } catch (IOException e) {
      throw Failures.unreadable(plan.file(), e);
    }
  }

  private UploadResult postWhole(FileChannel channel) throws UploadException {
    engine
        .events()
        .emit(
            new UploadEvent.Started(
                plan.uploadId(),
                plan.file(),
                plan.target(),
                plan.attachment(),
                Route.SINGLE_REQUEST,
                0));
    while (true) {
      checkCancelled();
      awaitBandwidth(plan.attachment().size());
      try {
        String id = engine.transport().postAttachment(plan.target(), plan.attachment(), channel);
        return result(id, Route.SINGLE_REQUEST, 0, 0);
      } catch (GraphServiceException e) {
        if (!e.isRetryable()) {
          throw e;
        }
        pause(Phase.POST_ATTACHMENT, e, e.retryAfter());
      } catch (IOException e) {
        // TODO: a POST whose answer was lost may have created the attachment already, and the
        // retry then makes a second copy; Graph offers no idempotency key for attachments.
        pause(Phase.POST_ATTACHMENT, e, null);
      }
    }
  }

  UploadResult result(String attachmentId, Route route, int rangesSent, int rangesResent) {
    Duration elapsed = Duration.between(startedAt, engine.clock().instant());
    return new UploadResult(
        plan.uploadId(),
        attachmentId,
        plan.attachment().size(),
        elapsed,
        route,
        rangesSent,
        rangesResent);
  }

  /**
   * Waits before the next try, reporting it, or throws when the retry budget is spent or the upload
   * was cancelled meanwhile.
   */
  void pause(Phase phase, Exception failure, @Nullable Duration retryAfter) throws UploadException {
    String reason = Failures.reason(failure);
    Optional<Duration> delay = budget.nextDelay(retryAfter);
    if (delay.isEmpty()) {
      throw Failures.gaveUp(plan.uploadId(), phase, reason, budget.spentSummary(), failure);
    }
    log.warn(
        "Upload {}: {} during {}; try {} in {} ms",
        plan.uploadId(),
        reason,
        phase,
        budget.failures() + 1,
        delay.get().toMillis());
    engine
        .events()
        .emit(
            new UploadEvent.RetryScheduled(
                plan.uploadId(), plan.file(), reason, budget.failures(), delay.get()));
    try {
      engine.sleeper().sleep(delay.get(), cancelled);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UploadException(
          Category.CANCELLED, phase, "Upload " + plan.uploadId() + " was interrupted", e);
    }
    checkCancelled();
  }

  /** Waits until the shared bandwidth budget allows {@code bytes} more, if there is a budget. */
  void awaitBandwidth(long bytes) throws UploadException {
    if (engine.rateLimit() == null) {
      return;
    }
    Instant now = engine.clock().instant();
    long nowNanos = now.getEpochSecond() * 1_000_000_000L + now.getNano();
    Duration wait = engine.rateLimit().reserve(bytes, nowNanos);
    if (wait.isZero()) {
      return;
    }
    try {
      engine.sleeper().sleep(wait, cancelled);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UploadException(
          Category.CANCELLED,
          Phase.UPLOAD_RANGE,
          "Upload " + plan.uploadId() + " was interrupted",
          e);
    }
    checkCancelled();
  }

  void checkCancelled() throws UploadException {
    if (cancelled.getCount() == 0 && stopRequested.getAsBoolean()) {
      throw new UploadException(
          Category.TRANSIENT,
          Phase.PREPARE,
          "Upload "
              + plan.uploadId()
              + " was stopped; its checkpoint is kept, so resuming it continues where it"
              + " stopped.");
    }
    if (cancelled.getCount() == 0) {
      throw new UploadException(
          Category.CANCELLED, Phase.PREPARE, "Upload " + plan.uploadId() + " was cancelled");
    }
  }
}
