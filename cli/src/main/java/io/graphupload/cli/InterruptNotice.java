package io.graphupload.cli;

import io.graphupload.core.Upload;
import io.graphupload.core.UploadResult.Route;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * While uploads run, a shutdown hook that tells the person who pressed Ctrl-C what became of them
 * and how to resume.
 *
 * <p>It deliberately does not cancel: cancelling deletes the session and checkpoint, and the point
 * of stopping is to finish later. The checkpoint on disk is always the last acknowledged range, so
 * the process may die at once; the hook only prints, which keeps shutdown immediate (and makes a
 * second Ctrl-C unnecessary).
 */
// TODO: the hook cannot let the range in flight finish, because core stops an upload only by
// cancelling it, which deletes the checkpoint; so resuming may send up to 4 MiB again. A core
// Upload.stop() that keeps the checkpoint would let the hook wait a moment for that answer.
final class InterruptNotice implements AutoCloseable {
  private final Session session;
  private final Collection<Upload> unfinished;
  private final boolean resumable;
  private final Thread hook;

  private InterruptNotice(Session session, Collection<Upload> unfinished, boolean resumable) {
    this.session = session;
    this.unfinished = unfinished;
    this.resumable = resumable;
    this.hook = new Thread(this::tell, "graph-upload-interrupt");
  }

  /**
   * Installs the notice for {@code unfinished}, a live view of the uploads not yet done.
   *
   * @param resumable false when nothing outlives the process (the demo), so there is no resume
   */
  static InterruptNotice install(
      Session session, Collection<Upload> unfinished, boolean resumable) {
    InterruptNotice notice = new InterruptNotice(session, unfinished, resumable);
    session.context().shutdownHooks().add(notice.hook);
    return notice;
  }

  /** Prints what was interrupted, on stderr. */
  void tell() {
    session.output().finish();
    if (!resumable) {
      session.streams().err("Interrupted; nothing was kept.");
      return;
    }
    Map<String, InFlight.Running> running =
        session.inFlight().now().stream()
            .collect(Collectors.toMap(InFlight.Running::uploadId, Function.identity()));
    List<String> notStarted = new ArrayList<>();
    List<Upload> pending;
    synchronized (unfinished) {
      pending = List.copyOf(unfinished);
    }
    for (Upload upload : pending) {
      InFlight.Running progress = running.get(upload.id());
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
    session.context().shutdownHooks().remove(hook);
  }
}
