package io.graphupload.core;

import static io.graphupload.core.FakeGraph.Op.PUT;
import static io.graphupload.core.Harness.DRAFT;
import static io.graphupload.core.Harness.MIB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.graphupload.core.FakeGraph.KillAfterStore;
import io.graphupload.core.FakeGraph.KillBefore;
import io.graphupload.core.UploadException.Category;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A process killed at each point of the range loop resumes from the last acknowledged byte. */
class ResumeTest {
  private static final long SIZE = 14L * MIB;
  private static final String R2 = "bytes 8388608-12582911/14680064";
  private static final String R3 = "bytes 12582912-14680063/14680064";

  @TempDir Path dir;

  private Harness harness;
  private Path file;

  private void startAndKill(FakeGraph.Fault fault) throws Exception {
    harness = new Harness(dir);
    file = harness.file("big.bin", SIZE);
    harness.graph.pass(PUT, 2).fault(PUT, fault);
    assertThatThrownBy(() -> harness.uploader().upload(UploadRequest.of(file, DRAFT)))
        .isInstanceOf(FakeGraph.Killed.class);
    harness.store.releaseAll();
    harness.graph.puts.clear();
    harness.events.clear();
  }

  private UploadResult resume() throws Exception {
    return harness.uploader().upload(UploadRequest.of(file, DRAFT));
  }

  private void assertStoredExactly() throws Exception {
    assertThat(harness.graph.onlySession().bytes.toByteArray()).isEqualTo(Files.readAllBytes(file));
    assertThat(harness.graph.attachments).hasSize(1);
    assertThat(harness.store.checkpoints).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void killedBeforeARangeIsSentResumesFromTheLastAcknowledgedByte(boolean statusQueries)
      throws Exception {
    startAndKill(new KillBefore());
    harness.graph.statusQueries = statusQueries;

    UploadResult result = resume();

    assertThat(harness.putHeaders()).containsExactly(R2, R3);
    assertThat(harness.events(UploadEvent.Started.class).get(0).resumedFrom()).isEqualTo(8L * MIB);
    assertThat(result.rangesResent()).isZero();
    assertStoredExactly();
  }

  @Test
  void killedAfterSendingBeforeTheAnswerResumesWhereTheServerStands() throws Exception {
    startAndKill(new KillAfterStore());

    UploadResult result = resume();

    assertThat(harness.putHeaders()).containsExactly(R3);
    assertThat(harness.events(UploadEvent.Started.class).get(0).resumedFrom()).isEqualTo(12L * MIB);
    assertThat(result.rangesResent()).isZero();
    assertStoredExactly();
  }

  @Test
  void killedAfterSendingWithoutStatusQueriesResendsOneRangeAtMost() throws Exception {
    startAndKill(new KillAfterStore());
    harness.graph.statusQueries = false;

    UploadResult result = resume();

    assertThat(harness.putHeaders()).containsExactly(R2, R3);
    assertThat(result.rangesResent()).isEqualTo(1);
    assertStoredExactly();
  }

  @Test
  void killedAfterTheAnswerBeforeTheCheckpointResumesFromTheServersWord() throws Exception {
    harness = new Harness(dir);
    file = harness.file("big.bin", SIZE);
    harness.store.killOnSave = 3;
    assertThatThrownBy(() -> harness.uploader().upload(UploadRequest.of(file, DRAFT)))
        .isInstanceOf(FakeGraph.Killed.class);
    harness.store.releaseAll();
    harness.graph.puts.clear();
    assertThat(harness.graph.onlySession().received).isEqualTo(12L * MIB);
    assertThat(harness.store.list().get(0).acknowledgedOffset()).isEqualTo(8L * MIB);

    resume();

    assertThat(harness.putHeaders()).containsExactly(R3);
    assertStoredExactly();
  }

  @Test
  void resumeByIdContinuesThePendingUpload() throws Exception {
    startAndKill(new KillBefore());
    String id = harness.store.list().get(0).uploadId();

    UploadResult result = harness.uploader().resume(id);

    assertThat(result.uploadId()).isEqualTo(id);
    assertThat(harness.putHeaders()).containsExactly(R2, R3);
    assertStoredExactly();
  }

  @Test
  void changedFileIsRefusedWithWhatChangedAndTheCheckpointIsKept() throws Exception {
    startAndKill(new KillBefore());
    Checkpoint before = harness.store.list().get(0);
    byte[] bytes = Files.readAllBytes(file);
    bytes[5] ^= 1;
    Files.write(file, bytes);
    Files.setLastModifiedTime(file, FileTime.from(before.file().lastModified()));

    assertThatThrownBy(this::resume)
        .isInstanceOfSatisfying(
            UploadException.class, e -> assertThat(e.category()).isEqualTo(Category.INVALID_INPUT))
        .hasMessageStartingWith(
            "Cannot resume upload "
                + before.uploadId()
                + ": "
                + file
                + " changed since the upload started (its content is different (SHA-256 ")
        .hasMessageEndingWith(
            "). To send the file as it is now, cancel upload "
                + before.uploadId()
                + " and start it again.");
    assertThat(harness.graph.puts).isEmpty();
    assertThat(harness.store.list()).containsExactly(before);
  }

  @Test
  void checkpointSavedBeforeTheHashWasKnownResumesAndLearnsIt() throws Exception {
    harness = new Harness(dir);
    file = harness.file("big.bin", SIZE);
    harness.graph.fault(PUT, new KillBefore());
    assertThatThrownBy(() -> harness.uploader().upload(UploadRequest.of(file, DRAFT)))
        .isInstanceOf(FakeGraph.Killed.class);
    harness.store.releaseAll();
    Checkpoint unhashed = harness.store.list().get(0);
    assertThat(unhashed.file().hasContentHash()).isFalse();
    harness.store.saves.clear();

    resume();

    assertThat(harness.store.saves.get(1).file().sha256())
        .isEqualTo(FileIdentity.of(file).sha256());
    assertThat(harness.graph.onlySession().bytes.toByteArray()).isEqualTo(Files.readAllBytes(file));
  }

  @Test
  void resizedFileIsRefusedNamingBothSizes() throws Exception {
    startAndKill(new KillBefore());
    Files.write(file, Harness.pattern(SIZE + 1));

    assertThatThrownBy(this::resume)
        .hasMessageContaining("its size was 14680064 bytes and is now 14680065");
  }

  @Test
  void checkpointWhoseSessionExpiredStartsOverInANewSession() throws Exception {
    startAndKill(new KillBefore());
    harness.time.advance(Duration.ofDays(3650));

    resume();

    assertThat(harness.graph.sessions).hasSize(2);
    assertThat(harness.putHeaders()).hasSize(4).first().isEqualTo("bytes 0-4194303/14680064");
    assertThat(harness.events(UploadEvent.SessionRestarted.class).get(0).reason())
        .isEqualTo("the session expired at 2030-01-01T00:00:00Z");
    assertThat(harness.graph.lastSession().bytes.toByteArray()).isEqualTo(Files.readAllBytes(file));
  }

  @Test
  void sessionThatVanishedWhileTheProcessWasDeadStartsOver() throws Exception {
    startAndKill(new KillBefore());
    harness.graph.expireSessions();

    resume();

    assertThat(harness.graph.sessions).hasSize(2);
    assertThat(harness.graph.lastSession().bytes.toByteArray()).isEqualTo(Files.readAllBytes(file));
  }

  @Test
  void uploadHeldByAnotherProcessIsRefused() throws Exception {
    startAndKill(new KillBefore());
    String id = harness.store.list().get(0).uploadId();
    harness.store.tryLock(id);

    assertThatThrownBy(this::resume)
        .isInstanceOfSatisfying(
            UploadException.class, e -> assertThat(e.category()).isEqualTo(Category.TRANSIENT))
        .hasMessage(
            "Upload "
                + id
                + " of "
                + file
                + " is running in another process; wait for it to finish, or stop it first.");
    assertThat(harness.graph.puts).isEmpty();
  }

  @Test
  void resumingAnUnknownIdSaysHowToFindTheRightOne() {
    harness = new Harness(dir);

    assertThatThrownBy(() -> harness.uploader().resume("0123456789ab"))
        .isInstanceOfSatisfying(
            UploadException.class, e -> assertThat(e.category()).isEqualTo(Category.INVALID_INPUT))
        .hasMessage(
            "There is no pending upload with id '0123456789ab'; list the pending uploads to see"
                + " their ids.");
  }

  @Test
  void cancellingAPendingUploadDeletesItsSessionAndCheckpoint() throws Exception {
    startAndKill(new KillBefore());
    List<Checkpoint> pending = harness.store.list();

    harness.uploader().cancel(pending.get(0).uploadId());

    assertThat(harness.graph.log).endsWith("DELETE");
    assertThat(harness.graph.onlySession().deleted).isTrue();
    assertThat(harness.store.checkpoints).isEmpty();
  }

  @Test
  void cancellingKeepsGoingWhenTheSessionCannotBeDeleted() throws Exception {
    startAndKill(new KillBefore());
    harness.graph.fault(FakeGraph.Op.DELETE, new FakeGraph.LoseRequest());

    harness.uploader().cancel(harness.store.list().get(0).uploadId());

    assertThat(harness.store.checkpoints).isEmpty();
  }
}
