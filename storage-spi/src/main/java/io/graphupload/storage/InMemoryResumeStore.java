package io.graphupload.storage;

import io.graphupload.core.Checkpoint;
import io.graphupload.core.spi.ResumeStore;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Keeps checkpoints in this JVM's memory, for tests and for applications that embed graph-upload
 * and do not want uploads to outlive the process.
 *
 * <p>It behaves as {@link FileResumeStore} does, short of surviving a restart: the same upload id
 * rules, listing oldest first, and claims that exclude each other until released. Claims are per
 * instance: two instances share nothing.
 *
 * <p>Instances are thread-safe.
 */
public final class InMemoryResumeStore implements ResumeStore {
  private final ConcurrentMap<String, Checkpoint> checkpoints = new ConcurrentHashMap<>();
  private final Set<String> claimed = ConcurrentHashMap.newKeySet();

  /** Returns an empty store. */
  public static InMemoryResumeStore create() {
    return new InMemoryResumeStore();
  }

  private InMemoryResumeStore() {}

  @Override
  public void save(Checkpoint checkpoint) {
    checkpoints.put(UploadIds.requireValid(checkpoint.uploadId()), checkpoint);
  }

  @Override
  public Optional<Checkpoint> load(String uploadId) {
    return Optional.ofNullable(checkpoints.get(UploadIds.requireValid(uploadId)));
  }

  @Override
  public List<Checkpoint> list() {
    return checkpoints.values().stream()
        .sorted(Comparator.comparing(Checkpoint::createdAt).thenComparing(Checkpoint::uploadId))
        .toList();
  }

  @Override
  public void delete(String uploadId) {
    checkpoints.remove(UploadIds.requireValid(uploadId));
  }

  @Override
  public Optional<Lease> tryLock(String uploadId) {
    String id = UploadIds.requireValid(uploadId);
    if (!claimed.add(id)) {
      return Optional.empty();
    }
    AtomicBoolean closed = new AtomicBoolean();
    return Optional.of(
        () -> {
          if (closed.compareAndSet(false, true)) {
            claimed.remove(id);
          }
        });
  }

  @Override
  public String toString() {
    return "InMemoryResumeStore[" + checkpoints.size() + " checkpoints]";
  }
}
