package io.graphupload.storage;

import io.graphupload.core.Nullable;
import io.graphupload.core.spi.ResumeStore.Lease;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Claims uploads with operating-system file locks, so that two processes never drive one upload.
 *
 * <p>A file lock belongs to the whole JVM, and POSIX releases all of a process's locks on a file as
 * soon as any of its descriptors for that file closes. So a second claim from this JVM must not
 * even open the lock file: claims made here are tracked here, by the lock file's real path, and
 * refused before any file is touched.
 *
 * <p>A lock file is deleted when its lease closes and there is nothing left to resume. Someone who
 * opened it just before may then lock the deleted file; a claim therefore counts only if, once
 * locked, the path still names the very file that was locked.
 */
final class LockFiles {
  private static final Logger log = LoggerFactory.getLogger(LockFiles.class);

  private static final Set<Path> CLAIMED_IN_THIS_JVM = ConcurrentHashMap.newKeySet();
  private static final int ATTEMPTS = 3;

  private LockFiles() {}

  /**
   * Claims {@code lockFile}, creating it owner-only when missing.
   *
   * @param lockFile a real path: its directory exists and holds no symbolic links
   * @param deleteOnRelease answers, when the lease closes, whether the lock file may go
   * @return the lease, or empty when another process or another claim in this JVM holds it
   */
  static Optional<Lease> tryLock(Path lockFile, BooleanSupplier deleteOnRelease)
      throws IOException {
    if (!CLAIMED_IN_THIS_JVM.add(lockFile)) {
      return Optional.empty();
    }
    Optional<Lease> lease = Optional.empty();
    try {
      lease = lock(lockFile, deleteOnRelease);
      return lease;
    } finally {
      if (lease.isEmpty()) {
        CLAIMED_IN_THIS_JVM.remove(lockFile);
      }
    }
  }

  /** Returns whether this JVM holds a claim on {@code lockFile}. */
  static boolean isClaimedHere(Path lockFile) {
    return CLAIMED_IN_THIS_JVM.contains(lockFile);
  }

  private static Optional<Lease> lock(Path file, BooleanSupplier deleteOnRelease)
      throws IOException {
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      OwnerOnly.createIfMissing(file);
      Object identity = identity(file);
      FileChannel channel = identity != null ? openExisting(file) : null;
      if (channel == null) {
        continue; // a closing lease deleted it meanwhile
      }

      FileLock lock = tryLock(channel);
      if (lock == null) {
        channel.close();
        return Optional.empty();
      }

      if (identity.equals(identity(file))) {
        return Optional.of(new FileLease(file, channel, deleteOnRelease));
      }
      channel.close(); // locked a file that a closing lease had just deleted
    }
    return Optional.empty();
  }

  private static @Nullable FileChannel openExisting(Path file) throws IOException {
    try {
      return FileChannel.open(file, StandardOpenOption.WRITE);
    } catch (NoSuchFileException e) {
      return null;
    }
  }

  private static @Nullable FileLock tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (OverlappingFileLockException e) {
      // The same file, reached through a hard link, is locked in this JVM; closing this channel
      // may loosen that lock, but graph-upload never links lock files.
      return null;
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  /** Returns the file system's identity of {@code file} (device and inode), or null if unknown. */
  private static @Nullable Object identity(Path file) throws IOException {
    try {
      Object key = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
      // Without file keys (Windows), a deleted lock file cannot be told apart from its successor.
      return key != null ? key : file;
    } catch (NoSuchFileException e) {
      return null;
    }
  }

  private static final class FileLease implements Lease {
    private final Path file;
    private final FileChannel channel;
    private final BooleanSupplier deleteOnRelease;
    private final AtomicBoolean closed = new AtomicBoolean();

    FileLease(Path file, FileChannel channel, BooleanSupplier deleteOnRelease) {
      this.file = file;
      this.channel = channel;
      this.deleteOnRelease = deleteOnRelease;
    }

    @Override
    public void close() throws IOException {
      if (!closed.compareAndSet(false, true)) {
        return;
      }
      try {
        // Deleted while still locked, so whoever opens it next notices and starts afresh.
        if (deleteOnRelease.getAsBoolean()) {
          Files.deleteIfExists(file);
        }
      } catch (IOException e) {
        log.debug("Kept lock file {}, which could not be deleted: {}", file, e.toString());
      } finally {
        try {
          channel.close();
        } finally {
          CLAIMED_IN_THIS_JVM.remove(file);
        }
      }
    }

    @Override
    public String toString() {
      return "Lease[" + file.getFileName() + (closed.get() ? ", closed]" : "]");
    }
  }
}
