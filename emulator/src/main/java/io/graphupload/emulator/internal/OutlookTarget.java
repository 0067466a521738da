package io.graphupload.emulator.internal;

/** What an Outlook upload session will attach, and to which item. */
record OutlookTarget(
    MailboxState mailbox,
    ItemType itemType,
    String itemId,
    String name,
    String contentType,
    boolean inline,
    String contentId) {}
