package io.graphupload.emulator.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** driveItem JSON. */
final class DriveJson {
  private DriveJson() {}

  static Map<String, Object> item(String context, DriveState drive, DriveItem item) {
    Map<String, Object> json = new LinkedHashMap<>();
    if (context != null) {
      json.put("@odata.context", context);
    }
    json.put("id", item.id);
    json.put("name", item.name);
    json.put("eTag", "\"{" + item.id + "}," + item.version + "\"");
    json.put("cTag", "\"c:{" + item.id + "}," + item.version + "\"");
    json.put("createdDateTime", Timestamps.graph(item.created));
    json.put("lastModifiedDateTime", Timestamps.graph(item.modified));
    json.put("size", item.folder ? 0 : item.size);
    if (item.parentId != null) {
      DriveItem parent = drive.item(item.parentId);
      Map<String, Object> reference = new LinkedHashMap<>();
      reference.put("driveId", drive.id());
      reference.put("driveType", "business");
      reference.put("id", item.parentId);
      reference.put("path", drive.pathOf(parent));
      json.put("parentReference", reference);
    } else {
      json.put("root", Map.of());
    }
    if (item.folder) {
      json.put("folder", Map.of("childCount", item.children.size()));
    } else {
      json.put("file", Map.of("mimeType", item.mimeType, "hashes", hashes(item)));
    }
    return json;
  }

  static Map<String, Object> children(String context, DriveState drive, DriveItem folder) {
    List<Object> values = new ArrayList<>();
    for (DriveItem child : folder.children.values()) {
      values.add(item(null, drive, child));
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("@odata.context", context);
    json.put("value", values);
    return json;
  }

  // TODO: OneDrive for Business reports quickXorHash, not sha256Hash; a client that verifies
  // uploads with quickXorHash finds no hash here.
  private static Map<String, Object> hashes(DriveItem item) {
    return Map.of("sha256Hash", item.sha256.toUpperCase(Locale.ROOT));
  }
}
