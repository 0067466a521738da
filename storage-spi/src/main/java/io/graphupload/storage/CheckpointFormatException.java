package io.graphupload.storage;

import io.graphupload.core.Nullable;
import java.io.IOException;

/** A checkpoint file's bytes are not a checkpoint this code can read. */
final class CheckpointFormatException extends IOException {
  private final int unsupportedVersion;

  CheckpointFormatException(String reason, @Nullable Throwable cause) {
    this(reason, 0, cause);
  }

  private CheckpointFormatException(String reason, int unsupportedVersion, Throwable cause) {
    super(reason, cause);
    this.unsupportedVersion = unsupportedVersion;
  }

  static CheckpointFormatException unsupportedVersion(int version) {
    return new CheckpointFormatException(
        "it has format version " + version + ", and this release reads " + CheckpointJson.VERSION,
        version,
        null);
  }

  /** Returns the format version the file declares when it is one this code does not know, or 0. */
  int unsupportedVersion() {
    return unsupportedVersion;
  }
}
