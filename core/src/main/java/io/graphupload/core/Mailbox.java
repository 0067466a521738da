package io.graphupload.core;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * A mailbox that attachments go into: the signed-in user's ({@code me}) or another user's, named by
 * object id or user principal name.
 *
 * @param user the user's id or UPN, or null for the signed-in user
 */
public record Mailbox(@Nullable String user) {
  private static final Mailbox ME = new Mailbox(null);

  public Mailbox {
    if (user != null && user.isBlank()) {
      throw new IllegalArgumentException(
          "A mailbox user must not be blank: give an object id or a user principal name,"
              + " or use Mailbox.me() for the signed-in user");
    }
  }

  /** Returns the signed-in user's mailbox. */
  public static Mailbox me() {
    return ME;
  }

  /** Returns the mailbox of {@code idOrUserPrincipalName}. */
  public static Mailbox user(String idOrUserPrincipalName) {
    return new Mailbox(idOrUserPrincipalName);
  }

  public boolean isMe() {
    return user == null;
  }

  /** Returns the Graph path segment: {@code me} or {@code users/{id}}, URL-encoded. */
  public String path() {
    return isMe() ? "me" : "users/" + encode(user);
  }

  static String encode(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }

  @Override
  public String toString() {
    return isMe() ? "me" : user;
  }
}
