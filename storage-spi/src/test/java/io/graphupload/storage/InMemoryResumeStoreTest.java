package io.graphupload.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.graphupload.core.Checkpoint;
import io.graphupload.core.spi.ResumeStore;
import io.graphupload.core.spi.ResumeStore.Lease;
import io.graphupload.storage.testing.ResumeStoreContract;
import org.junit.jupiter.api.Test;

class InMemoryResumeStoreTest extends ResumeStoreContract {

  @Override
  protected ResumeStore newStore() {
    return InMemoryResumeStore.create();
  }

  /** A save is one map update: there is no moment between writing and publishing to crash in. */
  @Override
  protected void simulateCrashBetweenWriteAndRename(ResumeStore store, Checkpoint checkpoint) {}

  @Test
  void idsFollowTheFileStoresRules() {
    InMemoryResumeStore store = InMemoryResumeStore.create();

    assertThatThrownBy(() -> store.load("../escape"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Upload id '../escape' cannot name a checkpoint: use 1 to 128 characters from A-Z,"
                + " a-z, 0-9, '.', '_' and '-', not starting with '.'");
    assertThatThrownBy(() -> store.save(checkpoint("a/b", CREATED)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.tryLock("")).isInstanceOf(IllegalArgumentException.class);
  }

  @SuppressWarnings("try") // the lease is held through the block, not used in it
  @Test
  void separateInstancesShareNothing() throws Exception {
    InMemoryResumeStore one = InMemoryResumeStore.create();
    InMemoryResumeStore two = InMemoryResumeStore.create();
    one.save(checkpoint("upload", CREATED));

    try (Lease lease = one.tryLock("upload").orElseThrow()) {
      assertThat(two.load("upload")).isEmpty();
      assertThat(two.tryLock("upload")).isPresent();
    }
  }
}
