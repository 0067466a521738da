package io.graphupload.storage;

import java.util.Objects;
import java.util.regex.Pattern;

/** Checks upload ids before they become file names, so that no id can reach outside a directory. */
final class UploadIds {
  static final int MAX_LENGTH = 128;

  // A leading dot is refused too: "." and ".." are path segments, and dot files are hidden.
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*");

  private UploadIds() {}

  /**
   * Returns {@code uploadId} when it is safe as a file name.
   *
   * @throws IllegalArgumentException naming the id and the characters allowed
   */
  static String requireValid(String uploadId) {
    Objects.requireNonNull(uploadId, "uploadId");
    if (isValid(uploadId)) {
      return uploadId;
    }
    throw new IllegalArgumentException(
        "Upload id '"
            + uploadId
            + "' cannot name a checkpoint: use 1 to "
            + MAX_LENGTH
            + " characters from A-Z, a-z, 0-9, '.', '_' and '-', not starting with '.'");
  }

  static boolean isValid(String uploadId) {
    return uploadId.length() <= MAX_LENGTH && SAFE.matcher(uploadId).matches();
  }
}
