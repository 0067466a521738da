package io.graphupload.cli;

import io.graphupload.core.Upload;
import io.graphupload.core.UploadResult.Route;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * While uploads run, stops them cleanly when asked and tells the person how to resume.
 *
 * <p>The first Ctrl-C stops every upload with {@link Upload#stop()}: the range on the wire
 * finishes, so it need not go again, and session and checkpoint stay. A second Ctrl-C quits at
 * once; the checkpoint on disk is always the last acknowledged range, so nothing is lost but that
 * range. SIGTERM (and Ctrl-C where the JVM keeps SIGINT) goes through a shutdown hook that stops
 * the uploads the same way and waits a while for the range in flight. It never cancels: cancelling
 * deletes the session and checkpoint, and the point of stopping is to finish later.
 */
final class InterruptNotice implements AutoCloseable {
  /** How long a shutdown hook waits for the ranges in flight before the JVM goes. */
  static final Duration GRACE = Duration.ofSeconds(30);

  private final Session session;
  private final UploadBatch batch;
  private final boolean resumable;
  private final Thread hook;
  private final CtrlC.Registration ctrlC;
  private final AtomicBoolean stopping = new AtomicBoolean();
  private final AtomicBoolean told = new AtomicBoolean();

  private InterruptNotice(Session session, UploadBatch batch, boolean resumable) {
    this.session = session;
    this.batch = batch;
    this.resumable = resumable;
    this.hook = new Thread(this::terminated, "graph-upload-interrupt");
    session.context().shutdownHooks().add(hook);
    this.ctrlC = session.context().ctrlC().onPress(this::firstPress, this::tell);
  }

  /**
   * Watches {@code batch}'s uploads until closed.
   *
   * @param resumable false when nothing outlives the process (the demo), so there is no resume
   */
  static InterruptNotice install(Session session, UploadBatch batch, boolean resumable) {
    return new InterruptNotice(session, batch, resumable);
  }

  /** Returns whether the uploads were asked to stop, so that no further one should start. */
  boolean stopRequested() {
    return stopping.get();
  }

  private void firstPress() {
    if (stop()) {
      session
          .output()
          .note(
              "Stopping once the range on the wire is acknowledged, so that it need not go"
                  + " again; press Ctrl-C again to quit at once.");
    }
  }

  private void terminated() {
    stop();
    batch.awaitSettled(GRACE);
    tell();
  }

  /** Stops every unfinished upload; returns false when that was done already. */
  private boolean stop() {
    if (!stopping.compareAndSet(false, true)) {
      return false;
    }
    for (Upload upload : batch.unfinished()) {
      session.output().stopping(upload.id());
      upload.stop();
    }
    return true;
  }

  /** Prints what became of the uploads that did not finish, on stderr; once. */
  void tell() {
    if (!told.compareAndSet(false, true)) {
      return;
    }
    session.output().finish();
    if (!resumable) {
      session.streams().err("Interrupted; nothing was kept.");
      return;
    }
    List<String> notStarted = new ArrayList<>();
    for (Upload upload : batch.unfinished()) {
      InFlight.Running progress = session.inFlight().lastKnown(upload.id());
      if (progress != null && progress.route() == Route.UPLOAD_SESSION) {
        session.streams().err(stopped(progress));
      } else {
        notStarted.add(upload.file().toString());
      }
    }
    if (!notStarted.isEmpty()) {
      session
          .streams()
          .err(
              "Interrupted before "
                  + String.join(", ", notStarted)
                  + (notStarted.size() == 1 ? " was" : " were")
                  + " attached; attach "
                  + (notStarted.size() == 1 ? "it" : "them")
                  + " again.");
    }
  }

  private String stopped(InFlight.Running progress) {
    return "Interrupted: upload "
        + progress.uploadId()
        + " of "
        + progress.file()
        + " stopped at "
        + ByteSize.format(progress.bytesDone())
        + " of "
        + ByteSize.format(progress.totalBytes())
        + "; its checkpoint is kept. Resume it with: "
        + session.resumeCommand(progress.uploadId());
  }

  @Override
  public void close() {
    ctrlC.close();
    session.context().shutdownHooks().remove(hook);
  }
}
