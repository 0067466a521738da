package io.graphupload.core.spi;

import io.graphupload.core.Checkpoint;
import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Keeps checkpoints so that an upload survives the death of its process.
 *
 * <p>A checkpoint holds an upload URL, which is a bearer credential: keep it where only its owner
 * can read it. Implementations are thread-safe.
 *
 * <p>Upload ids are at most 128 characters of {@code A-Z a-z 0-9 . _ -}, not starting with a dot,
 * so a store may use them as file names or keys as they are. The engine's ids are 12 hex digits.
 *
 * <p>{@link #tryLock} works whether or not a checkpoint exists yet, and saving or deleting does not
 * require the lease: the engine claims an upload before its first save and keeps the claim until it
 * is done.
 */
public interface ResumeStore extends Closeable {

  /**
   * Saves {@code checkpoint}, replacing the one with the same upload id. When it returns, the
   * checkpoint survives a crash of the process; a crash during the call leaves either the old
   * checkpoint or the new one, never a mix.
   */
  void save(Checkpoint checkpoint) throws IOException;

  /** Returns the checkpoint of {@code uploadId}, or empty if there is none. */
  Optional<Checkpoint> load(String uploadId) throws IOException;

  /**
   * Returns every checkpoint, oldest first. Entries that cannot be read are set aside and reported,
   * not thrown.
   */
  List<Checkpoint> list() throws IOException;

  /** Deletes the checkpoint of {@code uploadId}; deleting one that does not exist is no error. */
  void delete(String uploadId) throws IOException;

  /**
   * Claims {@code uploadId} for this process, so that two processes never drive one upload.
   *
   * @return the claim, to close when done; or empty if someone else holds it
   */
  Optional<Lease> tryLock(String uploadId) throws IOException;

  /** Releases what the store holds, such as connections. The default holds nothing. */
  @Override
  default void close() throws IOException {}

  /** A claim on one upload; closing it releases the claim. Closing twice is harmless. */
  interface Lease extends AutoCloseable {
    @Override
    void close() throws IOException;
  }
}
