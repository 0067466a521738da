package io.graphupload.emulator.internal;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** A OneDrive file or folder. Guarded by its drive's lock. */
final class DriveItem {
  final String id;
  final String parentId;
  final boolean folder;
  final Instant created;
  final Map<String, DriveItem> children = new LinkedHashMap<>();
  String name;
  Path file;
  long size;
  String mimeType;
  String sha256;
  Instant modified;
  int version = 1;

  DriveItem(String id, String parentId, String name, boolean folder, Instant created) {
    this.id = id;
    this.parentId = parentId;
    this.name = name;
    this.folder = folder;
    this.created = created;
    this.modified = created;
  }

  DriveItem child(String childName) {
    return children.get(childName.toLowerCase(Locale.ROOT));
  }

  void addChild(DriveItem child) {
    children.put(child.name.toLowerCase(Locale.ROOT), child);
  }
}
