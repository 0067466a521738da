package io.graphupload.core;

/**
 * What the new attachment will be called and how Outlook should show it.
 *
 * @param name the file name the recipient sees
 * @param size the exact number of bytes
 * @param contentType a MIME type such as {@code image/png}
 * @param inline whether the message body shows it in place, through {@code cid:contentId}
 * @param contentId the id the body refers to; required when inline, else null
 */
public record Attachment(
    String name, long size, String contentType, boolean inline, @Nullable String contentId) {

  public Attachment {
    if (name.isBlank()) {
      throw new IllegalArgumentException("An attachment name must not be blank");
    }
    if (size < 0) {
      throw new IllegalArgumentException("An attachment size must not be negative: " + size);
    }
    if (contentType.isBlank()) {
      throw new IllegalArgumentException(
          "A content type must not be blank; use application/octet-stream when unknown");
    }
    if (inline && (contentId == null || contentId.isBlank())) {
      throw new IllegalArgumentException(
          "Inline attachment '"
              + name
              + "' needs a content id, the name the body refers to as <img src=\"cid:...\">");
    }
  }

  /** Returns a plain, not inline, attachment. */
  public static Attachment file(String name, long size, String contentType) {
    return new Attachment(name, size, contentType, false, null);
  }
}
