package io.graphupload.storage;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.graphupload.core.spi.ResumeStore.Lease;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Claims made by one process must hold against another: here, a child JVM. */
class CrossProcessLockTest {
  @TempDir Path stateDirectory;
  private Process child;
  private Path childErrors;

  @AfterEach
  void stopChild() {
    if (child != null) {
      child.destroyForcibly();
    }
  }

  @Test
  @Timeout(60) // guards against a child that never answers hanging the build; not a speed check
  void claimHeldByAnotherProcessIsRefusedUntilItEnds() throws Exception {
    FileResumeStore store = FileResumeStore.create(stateDirectory);
    BufferedReader childSays = startLockHolder("upload");

    assertThat(childSays.readLine()).as(this::childErrors).isEqualTo("locked");
    assertThat(store.tryLock("upload")).isEmpty();
    assertThat(store.tryLock("another-upload")).isPresent().get().satisfies(Lease::close);

    release();
    store.tryLock("upload").orElseThrow().close();
  }

  @SuppressWarnings("try") // the lease is held through the block, not used in it
  @Test
  @Timeout(60) // guards against a child that never answers hanging the build; not a speed check
  void claimHeldHereIsRefusedToAnotherProcess() throws Exception {
    FileResumeStore store = FileResumeStore.create(stateDirectory);

    try (Lease held = store.tryLock("upload").orElseThrow()) {
      BufferedReader childSays = startLockHolder("upload");
      assertThat(childSays.readLine()).as(this::childErrors).isEqualTo("refused");
      release();
    }
  }

  /**
   * POSIX drops all of a process's locks on a file when any one of its descriptors for that file
   * closes, so a refused claim in this JVM must never open and close the lock file.
   */
  @SuppressWarnings("try") // the lease is held through the block, not used in it
  @Test
  @Timeout(60) // guards against a child that never answers hanging the build; not a speed check
  void refusedClaimsInThisProcessDoNotLoosenTheHeldOne() throws Exception {
    FileResumeStore store = FileResumeStore.create(stateDirectory);

    try (Lease held = store.tryLock("upload").orElseThrow()) {
      assertThat(store.tryLock("upload")).isEmpty();
      assertThat(FileResumeStore.create(stateDirectory).tryLock("upload")).isEmpty();
      store.delete("upload");

      BufferedReader childSays = startLockHolder("upload");
      assertThat(childSays.readLine()).as(this::childErrors).isEqualTo("refused");
      release();
    }
  }

  private BufferedReader startLockHolder(String uploadId) throws IOException {
    childErrors = stateDirectory.resolve("child-errors.txt");
    child =
        new ProcessBuilder(
                FileResumeStoreTest.javaBinary(),
                "-cp",
                System.getProperty("java.class.path"),
                LockHolder.class.getName(),
                stateDirectory.toString(),
                uploadId)
            .redirectError(childErrors.toFile())
            .start();
    return new BufferedReader(new InputStreamReader(child.getInputStream(), UTF_8));
  }

  /** Tells the child to let go, and waits until it has. */
  private void release() throws Exception {
    try (Writer toChild = child.outputWriter(UTF_8)) {
      toChild.write("release\n");
    }
    assertThat(child.waitFor()).as(this::childErrors).isZero();
  }

  private String childErrors() {
    try {
      return "child's standard error: " + Files.readString(childErrors);
    } catch (IOException e) {
      return "child's standard error could not be read: " + e;
    }
  }
}
