package io.graphupload.emulator.internal;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One drive: a tree of folders and files addressed by id or path. Thread-safe. */
public final class DriveState {
  private final String id;
  private final DriveItem root;
  private final Map<String, DriveItem> byId = new HashMap<>();

  DriveState(String id, Instant now) {
    this.id = id;
    this.root = new DriveItem(Ids.driveItemId(), null, "root", true, now);
    byId.put(root.id, root);
  }

  public String id() {
    return id;
  }

  synchronized DriveItem root() {
    return root;
  }

  synchronized DriveItem item(String itemId) {
    return itemId.equalsIgnoreCase("root") ? root : byId.get(itemId);
  }

  /** The item at a slash-separated path under {@code base}, or null. */
  synchronized DriveItem find(DriveItem base, String path) {
    DriveItem current = base;
    for (String part : parts(path)) {
      current = current.folder ? current.child(part) : null;
      if (current == null) {
        return null;
      }
    }
    return current;
  }

  /** The folder at a path under {@code base}, created with its parents when missing. */
  synchronized DriveItem folder(DriveItem base, String path, Instant now) {
    DriveItem current = base;
    for (String part : parts(path)) {
      DriveItem next = current.child(part);
      if (next == null) {
        next = new DriveItem(Ids.driveItemId(), current.id, part, true, now);
        current.addChild(next);
        byId.put(next.id, next);
      } else if (!next.folder) {
        throw GraphException.badRequest(
            "invalidRequest", "'" + part + "' is a file, not a folder.");
      }
      current = next;
    }
    return current;
  }

  /**
   * Stores a finished upload under {@code parent}, honouring the conflict behaviour.
   *
   * @return the item, and whether it is new (201) rather than replaced (200)
   * @throws GraphException 409 {@code nameAlreadyExists} for "fail" when the name is taken
   */
  synchronized Stored store(
      DriveItem parent,
      String name,
      String behavior,
      Path file,
      long size,
      String sha256,
      Instant now) {
    DriveItem existing = parent.child(name);
    if (existing != null && "fail".equalsIgnoreCase(behavior)) {
      throw new GraphException(
          409, "nameAlreadyExists", "An item named '" + name + "' already exists.");
    }
    if (existing != null && !existing.folder && !"rename".equalsIgnoreCase(behavior)) {
      existing.file = file;
      existing.size = size;
      existing.sha256 = sha256;
      existing.modified = now;
      existing.version++;
      return new Stored(existing, false);
    }
    String finalName = existing == null ? name : freeName(parent, name);
    DriveItem item = new DriveItem(Ids.driveItemId(), parent.id, finalName, false, now);
    item.file = file;
    item.size = size;
    item.sha256 = sha256;
    item.mimeType = AttachmentApi.guessType(finalName);
    parent.addChild(item);
    byId.put(item.id, item);
    return new Stored(item, true);
  }

  /** The item's path for parentReference, such as "/drive/root:/reports". */
  synchronized String pathOf(DriveItem folder) {
    StringBuilder path = new StringBuilder();
    for (DriveItem at = folder; at != null && at != root; at = byId.get(at.parentId)) {
      path.insert(0, "/" + at.name);
    }
    return "/drive/root:" + path;
  }

  synchronized void clear() {
    root.children.clear();
    byId.clear();
    byId.put(root.id, root);
  }

  private static String freeName(DriveItem parent, String name) {
    int dot = name.lastIndexOf('.');
    String stem = dot > 0 ? name.substring(0, dot) : name;
    String extension = dot > 0 ? name.substring(dot) : "";
    for (int n = 1; ; n++) {
      String candidate = stem + " " + n + extension;
      if (parent.child(candidate) == null) {
        return candidate;
      }
    }
  }

  private static List<String> parts(String path) {
    return List.of(path.split("/")).stream().filter(p -> !p.isEmpty()).toList();
  }

  /** A stored file and whether it was created. */
  record Stored(DriveItem item, boolean created) {}
}
