package io.graphupload.core;

import io.graphupload.core.spi.ResumeStore;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A resume store in a map, recording every save; it can "kill the process" on a given save. */
final class MemoryStore implements ResumeStore {
  final Map<String, Checkpoint> checkpoints = new LinkedHashMap<>();
  final List<Checkpoint> saves = new ArrayList<>();
  final Set<String> locked = new HashSet<>();
  int killOnSave = -1;

  @Override
  public synchronized void save(Checkpoint checkpoint) {
    if (saves.size() == killOnSave) {
      killOnSave = -1;
      throw new FakeGraph.Killed();
    }
    saves.add(checkpoint);
    checkpoints.put(checkpoint.uploadId(), checkpoint);
  }

  @Override
  public synchronized Optional<Checkpoint> load(String uploadId) {
    return Optional.ofNullable(checkpoints.get(uploadId));
  }

  @Override
  public synchronized List<Checkpoint> list() {
    List<Checkpoint> all = new ArrayList<>(checkpoints.values());
    all.sort(Comparator.comparing(Checkpoint::createdAt));
    return all;
  }

  @Override
  public synchronized void delete(String uploadId) {
    checkpoints.remove(uploadId);
  }

  @Override
  public synchronized Optional<Lease> tryLock(String uploadId) {
    if (!locked.add(uploadId)) {
      return Optional.empty();
    }
    return Optional.of(
        new Lease() {
          @Override
          public void close() throws IOException {
            synchronized (MemoryStore.this) {
              locked.remove(uploadId);
            }
          }
        });
  }

  /** Releases every claim, as the death of a process does. */
  synchronized void releaseAll() {
    locked.clear();
  }
}
