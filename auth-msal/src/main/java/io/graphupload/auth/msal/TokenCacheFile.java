package io.graphupload.auth.msal;

import com.microsoft.aad.msal4j.ITokenCache;
import com.microsoft.aad.msal4j.ITokenCacheAccessAspect;
import com.microsoft.aad.msal4j.ITokenCacheAccessContext;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps MSAL's token cache in an owner-only file shared by every graph-upload process of the user.
 *
 * <p>Each cache access is a locked read-modify-write: MSAL calls {@link #beforeCacheAccess}, which
 * takes the lock (a lock file beside the cache, plus a lock per file within this JVM) and merges
 * the file into memory; then {@link #afterCacheAccess}, which writes the file atomically when MSAL
 * changed something, and lets go. The lock is never held across a network call.
 *
 * <p>Thread-safe.
 */
// TODO: the cache is protected by file permissions only, not encrypted with the platform's key
// store (DPAPI, macOS Keychain, libsecret) as MSAL's persistence extension does, so root, backups
// and anyone who copies the user's files can read the refresh tokens in it.
final class TokenCacheFile implements ITokenCacheAccessAspect {
  private static final Logger log = LoggerFactory.getLogger(TokenCacheFile.class);

  private static final ConcurrentHashMap<Path, PathLock> LOCKS = new ConcurrentHashMap<>();
  private static final DateTimeFormatter SET_ASIDE_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final Path file;
  private final Path lockFile;
  private final PathLock lock;
  private volatile boolean seenOnDisk;
  private volatile boolean removedElsewhere;

  TokenCacheFile(Path file) {
    this.file = file.toAbsolutePath().normalize();
    this.lockFile = this.file.resolveSibling(this.file.getFileName() + ".lock");
    this.lock = LOCKS.computeIfAbsent(this.file, path -> new PathLock());
  }

  Path path() {
    return file;
  }

  @Override
  public void beforeCacheAccess(ITokenCacheAccessContext context) {
    lock.acquire(lockFile);
    try {
      load(context.tokenCache());
    } catch (RuntimeException e) {
      lock.release();
      throw e;
    }
  }

  @Override
  public void afterCacheAccess(ITokenCacheAccessContext context) {
    try {
      if (context.hasCacheChanged()) {
        save(context.tokenCache().serialize());
      }
    } finally {
      lock.release();
    }
  }

  /**
   * Returns whether another process deleted the cache file (signed out) after this one read it. The
   * caller then drops the tokens it holds in memory and calls {@link #reset()}.
   */
  boolean removedElsewhere() {
    if (seenOnDisk && !Files.exists(file)) {
      removedElsewhere = true;
    }
    return removedElsewhere;
  }

  /** Forgets what was read, for a fresh in-memory cache. */
  void reset() {
    seenOnDisk = false;
    removedElsewhere = false;
  }

  /**
   * Deletes the cache file under the lock. The lock file stays: deleting it while another process
   * waits on it would let two processes hold different locks at once.
   *
   * @return whether there was a file to delete
   */
  boolean delete() {
    lock.acquire(lockFile);
    try {
      boolean deleted = Files.deleteIfExists(file);
      reset();
      return deleted;
    } catch (IOException e) {
      throw new TokenCacheException(
          "Could not delete the token cache "
              + file
              + ": "
              + e.getMessage()
              + ". Delete it by hand to sign out.",
          e);
    } finally {
      lock.release();
    }
  }

  private void load(ITokenCache cache) {
    if (!Files.exists(file)) {
      if (seenOnDisk) {
        removedElsewhere = true;
      }
      return;
    }
    String json;
    try {
      OwnerOnlyFiles.tighten(file);
      json = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new TokenCacheException(
          "Could not read the token cache "
              + file
              + ": "
              + e.getMessage()
              + ". Check that you own it, or choose another file with the 'cache-file' setting.",
          e);
    }
    if (!json.isBlank()) {
      try {
        cache.deserialize(json);
      } catch (RuntimeException e) {
        setAside(e);
        return;
      }
    }
    seenOnDisk = true;
  }

  private void save(String json) {
    if (removedElsewhere) {
      log.debug("Not saving tokens to {}: another process signed out", file);
      return;
    }
    try {
      OwnerOnlyFiles.createDirectories(file.getParent());
      OwnerOnlyFiles.replace(file, json.getBytes(StandardCharsets.UTF_8));
      seenOnDisk = true;
    } catch (IOException e) {
      log.warn(
          "Could not save the token cache to {} ({}); this process keeps its tokens, but the next"
              + " run must sign in again. Check the directory's permissions or set 'cache-file'.",
          file,
          e.getMessage());
    }
  }

  private void setAside(RuntimeException cause) {
    Path aside =
        file.resolveSibling(
            file.getFileName() + ".corrupt-" + SET_ASIDE_TIME.format(Instant.now()));
    try {
      Files.move(file, aside, StandardCopyOption.ATOMIC_MOVE);
      log.warn(
          "The token cache {} could not be read ({}) and was set aside as {}; sign in again",
          file,
          cause.getClass().getSimpleName(),
          aside.getFileName());
    } catch (IOException e) {
      throw new TokenCacheException(
          "The token cache "
              + file
              + " is damaged and could not be set aside ("
              + e.getMessage()
              + "). Delete it and sign in again.",
          e);
    }
  }

  /** A lock shared by every {@code TokenCacheFile} of one path in this JVM, plus the file lock. */
  private static final class PathLock {
    private final ReentrantLock threads = new ReentrantLock();
    private FileChannel channel;
    private FileLock fileLock;

    void acquire(Path lockFile) {
      threads.lock();
      if (threads.getHoldCount() > 1) {
        return;
      }
      try {
        OwnerOnlyFiles.createDirectories(lockFile.getParent());
        channel = OwnerOnlyFiles.openOrCreate(lockFile);
        fileLock = channel.lock();
      } catch (IOException | RuntimeException e) {
        closeQuietly();
        threads.unlock();
        throw new TokenCacheException(
            "Could not lock the token cache with "
                + lockFile
                + ": "
                + e.getMessage()
                + ". Check that you own the directory, or choose another file with 'cache-file'.",
            e);
      }
    }

    void release() {
      if (threads.getHoldCount() == 1) {
        closeQuietly();
      }
      threads.unlock();
    }

    private void closeQuietly() {
      try {
        if (fileLock != null) {
          fileLock.release();
        }
        if (channel != null) {
          channel.close();
        }
      } catch (IOException e) {
        log.debug("Could not release the token cache lock: {}", e.toString());
      } finally {
        fileLock = null;
        channel = null;
      }
    }
  }

  /** The token cache file could not be read, locked or deleted. */
  static final class TokenCacheException extends RuntimeException {
    TokenCacheException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
