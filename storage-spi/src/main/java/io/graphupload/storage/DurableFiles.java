package io.graphupload.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces files so that a crash at any instant leaves either the old content or the new: write a
 * temporary file beside the target, force it to disk, rename it over the target, then force the
 * directory so the rename itself survives a power cut.
 *
 * <p>A temporary file's name carries its writer's process id, {@code <target>.<pid>.<nonce>.tmp},
 * so that {@link #sweep} can tell a file abandoned by a dead process from one that a live process
 * is still writing.
 */
final class DurableFiles {
  private static final Logger log = LoggerFactory.getLogger(DurableFiles.class);

  private static final Pattern TEMPORARY = Pattern.compile(".+\\.(\\d{1,18})\\.[0-9a-f]{16}\\.tmp");
  private static final long PROCESS_ID = ProcessHandle.current().pid();
  private static final Set<Path> WRITING = ConcurrentHashMap.newKeySet();
  private static final AtomicBoolean warnedNoAtomicMove = new AtomicBoolean();

  private DurableFiles() {}

  /** Replaces {@code target}'s content with {@code content}, owner-only and crash-safe. */
  static void replace(Path target, byte[] content) throws IOException {
    Path temporary = temporaryFor(target);
    WRITING.add(temporary);
    try {
      write(temporary, content);
      rename(temporary, target);
      forceDirectory(target.getParent());
    } catch (IOException | RuntimeException e) {
      deleteQuietly(temporary, e);
      throw e;
    } finally {
      WRITING.remove(temporary);
    }
  }

  /** Returns a fresh temporary name beside {@code target}, owned by this process. */
  static Path temporaryFor(Path target) {
    byte[] nonce = new byte[8];
    ThreadLocalRandom.current().nextBytes(nonce);
    String name =
        target.getFileName() + "." + PROCESS_ID + "." + HexFormat.of().formatHex(nonce) + ".tmp";
    return target.resolveSibling(name);
  }

  /** Creates {@code file}, owner-only, with {@code content}, and forces it to disk. */
  static void write(Path file, byte[] content) throws IOException {
    try (FileChannel channel = OwnerOnly.createNew(file)) {
      ByteBuffer buffer = ByteBuffer.wrap(content);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(true);
    }
  }

  /**
   * Forces {@code directory}'s entries to disk, so that a rename or deletion in it survives a power
   * cut. Where the platform cannot open a directory (Windows), the file system's journal is all
   * there is.
   */
  static void forceDirectory(Path directory) {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      log.debug("Cannot force directory {} to disk on this platform: {}", directory, e.toString());
    }
  }

  static boolean isTemporary(Path file) {
    return TEMPORARY.matcher(file.getFileName().toString()).matches();
  }

  /**
   * Deletes the temporary files in {@code directory} that nobody is writing any more: those of
   * processes that have ended, and this process's own that no save is using. Best effort: what
   * cannot be deleted now is tried again next time.
   */
  static void sweep(Path directory) {
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, "*.tmp")) {
      for (Path entry : entries) {
        if (isAbandoned(entry)) {
          Files.deleteIfExists(entry);
          log.debug("Deleted {}, left over by a save that never finished", entry);
        }
      }
    } catch (IOException e) {
      log.debug("Could not sweep leftover temporary files in {}: {}", directory, e.toString());
    }
  }

  private static boolean isAbandoned(Path file) {
    Matcher matcher = TEMPORARY.matcher(file.getFileName().toString());
    if (!matcher.matches()) {
      return false;
    }
    long writer = Long.parseLong(matcher.group(1));
    if (writer == PROCESS_ID) {
      return !WRITING.contains(file);
    }
    return ProcessHandle.of(writer).map(process -> !process.isAlive()).orElse(true);
  }

  private static void rename(Path source, Path target) throws IOException {
    try {
      Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      if (warnedNoAtomicMove.compareAndSet(false, true)) {
        log.warn(
            "The file system of {} cannot rename atomically, so a crash during a save may lose"
                + " that checkpoint; keep the state directory on a local disk",
            target.getParent());
      }
      Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void deleteQuietly(Path file, Exception failure) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      failure.addSuppressed(e);
    }
  }
}
