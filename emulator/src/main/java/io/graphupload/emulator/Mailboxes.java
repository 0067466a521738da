package io.graphupload.emulator;

import io.graphupload.emulator.internal.EmulatorCore;
import io.graphupload.emulator.internal.MailAccess;
import io.graphupload.emulator.internal.MailboxState;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

/** The tenant's mailboxes. Thread-safe. */
public final class Mailboxes {
  private final EmulatorCore core;
  private final MailAccess access;

  Mailboxes(EmulatorCore core) {
    this.core = core;
    this.access = new MailAccess(core);
  }

  /** The signed-in user's mailbox: what {@code /me} and delegated tokens open. */
  public Mailbox me() {
    return new Mailbox(core.mail().signedIn(), access);
  }

  /**
   * A user's mailbox by user id or principal name.
   *
   * @throws NoSuchElementException listing the known users when there is none
   */
  public Mailbox user(String idOrUpn) {
    MailboxState state =
        core.mail()
            .find(idOrUpn)
            .orElseThrow(
                () ->
                    new NoSuchElementException(
                        "No user '" + idOrUpn + "'; known users: " + userPrincipalNames()));
    return new Mailbox(state, access);
  }

  /** Adds a user, or returns the existing one with this principal name. */
  public Mailbox add(String userPrincipalName) {
    if (!userPrincipalName.contains("@")) {
      throw new IllegalArgumentException(
          "A user principal name looks like alex@contoso.com, not " + userPrincipalName);
    }
    return new Mailbox(core.mail().add(userPrincipalName), access);
  }

  private List<String> userPrincipalNames() {
    List<String> names = new ArrayList<>();
    core.mail().all().forEach(state -> names.add(state.userPrincipalName()));
    return names;
  }
}
