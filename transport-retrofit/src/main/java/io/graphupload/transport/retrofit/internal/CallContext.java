package io.graphupload.transport.retrofit.internal;

import io.graphupload.core.Nullable;
import io.graphupload.core.OutlookItem;
import io.graphupload.core.UploadException.Phase;
import io.graphupload.core.UploadTarget;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a request was for, so that an error explains itself in the user's terms.
 *
 * @param phase the step of the upload
 * @param uploadUrl whether the request went to an upload URL rather than to Graph
 * @param target the item a Graph call was about, or null for upload URL calls
 */
public record CallContext(Phase phase, boolean uploadUrl, @Nullable UploadTarget target) {

  public static CallContext graph(Phase phase, UploadTarget target) {
    return new CallContext(phase, false, target);
  }

  public static CallContext uploadUrl(Phase phase) {
    return new CallContext(phase, true, null);
  }

  /** Returns the target as a phrase, such as {@code message AAMk.. in me}. */
  String subject() {
    return target != null ? target.describe() : "the upload session";
  }

  /** Returns the permissions the target needs, such as {@code Mail.ReadWrite}. */
  String permissions() {
    return target != null ? String.join(" and ", new TreeSet<>(target.requiredPermissions())) : "";
  }

  /** Returns whether the target is in a mailbox other than the signed-in user's. */
  boolean otherUsersMailbox() {
    return target instanceof OutlookItem item && !item.mailbox().isMe();
  }

  /** Returns the permissions as a set, for token requests. */
  Set<String> scopes() {
    return target != null ? target.requiredPermissions() : Set.of();
  }
}
