package io.graphupload.emulator.internal;

import io.graphupload.emulator.AttachmentInfo;
import java.nio.file.Path;

/** An attachment's metadata and the file that holds its bytes. */
record StoredAttachment(AttachmentInfo info, Path file) {
  String id() {
    return info.id();
  }

  long size() {
    return info.size();
  }
}
