package io.graphupload.emulator.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One user's mailbox: its messages (by folder) and events. Thread-safe. */
public final class MailboxState {
  static final String DRAFTS = "drafts";
  static final String SENT_ITEMS = "sentitems";
  static final String CALENDAR = "calendar";

  private final String id;
  private final String userPrincipalName;
  private final Map<String, MailItem> items = new LinkedHashMap<>();

  MailboxState(String id, String userPrincipalName) {
    this.id = id;
    this.userPrincipalName = userPrincipalName;
  }

  /** The user's object id, a GUID. */
  public String id() {
    return id;
  }

  public String userPrincipalName() {
    return userPrincipalName;
  }

  synchronized MailItem create(
      ItemType type, String folder, Map<String, Object> properties, Instant now) {
    MailItem item = new MailItem(type, Ids.outlookId(), folder, now, properties);
    items.put(item.id(), item);
    return item;
  }

  synchronized Optional<MailItem> find(ItemType type, String itemId) {
    MailItem item = items.get(itemId);
    return item != null && item.type() == type ? Optional.of(item) : Optional.empty();
  }

  synchronized List<MailItem> list(ItemType type, String folder) {
    List<MailItem> found = new ArrayList<>();
    for (MailItem item : items.values()) {
      if (item.type() == type && (folder == null || folder.equals(item.folder()))) {
        found.add(item);
      }
    }
    return found;
  }

  synchronized Optional<MailItem> remove(ItemType type, String itemId) {
    Optional<MailItem> found = find(type, itemId);
    found.ifPresent(item -> items.remove(itemId));
    return found;
  }

  /** Moves a draft to Sent Items under a new id, as Outlook does without immutable ids. */
  // TODO: Prefer: IdType="ImmutableId" is not honoured, so a client that relies on immutable
  // ids to find a sent message again fails here although it would work against Outlook.
  synchronized MailItem send(MailItem draft, Instant now) {
    items.remove(draft.id());
    MailItem sent = draft.movedTo(Ids.outlookId(), SENT_ITEMS, now);
    items.put(sent.id(), sent);
    return sent;
  }

  synchronized void clear() {
    items.clear();
  }
}
