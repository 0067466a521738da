package io.graphupload.core;

import static io.graphupload.core.FakeGraph.Op.PUT;
import static io.graphupload.core.Harness.DRAFT;
import static io.graphupload.core.Harness.MIB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.graphupload.core.FakeGraph.Refuse;
import io.graphupload.core.UploadException.Category;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CancelTest {
  @TempDir Path dir;

  @Test
  void cancelDuringARetryWaitStopsDeletesTheSessionAndTheCheckpoint() throws Exception {
    Harness harness = new Harness(dir);
    Path file = harness.file("big.bin", 9L * MIB);
    harness.graph.pass(PUT, 1).fault(PUT, new Refuse(503, "serviceNotAvailable", null));
    Upload upload = harness.uploader().prepare(UploadRequest.of(file, DRAFT));
    harness.time.onSleep = upload::cancel;

    assertThatThrownBy(upload::run)
        .isInstanceOfSatisfying(
            UploadException.class, e -> assertThat(e.category()).isEqualTo(Category.CANCELLED))
        .hasMessage("Upload " + upload.id() + " was cancelled");
    assertThat(harness.putHeaders())
        .containsExactly("bytes 0-4194303/9437184", "bytes 4194304-8388607/9437184");
    assertThat(harness.graph.log).endsWith("DELETE");
    assertThat(harness.graph.onlySession().deleted).isTrue();
    assertThat(harness.store.checkpoints).isEmpty();
    assertThat(harness.events.get(harness.events.size() - 1))
        .isInstanceOf(UploadEvent.Failed.class);
  }

  @Test
  void stopDuringARetryWaitKeepsTheSessionAndCheckpointForAResume() throws Exception {
    Harness harness = new Harness(dir);
    Path file = harness.file("big.bin", 9L * MIB);
    harness.graph.pass(PUT, 1).fault(PUT, new Refuse(503, "serviceNotAvailable", null));
    Upload upload = harness.uploader().prepare(UploadRequest.of(file, DRAFT));
    harness.time.onSleep = upload::stop;

    assertThatThrownBy(upload::run)
        .isInstanceOfSatisfying(
            UploadException.class, e -> assertThat(e.category()).isEqualTo(Category.TRANSIENT))
        .hasMessage(
            "Upload "
                + upload.id()
                + " was stopped; its checkpoint is kept, so resuming it continues where it"
                + " stopped.");
    assertThat(harness.graph.log).doesNotContain("DELETE");
    assertThat(harness.store.checkpoints.get(upload.id()).acknowledgedOffset()).isEqualTo(4L * MIB);

    harness.time.onSleep = () -> {};
    harness.store.releaseAll();
    UploadResult result = harness.uploader().resume(upload.id());
    assertThat(harness.graph.attachments.get(result.attachmentId()))
        .isEqualTo(java.nio.file.Files.readAllBytes(file));
  }

  @Test
  void cancelBeforeRunSendsNothingButTheSessionsDeletion() throws Exception {
    Harness harness = new Harness(dir);
    Path file = harness.file("big.bin", 9L * MIB);
    Upload upload = harness.uploader().prepare(UploadRequest.of(file, DRAFT));
    upload.cancel();

    assertThatThrownBy(upload::run).isInstanceOf(UploadException.class);

    assertThat(harness.graph.puts).isEmpty();
    assertThat(harness.store.checkpoints).isEmpty();
  }

  @Test
  void anUploadRunsOnlyOnce() throws Exception {
    Harness harness = new Harness(dir);
    Path file = harness.file("small.bin", 10);
    Upload upload = harness.uploader().prepare(UploadRequest.of(file, DRAFT));
    upload.run();

    assertThatThrownBy(upload::run)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Upload " + upload.id() + " has already run; prepare a new one");
  }

  @Test
  void retryAfterIsWaitedInFullWhenNotCancelled() throws Exception {
    Harness harness = new Harness(dir);
    Path file = harness.file("big.bin", 5L * MIB);
    harness.graph.fault(PUT, new Refuse(429, "TooManyRequests", Duration.ofSeconds(30)));

    harness.uploader().upload(UploadRequest.of(file, DRAFT));

    assertThat(harness.time.sleeps).containsExactly(Duration.ofSeconds(30));
  }
}
