package io.graphupload.emulator;

import io.graphupload.emulator.internal.MailAccess;
import io.graphupload.emulator.internal.MailboxState;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/** One user's mailbox, for setting up tests and reading results back. Thread-safe. */
public final class Mailbox {
  private final MailboxState state;
  private final MailAccess access;

  Mailbox(MailboxState state, MailAccess access) {
    this.state = state;
    this.access = access;
  }

  /** The user's object id, a GUID. */
  public String id() {
    return state.id();
  }

  public String userPrincipalName() {
    return state.userPrincipalName();
  }

  /** Creates a draft message in Drafts and returns its id. */
  public String createDraft(String subject) {
    return access.create(state, false, subject);
  }

  /** Creates a calendar event and returns its id. */
  public String createEvent(String subject) {
    return access.create(state, true, subject);
  }

  /** Ids of the messages in Drafts. */
  public List<String> drafts() {
    return access.ids(state, "drafts");
  }

  /** Ids of the messages in Sent Items; sending gives a message a new id, as in Outlook. */
  public List<String> sentItems() {
    return access.ids(state, "sentitems");
  }

  /** Ids of the events. */
  public List<String> events() {
    return access.ids(state, "events");
  }

  /**
   * The attachments of a message or event.
   *
   * @throws NoSuchElementException when there is no such item
   */
  public List<AttachmentInfo> attachments(String itemId) {
    return access.attachments(state, itemId);
  }

  /** Finds an attachment by id in any message or event, such as the id from a Location. */
  public Optional<AttachmentInfo> attachment(String attachmentId) {
    return access.find(state, attachmentId);
  }

  /**
   * Opens an attachment's content; the caller closes the stream.
   *
   * @throws NoSuchElementException when there is no such item or attachment
   */
  public InputStream openAttachment(String itemId, String attachmentId) {
    try {
      return access.open(state, itemId, attachmentId);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read attachment " + attachmentId, e);
    }
  }

  /** Reads an attachment's whole content; fine for tests, use {@link #openAttachment} for big. */
  public byte[] attachmentContent(String itemId, String attachmentId) {
    try (InputStream in = openAttachment(itemId, attachmentId)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read attachment " + attachmentId, e);
    }
  }
}
