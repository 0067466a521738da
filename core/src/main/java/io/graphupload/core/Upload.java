package io.graphupload.core;

import io.graphupload.core.internal.Engine;
import io.graphupload.core.internal.UploadPlan;
import io.graphupload.core.internal.UploadRun;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One upload, checked and ready: {@link #run()} performs it on the calling thread, and {@link
 * #cancel()} stops it from any other.
 *
 * <p>Run it once. Thread-safe.
 */
public final class Upload {
  private final Engine engine;
  private final UploadPlan plan;
  private final CountDownLatch cancelled = new CountDownLatch(1);
  private final AtomicBoolean ran = new AtomicBoolean();
  private final AtomicBoolean stopRequested = new AtomicBoolean();

  Upload(Engine engine, UploadPlan plan) {
    this.engine = engine;
    this.plan = plan;
  }

  /** Returns the upload's stable id: the same file, name and target always get the same one. */
  public String id() {
    return plan.uploadId();
  }

  public Path file() {
    return plan.file();
  }

  public UploadTarget target() {
    return plan.target();
  }

  public Attachment attachment() {
    return plan.attachment();
  }

  /** Returns whether this upload continues from a checkpoint rather than from nothing. */
  public boolean isResume() {
    return plan.checkpoint() != null;
  }

  /**
   * Performs the upload and returns the new attachment.
   *
   * @throws UploadException when it fails; a transient failure keeps the checkpoint, so a later
   *     resume continues from the last acknowledged byte
   * @throws IllegalStateException when called a second time
   */
  public UploadResult run() throws UploadException {
    if (!ran.compareAndSet(false, true)) {
      throw new IllegalStateException("Upload " + id() + " has already run; prepare a new one");
    }
    return new UploadRun(engine, plan, cancelled, stopRequested::get).run();
  }

  /**
   * Stops the upload: a wait between retries ends at once, and no further request starts. A range
   * already on the wire finishes first. The session is then deleted on the server, the checkpoint
   * removed, and {@link #run()} throws with category {@code CANCELLED}.
   */
  public void cancel() {
    cancelled.countDown();
  }

  /**
   * Stops the upload but keeps it resumable: a wait between retries ends at once and no further
   * request starts, while the session and the checkpoint stay, so a later resume continues from the
   * last acknowledged byte. {@link #run()} then throws with category {@code TRANSIENT}. A cancel
   * that came first wins.
   */
  public void stop() {
    if (cancelled.getCount() > 0) {
      stopRequested.set(true);
    }
    cancelled.countDown();
  }

  public boolean isCancelled() {
    return cancelled.getCount() == 0;
  }

  @Override
  public String toString() {
    return "Upload[" + id() + ", " + file() + " to " + target().describe() + "]";
  }
}
