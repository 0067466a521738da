package io.graphupload.transport.retrofit.endtoend;

import io.graphupload.core.Checkpoint;
import io.graphupload.core.spi.ResumeStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checkpoints in memory, standing for a process's state directory in end-to-end tests and the
 * benchmark.
 */
public final class MemoryResumeStore implements ResumeStore {
  private final Map<String, Checkpoint> checkpoints = new ConcurrentHashMap<>();
  private final Set<String> locked = ConcurrentHashMap.newKeySet();

  @Override
  public void save(Checkpoint checkpoint) {
    checkpoints.put(checkpoint.uploadId(), checkpoint);
  }

  @Override
  public Optional<Checkpoint> load(String uploadId) {
    return Optional.ofNullable(checkpoints.get(uploadId));
  }

  @Override
  public List<Checkpoint> list() {
    List<Checkpoint> all = new ArrayList<>(checkpoints.values());
    all.sort(Comparator.comparing(Checkpoint::createdAt));
    return all;
  }

  @Override
  public void delete(String uploadId) {
    checkpoints.remove(uploadId);
  }

  @Override
  public Optional<Lease> tryLock(String uploadId) {
    if (!locked.add(uploadId)) {
      return Optional.empty();
    }
    return Optional.of(() -> locked.remove(uploadId));
  }
}
