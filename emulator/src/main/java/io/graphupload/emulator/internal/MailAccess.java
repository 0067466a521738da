package io.graphupload.emulator.internal;

import io.graphupload.emulator.AttachmentInfo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/** What the public {@code Mailbox} API needs from the mail store. */
public final class MailAccess {
  private final EmulatorCore core;

  public MailAccess(EmulatorCore core) {
    this.core = core;
  }

  /** Creates a draft message (or an event) with this subject and returns its id. */
  public String create(MailboxState mailbox, boolean event, String subject) {
    ItemType type = event ? ItemType.EVENT : ItemType.MESSAGE;
    String folder = event ? MailboxState.CALENDAR : MailboxState.DRAFTS;
    return mailbox.create(type, folder, Map.of("subject", subject), core.clock.instant()).id();
  }

  /** Ids of the messages in a well-known folder ("drafts", "sentitems"...) or of all events. */
  public List<String> ids(MailboxState mailbox, String folderOrEvents) {
    boolean events = folderOrEvents.equals("events");
    List<String> ids = new ArrayList<>();
    for (MailItem item :
        mailbox.list(events ? ItemType.EVENT : ItemType.MESSAGE, events ? null : folderOrEvents)) {
      ids.add(item.id());
    }
    return ids;
  }

  /**
   * The attachments of a message or event.
   *
   * @throws NoSuchElementException when the mailbox has no such item
   */
  public List<AttachmentInfo> attachments(MailboxState mailbox, String itemId) {
    List<AttachmentInfo> infos = new ArrayList<>();
    item(mailbox, itemId).attachments().forEach(a -> infos.add(a.info()));
    return infos;
  }

  /** Finds an attachment by id in any message or event of the mailbox. */
  public Optional<AttachmentInfo> find(MailboxState mailbox, String attachmentId) {
    for (ItemType type : ItemType.values()) {
      for (MailItem item : mailbox.list(type, null)) {
        Optional<StoredAttachment> found = item.attachment(attachmentId);
        if (found.isPresent()) {
          return Optional.of(found.get().info());
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Opens an attachment's content; the caller closes the stream.
   *
   * @throws NoSuchElementException naming what is missing
   */
  public InputStream open(MailboxState mailbox, String itemId, String attachmentId)
      throws IOException {
    StoredAttachment attachment =
        item(mailbox, itemId)
            .attachment(attachmentId)
            .orElseThrow(
                () ->
                    new NoSuchElementException(
                        "Item " + itemId + " has no attachment " + attachmentId));
    return Files.newInputStream(attachment.file());
  }

  private static MailItem item(MailboxState mailbox, String itemId) {
    for (ItemType type : ItemType.values()) {
      Optional<MailItem> item = mailbox.find(type, itemId);
      if (item.isPresent()) {
        return item.get();
      }
    }
    throw new NoSuchElementException(
        "Mailbox " + mailbox.userPrincipalName() + " has no message or event " + itemId);
  }
}
