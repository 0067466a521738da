package io.graphupload.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.SplittableRandom;

/** Writes the demo's file: pseudo-random bytes that are the same on every machine and run. */
final class DemoFile {
  private static final long SEED = 0x67726170685f7570L;
  private static final int BUFFER_BYTES = 1024 * 1024;

  private DemoFile() {}

  /**
   * Writes {@code size} bytes to {@code file}.
   *
   * @return the SHA-256 of what was written, lowercase hex
   */
  static String write(Path file, long size) throws IOException {
    MessageDigest digest = sha256();
    SplittableRandom random = new SplittableRandom(SEED);
    byte[] buffer = new byte[BUFFER_BYTES];
    try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file), digest)) {
      long left = size;
      while (left > 0) {
        random.nextBytes(buffer);
        int length = (int) Math.min(buffer.length, left);
        out.write(buffer, 0, length);
        left -= length;
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError("Every Java platform has SHA-256", e);
    }
  }
}
