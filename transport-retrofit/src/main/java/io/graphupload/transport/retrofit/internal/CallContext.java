package io.graphupload.transport.retrofit.internal;

import io.graphupload.core.Mailbox;
import io.graphupload.core.OutlookItem;
import io.graphupload.core.UploadException.Phase;
import io.graphupload.core.UploadTarget;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What a request was for, so that an error explains itself in the user's terms.
 *
 * @param phase the step that made the request
 * @param uploadUrl whether the request went to an upload URL rather than to Graph
 * @param subject what the request was about, as a phrase: {@code message AAMk.. in me}
 * @param scopes the Graph permissions its token was asked for; empty for upload URL calls
 * @param otherUsersMailbox whether the request addressed a mailbox other than the signed-in user's
 */
public record CallContext(
    Phase phase, boolean uploadUrl, String subject, Set<String> scopes, boolean otherUsersMailbox) {

  public CallContext {
    scopes = Set.copyOf(scopes);
  }

  /** Returns the context of a Graph call about {@code target}, with the target's permissions. */
  public static CallContext graph(Phase phase, UploadTarget target) {
    return graph(phase, target, target.requiredPermissions());
  }

  /** Returns the context of a Graph call about {@code target} that needs {@code scopes}. */
  public static CallContext graph(Phase phase, UploadTarget target, Set<String> scopes) {
    boolean other = target instanceof OutlookItem item && !item.mailbox().isMe();
    return new CallContext(phase, false, target.describe(), scopes, other);
  }

  /** Returns the context of a Graph call about {@code mailbox} itself, such as a new message. */
  public static CallContext mailbox(Phase phase, Mailbox mailbox, Set<String> scopes) {
    String subject =
        mailbox.isMe() ? "the signed-in user's mailbox" : "the mailbox of " + mailbox.user();
    return new CallContext(phase, false, subject, scopes, !mailbox.isMe());
  }

  public static CallContext uploadUrl(Phase phase) {
    return new CallContext(phase, true, "the upload session", Set.of(), false);
  }

  /** Returns the permissions as a phrase, such as {@code Mail.ReadWrite}. */
  String permissions() {
    return String.join(" and ", new TreeSet<>(scopes));
  }

  /** Returns the delegated permissions that reach a shared mailbox: {@code Mail.Send.Shared}. */
  String sharedPermissions() {
    return scopes.stream()
        .sorted()
        .map(scope -> scope + ".Shared")
        .collect(Collectors.joining(" and "));
  }
}
