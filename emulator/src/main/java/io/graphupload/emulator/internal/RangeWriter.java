package io.graphupload.emulator.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;

/** Streams a range body into the session file, hashing as it goes; never buffers it whole. */
final class RangeWriter {
  private static final int BUFFER = 256 * 1024;

  private RangeWriter() {}

  /**
   * Copies up to {@code length} bytes to {@code file} at {@code offset}.
   *
   * @return the bytes copied; fewer than {@code length} when the body ended early
   * @throws IOException when the client goes away; the caller must truncate the file
   */
  static long write(InputStream body, Path file, long offset, long length, MessageDigest digest)
      throws IOException {
    byte[] buffer = new byte[BUFFER];
    ByteBuffer wrapped = ByteBuffer.wrap(buffer);
    long copied = 0;
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.truncate(offset);
      while (copied < length) {
        // The JDK server hands the body over 8 KiB at a time: fill the buffer before writing.
        int n = body.readNBytes(buffer, 0, (int) Math.min(buffer.length, length - copied));
        if (n == 0) {
          break;
        }
        digest.update(buffer, 0, n);
        wrapped.clear().limit(n);
        while (wrapped.hasRemaining()) {
          channel.write(wrapped, offset + copied + wrapped.position());
        }
        copied += n;
      }
    }
    return copied;
  }

  /** Cuts the file back to the stored prefix after a failed or refused write. */
  static void truncate(Path file, long size) {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.truncate(size);
    } catch (IOException e) {
      // The next write truncates to its own offset first, so a stale tail is never read.
    }
  }

  /** Reads and discards up to {@code limit} bytes; returns how many arrived. */
  static long discard(InputStream body, long limit) {
    byte[] buffer = new byte[64 * 1024];
    long count = 0;
    try {
      while (count < limit) {
        int n = body.read(buffer, 0, (int) Math.min(buffer.length, limit - count));
        if (n < 0) {
          break;
        }
        count += n;
      }
    } catch (IOException e) {
      // The client went away; what arrived is counted.
    }
    return count;
  }
}
