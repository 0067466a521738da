package io.graphupload.emulator.internal;

/** The Outlook items that take attachments. */
enum ItemType {
  MESSAGE("messages", "Messages", "message"),
  EVENT("events", "Events", "event");

  final String collection;
  final String uploadSegment;
  final String resource;

  ItemType(String collection, String uploadSegment, String resource) {
    this.collection = collection;
    this.uploadSegment = uploadSegment;
    this.resource = resource;
  }

  /** The type for a Graph collection segment such as "messages", or null. */
  static ItemType forCollection(String segment) {
    for (ItemType type : values()) {
      if (type.collection.equalsIgnoreCase(segment)) {
        return type;
      }
    }
    return null;
  }

  /** The type for an upload URL segment such as "Messages", or null. */
  static ItemType forUploadSegment(String segment) {
    for (ItemType type : values()) {
      if (type.uploadSegment.equalsIgnoreCase(segment)) {
        return type;
      }
    }
    return null;
  }
}
