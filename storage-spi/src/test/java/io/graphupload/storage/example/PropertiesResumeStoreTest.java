package io.graphupload.storage.example;

import io.graphupload.core.Checkpoint;
import io.graphupload.core.spi.ResumeStore;
import io.graphupload.storage.testing.ResumeStoreContract;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** What a plugin author writes: the whole contract, run against their store. */
class PropertiesResumeStoreTest extends ResumeStoreContract {
  @TempDir Path directory;

  @Override
  protected ResumeStore newStore() {
    return new PropertiesResumeStore(directory.resolve("checkpoints.properties"));
  }

  @Override
  protected ResumeStore reopen(ResumeStore store) {
    return new PropertiesResumeStore(((PropertiesResumeStore) store).file());
  }

  @Override
  protected void simulateCrashBetweenWriteAndRename(ResumeStore store, Checkpoint checkpoint)
      throws IOException {
    ((PropertiesResumeStore) store).prepare(checkpoint);
  }
}
