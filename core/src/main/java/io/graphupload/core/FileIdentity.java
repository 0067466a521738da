package io.graphupload.core;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * What a file was when an upload started, so that a resume can tell it is still the same file.
 *
 * @param path the absolute path
 * @param size its size in bytes
 * @param lastModified its modification time
 * @param sha256 the SHA-256 of its content, lowercase hex; empty while it is still being computed
 */
public record FileIdentity(Path path, long size, Instant lastModified, String sha256) {
  private static final int BUFFER_BYTES = 256 * 1024;

  /**
   * Reads {@code file} whole to compute its identity. Memory use is one small buffer, whatever the
   * file's size.
   *
   * @throws IOException if the file cannot be read
   */
  public static FileIdentity of(Path file) throws IOException {
    Path absolute = file.toAbsolutePath().normalize();
    try (FileChannel channel = FileChannel.open(absolute, StandardOpenOption.READ)) {
      Instant modified = Files.getLastModifiedTime(absolute).toInstant();
      return new FileIdentity(absolute, channel.size(), modified, sha256(channel));
    }
  }

  /**
   * Returns the identity of {@code file} without reading its content: path, size and modification
   * time, with an empty SHA-256 to fill in later with {@link #withContentHash}.
   *
   * @throws IOException if the file's attributes cannot be read
   */
  public static FileIdentity withoutContentHash(Path file) throws IOException {
    Path absolute = file.toAbsolutePath().normalize();
    Instant modified = Files.getLastModifiedTime(absolute).toInstant();
    return new FileIdentity(absolute, Files.size(absolute), modified, "");
  }

  /** Returns whether the SHA-256 of the content is known. */
  public boolean hasContentHash() {
    return !sha256.isEmpty();
  }

  /** Returns a copy with the SHA-256 of the content set to {@code hex}. */
  public FileIdentity withContentHash(String hex) {
    return new FileIdentity(path, size, lastModified, hex);
  }

  private static String sha256(FileChannel channel) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError("Every Java platform has SHA-256", e);
    }
    ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES);
    long position = 0;
    int read;
    while ((read = channel.read(buffer, position)) > 0) {
      buffer.flip();
      digest.update(buffer);
      buffer.clear();
      position += read;
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /**
   * Compares this identity, saved earlier, with the file as it is {@code now}. Content is compared
   * only when both know their SHA-256.
   *
   * @return a sentence naming what changed, or empty when the file is the same
   */
  public Optional<String> differencesFrom(FileIdentity now) {
    List<String> changes = new ArrayList<>();
    if (!path.equals(now.path)) {
      changes.add("its path was " + path + " and is now " + now.path);
    }
    if (size != now.size) {
      changes.add("its size was " + size + " bytes and is now " + now.size);
    }
    if (!lastModified.equals(now.lastModified)) {
      changes.add("it was modified at " + now.lastModified + ", after the upload started");
    }
    if (hasContentHash() && now.hasContentHash() && !sha256.equals(now.sha256)) {
      changes.add(
          "its content is different (SHA-256 "
              + abbreviate(sha256)
              + " became "
              + abbreviate(now.sha256)
              + ")");
    }
    return changes.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", changes));
  }

  private static String abbreviate(String hex) {
    return hex.substring(0, Math.min(12, hex.length()));
  }
}
