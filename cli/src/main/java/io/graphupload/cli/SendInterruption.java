package io.graphupload.cli;

import io.graphupload.core.AttachmentFile;
import io.graphupload.core.OutlookItem;
import io.graphupload.core.UploadResult.Route;
import java.util.List;

/**
 * When a {@code send} is interrupted (Ctrl-C, SIGTERM), says what became of the message: the draft
 * is kept, and which commands finish or discard it.
 */
// TODO: on SIGTERM (not Ctrl-C, which stops the send after the range in flight) the process ends
// mid-range and the resume sends that range (up to 4 MiB) again; calling MailSender.stop() here
// and waiting a little for the range, as InterruptNotice does for attach, would close the gap.
final class SendInterruption {
  private final Session session;
  private final SendCommand command;
  private final List<AttachmentFile> files;
  private final Thread hook;

  SendInterruption(Session session, SendCommand command, List<AttachmentFile> files) {
    this.session = session;
    this.command = command;
    this.files = files;
    this.hook = new Thread(this::tell, "graph-upload-send-interrupt");
  }

  Thread hook() {
    return hook;
  }

  /** Prints what became of the message, on stderr. */
  void tell() {
    session.output().finish();
    InFlight.Running latest = session.inFlight().latest();
    if (latest == null || !(latest.target() instanceof OutlookItem draft)) {
      session
          .streams()
          .err(
              "Interrupted before any file was attached; the message was not sent. If a draft"
                  + " was created, delete it from Drafts in Outlook.");
      return;
    }
    int done = Math.min(session.inFlight().completed(), files.size());
    boolean running = session.inFlight().now().stream().anyMatch(r -> r == latest);
    String resumable = running && latest.route() == Route.UPLOAD_SESSION ? latest.uploadId() : null;
    session
        .streams()
        .err(
            "Interrupted: the message was not sent. "
                + command.keptDraft(session, draft.itemId(), done, resumable, files));
  }
}
