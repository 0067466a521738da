package io.graphupload.transport.retrofit.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.SplittableRandom;

/** The file both clients upload: random bytes, written and hashed one megabyte at a time. */
final class BenchmarkFile {
  private static final int BUFFER_BYTES = 1024 * 1024;

  private BenchmarkFile() {}

  /** Writes {@code size} reproducible random bytes to {@code file}; memory holds one buffer. */
  static Path create(Path file, long size) throws IOException {
    SplittableRandom random = new SplittableRandom(size);
    ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES);
    try (FileChannel channel =
        FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      long written = 0;
      while (written < size) {
        buffer.clear().limit((int) Math.min(BUFFER_BYTES, size - written));
        while (buffer.remaining() >= Long.BYTES) {
          buffer.putLong(random.nextLong());
        }
        while (buffer.hasRemaining()) {
          buffer.put((byte) random.nextInt());
        }
        buffer.flip();
        while (buffer.hasRemaining()) {
          written += channel.write(buffer);
        }
      }
    }
    return file;
  }

  /** Returns the lower-case hex SHA-256 of {@code file}, as the emulator reports it. */
  static String sha256(Path file) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError("Every Java platform has SHA-256", e);
    }
    ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES);
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      while (channel.read(buffer) > 0) {
        digest.update(buffer.flip());
        buffer.clear();
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
