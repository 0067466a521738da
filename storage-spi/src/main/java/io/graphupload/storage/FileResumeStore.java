package io.graphupload.storage;

import io.graphupload.core.Checkpoint;
import io.graphupload.core.spi.ResumeStore;
import io.graphupload.core.spi.ResumeStoreProvider;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps each checkpoint as one JSON file, {@code <state-dir>/uploads/<upload id>.json}, readable by
 * its owner only (0600, in a 0700 directory) because it holds the upload URL, a bearer credential.
 *
 * <p>A save writes a temporary file, forces it to disk and renames it over the old one, so a crash
 * leaves the old checkpoint or the new one, never half of one. A file that cannot be read is moved
 * aside as {@code <upload id>.json.corrupt-<UTC time>} and reported with a warning, never thrown;
 * one written in an unknown format version is moved aside as {@code <upload
 * id>.json.version-<n>-<UTC time>}. {@link #tryLock} holds an operating-system lock on {@code
 * <upload id>.lock}, which other processes and other claims in this JVM respect.
 *
 * <p>Upload ids may hold only {@code A-Z a-z 0-9 . _ -} and may not start with a dot; other ids are
 * refused with {@link IllegalArgumentException}. Directories are created on first save or claim.
 *
 * <p>Instances are thread-safe, and any number of them, in any number of processes, may share one
 * directory.
 */
public final class FileResumeStore implements ResumeStore {
  private static final Logger log = LoggerFactory.getLogger(FileResumeStore.class);

  static final String APPLICATION = "graph-upload";
  static final String UPLOADS = "uploads";
  static final String CHECKPOINT_SUFFIX = ".json";
  static final String LOCK_SUFFIX = ".lock";

  // Checkpoints are a few hundred bytes; a larger file is not one, and is not read into memory.
  private static final int MAX_CHECKPOINT_BYTES = 1024 * 1024;

  // Serialises operations on one upload id within this JVM, so that a file being set aside is
  // never one that another thread has just saved.
  private static final Object[] STRIPES = new Object[64];

  static {
    for (int i = 0; i < STRIPES.length; i++) {
      STRIPES[i] = new Object();
    }
  }

  private final Path stateDirectory;
  private final Path uploads;
  private final SetAside setAside;
  private final AtomicBoolean swept = new AtomicBoolean();

  private FileResumeStore(Path stateDirectory, Clock clock) {
    this.stateDirectory = stateDirectory.toAbsolutePath().normalize();
    this.uploads = this.stateDirectory.resolve(UPLOADS);
    this.setAside = new SetAside(clock);
  }

  /**
   * Returns a store that keeps checkpoints under {@code stateDirectory}. Nothing is created until
   * the first save or claim.
   */
  public static FileResumeStore create(Path stateDirectory) {
    return new FileResumeStore(stateDirectory, Clock.systemUTC());
  }

  static FileResumeStore create(Path stateDirectory, Clock clock) {
    return new FileResumeStore(stateDirectory, clock);
  }

  /**
   * Returns the default state directory: {@code $XDG_STATE_HOME/graph-upload} when that variable
   * holds an absolute path, else {@code ~/.local/state/graph-upload}.
   */
  public static Path defaultStateDirectory() {
    return defaultStateDirectory(System.getenv(), System.getProperty("user.home"));
  }

  static Path defaultStateDirectory(Map<String, String> environment, String userHome) {
    String stateHome = environment.get("XDG_STATE_HOME");
    // The XDG base directory spec calls a relative value invalid, to be ignored.
    if (stateHome != null && !stateHome.isBlank() && Path.of(stateHome).isAbsolute()) {
      return Path.of(stateHome, APPLICATION);
    }
    return Path.of(userHome, ".local", "state", APPLICATION);
  }

  /** Returns the state directory this store was created with, made absolute. */
  public Path stateDirectory() {
    return stateDirectory;
  }

  /** Returns the directory that holds the checkpoint and lock files. */
  public Path checkpointDirectory() {
    return uploads;
  }

  @Override
  public void save(Checkpoint checkpoint) throws IOException {
    String uploadId = UploadIds.requireValid(checkpoint.uploadId());
    byte[] json = CheckpointJson.encode(checkpoint);
    createDirectories();

    synchronized (stripe(uploadId)) {
      DurableFiles.replace(checkpointFile(uploadId), json);
    }
  }

  @Override
  public Optional<Checkpoint> load(String uploadId) throws IOException {
    UploadIds.requireValid(uploadId);
    if (!prepareToRead()) {
      return Optional.empty();
    }

    synchronized (stripe(uploadId)) {
      return read(uploadId, checkpointFile(uploadId));
    }
  }

  @Override
  public List<Checkpoint> list() throws IOException {
    if (!Files.isDirectory(uploads)) {
      return List.of();
    }
    swept.set(true);
    DurableFiles.sweep(uploads);

    List<Checkpoint> found = new ArrayList<>();
    try (DirectoryStream<Path> entries =
        Files.newDirectoryStream(uploads, "*" + CHECKPOINT_SUFFIX)) {
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        String uploadId = name.substring(0, name.length() - CHECKPOINT_SUFFIX.length());
        if (!UploadIds.isValid(uploadId)) {
          log.debug(
              "Ignored {}: its name is not an upload id, so graph-upload did not write it", entry);
          continue;
        }
        synchronized (stripe(uploadId)) {
          read(uploadId, entry).ifPresent(found::add);
        }
      }
    }
    found.sort(Comparator.comparing(Checkpoint::createdAt).thenComparing(Checkpoint::uploadId));
    return found;
  }

  @Override
  public void delete(String uploadId) throws IOException {
    UploadIds.requireValid(uploadId);
    if (!Files.isDirectory(uploads)) {
      return;
    }

    synchronized (stripe(uploadId)) {
      if (Files.deleteIfExists(checkpointFile(uploadId))) {
        DurableFiles.forceDirectory(uploads);
      }
    }
    removeLockFileIfFree(uploadId);
  }

  @Override
  public Optional<Lease> tryLock(String uploadId) throws IOException {
    UploadIds.requireValid(uploadId);
    createDirectories();

    Path lockFile = lockFile(uploadId);
    try {
      return LockFiles.tryLock(lockFile, () -> !Files.exists(checkpointFile(uploadId)));
    } catch (IOException e) {
      throw new IOException(
          "Cannot lock "
              + lockFile
              + ": "
              + IoReasons.describe(e)
              + ". Check that its directory is writable and on a file system with locks (some"
              + " network shares have none), or choose another directory with the '"
              + ResumeStoreProvider.STATE_DIR
              + "' setting.",
          e);
    }
  }

  @Override
  public String toString() {
    return "FileResumeStore[" + uploads + "]";
  }

  Path checkpointFile(String uploadId) {
    return uploads.resolve(uploadId + CHECKPOINT_SUFFIX);
  }

  private Path lockFile(String uploadId) throws IOException {
    // Claims in this JVM are keyed by path, so two spellings of one directory must agree.
    return uploads.toRealPath().resolve(uploadId + LOCK_SUFFIX);
  }

  /** Nobody will resume a deleted upload, so its lock file goes too, unless someone holds it. */
  private void removeLockFileIfFree(String uploadId) throws IOException {
    if (!Files.exists(uploads.resolve(uploadId + LOCK_SUFFIX))) {
      return;
    }
    Path lockFile = lockFile(uploadId);
    if (LockFiles.isClaimedHere(lockFile)) {
      return; // its lease deletes it on close
    }
    Optional<Lease> lease =
        LockFiles.tryLock(lockFile, () -> !Files.exists(checkpointFile(uploadId)));
    if (lease.isPresent()) {
      lease.get().close();
    }
  }

  private Optional<Checkpoint> read(String uploadId, Path file) {
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(MAX_CHECKPOINT_BYTES + 1);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      setAside.unreadable(uploadId, file, "it cannot be read: " + IoReasons.describe(e));
      return Optional.empty();
    }

    try {
      return Optional.of(decode(uploadId, bytes));
    } catch (CheckpointFormatException e) {
      setAside.unusable(uploadId, file, e);
      return Optional.empty();
    }
  }

  private static Checkpoint decode(String uploadId, byte[] bytes) throws CheckpointFormatException {
    if (bytes.length > MAX_CHECKPOINT_BYTES) {
      throw new CheckpointFormatException(
          "it is larger than " + MAX_CHECKPOINT_BYTES + " bytes, far more than a checkpoint", null);
    }
    Checkpoint checkpoint = CheckpointJson.decode(bytes);
    if (!checkpoint.uploadId().equals(uploadId)) {
      throw new CheckpointFormatException(
          "it holds upload '" + checkpoint.uploadId() + "', not '" + uploadId + "'", null);
    }
    return checkpoint;
  }

  /** Returns whether there is anything to read; sweeps leftovers once per store. */
  private boolean prepareToRead() {
    if (!Files.isDirectory(uploads)) {
      return false;
    }
    if (swept.compareAndSet(false, true)) {
      DurableFiles.sweep(uploads);
    }
    return true;
  }

  void createDirectories() throws IOException {
    try {
      OwnerOnly.createDirectories(stateDirectory, false);
      OwnerOnly.createDirectories(uploads, true);
    } catch (IOException e) {
      throw new IOException(
          "Cannot create the checkpoint directory "
              + uploads
              + ": "
              + IoReasons.describe(e)
              + ". Fix its permissions, or choose another directory with the '"
              + ResumeStoreProvider.STATE_DIR
              + "' setting.",
          e);
    }
    prepareToRead();
  }

  private Object stripe(String uploadId) {
    return STRIPES[Math.floorMod(Objects.hash(uploads, uploadId), STRIPES.length)];
  }
}
