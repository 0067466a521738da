package io.graphupload.emulator.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** The tenant's users and their mailboxes. Thread-safe. */
public final class MailStore {
  private final String tenantId = UUID.randomUUID().toString();
  private final Map<String, MailboxState> byKey = new ConcurrentHashMap<>();
  private final List<MailboxState> all = new ArrayList<>();
  private final MailboxState signedIn;

  MailStore(String signedInUser, List<String> otherUsers) {
    this.signedIn = add(signedInUser);
    otherUsers.forEach(this::add);
  }

  public String tenantId() {
    return tenantId;
  }

  /** The mailbox that delegated tokens belong to. */
  public MailboxState signedIn() {
    return signedIn;
  }

  /** Finds a mailbox by user id or user principal name, ignoring case. */
  public Optional<MailboxState> find(String idOrUpn) {
    return Optional.ofNullable(byKey.get(idOrUpn.toLowerCase(Locale.ROOT)));
  }

  /** Adds a user with this principal name, or returns the existing one. */
  public synchronized MailboxState add(String userPrincipalName) {
    String key = userPrincipalName.toLowerCase(Locale.ROOT);
    MailboxState existing = byKey.get(key);
    if (existing != null) {
      return existing;
    }
    String id = UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    MailboxState mailbox = new MailboxState(id, userPrincipalName);
    byKey.put(key, mailbox);
    byKey.put(id, mailbox);
    all.add(mailbox);
    return mailbox;
  }

  public synchronized List<MailboxState> all() {
    return List.copyOf(all);
  }

  synchronized void clearItems() {
    all.forEach(MailboxState::clear);
  }
}
