package io.graphupload.core;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * A message or event in an Outlook mailbox, as a target for file attachments.
 *
 * @param mailbox whose item it is
 * @param kind message or event
 * @param itemId the Graph id of the message or event
 */
public record OutlookItem(Mailbox mailbox, Kind kind, String itemId) implements UploadTarget {

  /** The kinds of Outlook items that take attachments through upload sessions. */
  public enum Kind {
    MESSAGE("messages", "Mail.ReadWrite"),
    EVENT("events", "Calendars.ReadWrite");

    private final String collection;
    private final String permission;

    Kind(String collection, String permission) {
      this.collection = collection;
      this.permission = permission;
    }

    String collection() {
      return collection;
    }
  }

  public OutlookItem {
    if (itemId.isBlank()) {
      throw new IllegalArgumentException(
          "An Outlook " + kind.name().toLowerCase() + " id must not be blank");
    }
  }

  public static OutlookItem message(Mailbox mailbox, String messageId) {
    return new OutlookItem(mailbox, Kind.MESSAGE, messageId);
  }

  public static OutlookItem event(Mailbox mailbox, String eventId) {
    return new OutlookItem(mailbox, Kind.EVENT, eventId);
  }

  @Override
  public String resourcePath() {
    return mailbox.path() + "/" + kind.collection() + "/" + Mailbox.encode(itemId);
  }

  @Override
  public String createSessionPath() {
    return attachmentsPath() + "/createUploadSession";
  }

  @Override
  public String attachmentsPath() {
    return resourcePath() + "/attachments";
  }

  @Override
  public SizeLimits sizeLimits() {
    return SizeLimits.OUTLOOK;
  }

  @Override
  public RangeRules rangeRules() {
    return RangeRules.OUTLOOK;
  }

  @Override
  public Set<String> requiredPermissions() {
    return Set.of(kind.permission);
  }

  @Override
  public String describe() {
    return kind.name().toLowerCase() + " " + itemId + " in " + mailbox;
  }

  static OutlookItem parse(String resourcePath) {
    String[] parts = resourcePath.split("/");
    int at;
    Mailbox mailbox;
    if (parts.length == 3 && parts[0].equals("me")) {
      mailbox = Mailbox.me();
      at = 1;
    } else if (parts.length == 4 && parts[0].equals("users")) {
      mailbox = Mailbox.user(decode(parts[1]));
      at = 2;
    } else {
      throw unknown(resourcePath);
    }
    for (Kind kind : Kind.values()) {
      if (kind.collection().equals(parts[at])) {
        return new OutlookItem(mailbox, kind, decode(parts[at + 1]));
      }
    }
    throw unknown(resourcePath);
  }

  private static String decode(String segment) {
    return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  private static IllegalArgumentException unknown(String resourcePath) {
    return new IllegalArgumentException(
        "Not a known upload target: '"
            + resourcePath
            + "'; expected me/messages/{id}, me/events/{id}, users/{user}/messages/{id}"
            + " or users/{user}/events/{id}");
  }
}
