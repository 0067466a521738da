package io.graphupload.emulator.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The JSON of messages and events, server-owned properties first, the client's after. */
final class ItemJson {
  static final List<String> WELL_KNOWN_FOLDERS =
      List.of("inbox", "drafts", "sentitems", "deleteditems", "calendar");
  private static final Set<String> SERVER_OWNED =
      Set.of(
          "id",
          "createdDateTime",
          "lastModifiedDateTime",
          "changeKey",
          "isDraft",
          "parentFolderId",
          "hasAttachments",
          "attachments",
          "sentDateTime",
          "receivedDateTime");

  private ItemJson() {}

  /** The properties a client may set: everything except server-owned and OData annotations. */
  static Map<String, Object> clientProperties(Map<String, Object> body) {
    Map<String, Object> kept = new LinkedHashMap<>();
    body.forEach(
        (key, value) -> {
          if (!SERVER_OWNED.contains(key) && !key.startsWith("@odata.")) {
            kept.put(key, value);
          }
        });
    return kept;
  }

  static Map<String, Object> render(String context, MailboxState mailbox, MailItem item) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("@odata.context", context);
    json.put("id", item.id());
    json.put("createdDateTime", Timestamps.graph(item.created()));
    json.put("lastModifiedDateTime", Timestamps.graph(item.modified()));
    json.put("changeKey", changeKey(item));
    json.put("hasAttachments", item.hasFileAttachments());
    json.put("subject", "");
    json.put("body", Map.of("contentType", "text", "content", ""));
    if (item.type() == ItemType.MESSAGE) {
      boolean draft = MailboxState.DRAFTS.equals(item.folder());
      json.put("parentFolderId", folderId(mailbox, item.folder()));
      json.put("isDraft", draft);
      json.put("importance", "normal");
      json.put("toRecipients", List.of());
      json.put("ccRecipients", List.of());
      json.put("bccRecipients", List.of());
      if (!draft) {
        json.put("sentDateTime", Timestamps.graph(item.modified()));
      }
    } else {
      json.put("isAllDay", false);
    }
    json.putAll(item.properties());
    return json;
  }

  /** A stable opaque id for a well-known folder, shaped like Exchange folder ids. */
  static String folderId(MailboxState mailbox, String folder) {
    MessageDigest sha = UploadSession.sha256();
    byte[] hash = sha.digest((mailbox.id() + "/" + folder).getBytes(StandardCharsets.UTF_8));
    return "AAMk" + Base64.getUrlEncoder().encodeToString(hash) + "AAA=";
  }

  /** The well-known folder name for a name or folder id, or null. */
  static String folderName(MailboxState mailbox, String nameOrId) {
    String lower = nameOrId.toLowerCase(Locale.ROOT);
    for (String folder : WELL_KNOWN_FOLDERS) {
      if (folder.equals(lower) || folderId(mailbox, folder).equals(nameOrId)) {
        return folder;
      }
    }
    return null;
  }

  private static String changeKey(MailItem item) {
    long stamp = item.modified().toEpochMilli();
    return Base64.getEncoder()
        .encodeToString(Long.toString(stamp).getBytes(StandardCharsets.US_ASCII));
  }
}
