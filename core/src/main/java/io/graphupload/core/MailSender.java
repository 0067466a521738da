package io.graphupload.core;

import io.graphupload.core.UploadException.Category;
import io.graphupload.core.UploadException.Phase;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a mail with attachments of any size up to the target's limit: creates a draft, attaches
 * every file (large ones through upload sessions, small ones in one request, inline images with
 * their content ids), then sends the draft.
 *
 * <p>When an attachment fails, the draft is kept and {@link MessageNotSentException} says which
 * upload to resume. Thread-safe.
 */
public final class MailSender {
  private static final Logger log = LoggerFactory.getLogger(MailSender.class);

  private final Uploader uploader;
  private final long messageSizeLimit;
  private final Set<Upload> running = ConcurrentHashMap.newKeySet();
  private volatile boolean stopping;

  /**
   * Returns a sender that uploads through {@code uploader} and refuses, before any request, files
   * that add up to more than {@code messageSizeLimit} bytes (the mailbox's maximum message size: 35
   * MB by default in Exchange Online, up to 150 MB when an administrator raised it).
   */
  public MailSender(Uploader uploader, long messageSizeLimit) {
    if (messageSizeLimit < 1) {
      throw new IllegalArgumentException("The message size limit must be positive");
    }
    this.uploader = uploader;
    this.messageSizeLimit = messageSizeLimit;
  }

  /**
   * Creates {@code draft} in {@code mailbox}, attaches {@code files} in order and sends it.
   *
   * @throws UploadException INVALID_INPUT, before any request, for a bad file or files over the
   *     message size limit
   * @throws MessageNotSentException when an attachment fails after the draft was created
   */
  public SentMessage send(Mailbox mailbox, Draft draft, List<AttachmentFile> files)
      throws UploadException {
    checkTotal(files);
    String draftId = createDraft(mailbox, draft);
    OutlookItem message = OutlookItem.message(mailbox, draftId);
    List<UploadResult> results = new ArrayList<>();
    for (AttachmentFile file : files) {
      Upload upload = uploader.prepare(file.toRequest(message));
      running.add(upload);
      if (stopping) {
        upload.stop();
      }
      try {
        results.add(upload.run());
      } catch (UploadException e) {
        throw notSent(draftId, upload, results.size(), files.size(), e);
      } finally {
        running.remove(upload);
      }
    }
    if (stopping) {
      throw new MessageNotSentException(
          draftId,
          null,
          new UploadException(Category.TRANSIENT, Phase.SEND_MESSAGE, "Sending was stopped."),
          "The message was not sent: sending was stopped. The draft "
              + draftId
              + " is kept with all "
              + files.size()
              + " attachments; send draft "
              + draftId
              + " to finish.");
    }
    try {
      sendDraft(message);
    } catch (UploadException e) {
      throw new MessageNotSentException(
          draftId,
          null,
          e,
          "The message was not sent: sending draft "
              + draftId
              + " failed: "
              + e.getMessage()
              + " The draft is kept with all "
              + files.size()
              + " attachments; send draft "
              + draftId
              + " again, after checking Sent Items.");
    }
    return new SentMessage(draftId, results);
  }

  /**
   * Stops every {@link #send} in progress on this sender, keeping what is done: the attachment on
   * its way stops after its range in flight and keeps its checkpoint (see {@link Upload#stop()}),
   * no further file starts, and the draft is not sent. The send then throws {@link
   * MessageNotSentException}. A sender that was stopped stays stopped.
   */
  public void stop() {
    stopping = true;
    running.forEach(Upload::stop);
  }

  /** Sends a draft that already has its attachments, such as one kept after a failure. */
  public void sendDraft(OutlookItem message) throws UploadException {
    try {
      uploader.engine().transport().sendDraft(message);
      log.info("Sent {}", message.describe());
    } catch (IOException e) {
      throw new UploadException(
          Category.TRANSIENT,
          Phase.SEND_MESSAGE,
          "No answer when sending "
              + message.describe()
              + "; check Sent Items before sending it again, since it may have gone.",
          e);
    }
  }

  private void checkTotal(List<AttachmentFile> files) throws UploadException {
    long total = 0;
    for (AttachmentFile file : files) {
      total += uploader.prepareCheck(file.toRequest(OutlookItem.message(Mailbox.me(), "draft")));
    }
    if (total > messageSizeLimit) {
      throw new UploadException(
          Category.INVALID_INPUT,
          Phase.PREPARE,
          "The attachments add up to "
              + total
              + " bytes, over the mailbox's message size limit of "
              + messageSizeLimit
              + " bytes. Send them in several messages, share the largest through OneDrive, or"
              + " ask the tenant's administrator to raise the limit (at most 150 MB).");
    }
  }

  private String createDraft(Mailbox mailbox, Draft draft) throws UploadException {
    try {
      String id = uploader.engine().transport().createDraft(mailbox, draft);
      log.info("Created draft {} in {}", id, mailbox);
      return id;
    } catch (IOException e) {
      throw new UploadException(
          Category.TRANSIENT,
          Phase.CREATE_DRAFT,
          "No answer when creating the draft in "
              + mailbox
              + "; try again (a draft may have been created: check Drafts).",
          e);
    }
  }

  private static MessageNotSentException notSent(
      String draftId, Upload upload, int done, int total, UploadException e) {
    String next =
        e.category() == Category.TRANSIENT
            ? "resume upload " + upload.id() + ", then send draft " + draftId
            : "fix the cause, or delete draft " + draftId;
    return new MessageNotSentException(
        draftId,
        upload.id(),
        e,
        "The message was not sent: attaching "
            + upload.file()
            + " failed: "
            + e.getMessage()
            + " The draft "
            + draftId
            + " is kept with "
            + done
            + " of "
            + total
            + " attachments; "
            + next
            + ".");
  }
}
