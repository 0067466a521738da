package io.graphupload.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.graphupload.core.Checkpoint;
import io.graphupload.emulator.Emulator;
import io.graphupload.emulator.EmulatorExtension;
import io.graphupload.emulator.FaultRule;
import io.graphupload.emulator.RequestKind;
import io.graphupload.emulator.SessionReport;
import io.graphupload.emulator.SessionState;
import io.graphupload.storage.FileResumeStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code status}, {@code resume} and {@code cancel} on uploads that a failure left behind. */
class PendingUploadsTest {
  static final int SIZE = 10 * 1024 * 1024 + 5;

  @RegisterExtension static EmulatorExtension graph = new EmulatorExtension();

  @TempDir Path home;
  Emulator emulator;
  TestCli cli;
  String draft;
  Path file;

  @BeforeEach
  void setUp(Emulator emulator) throws IOException {
    this.emulator = emulator;
    cli = new TestCli(home);
    cli.clock = Clock.systemUTC();
    cli.environment.put("GRAPH_UPLOAD_ENDPOINT", emulator.baseUri().toString());
    cli.environment.put("GRAPH_UPLOAD_TOKEN", "test-token");
    cli.environment.put("GRAPH_UPLOAD_RETRIES", "2");
    draft = emulator.mailboxes().me().createDraft("pending");
    file = TestFiles.random(home.resolve("big.bin"), SIZE, 42);
  }

  @Test
  void transientFailureExitsSeventyFiveAndKeepsTheCheckpoint() throws IOException {
    TestCli.Result result = attachWhileServiceFailsAfterFirstRange();

    Checkpoint checkpoint = onlyCheckpoint();
    String id = checkpoint.uploadId();
    assertThat(result.code()).isEqualTo(75);
    assertThat(result.out()).isEmpty();
    assertThat(result.errLines())
        .hasSize(4)
        .startsWith("Uploading big.bin (10.0 MiB) to message " + draft + " in me.")
        .contains(
            "big.bin: HTTP 503 ServiceUnavailable; trying again in 1.0 s (retry 1).",
            "Resume it later with: graph-upload resume " + id);
    assertThat(result.errLines().get(2))
        .startsWith("Gave up on upload " + id + " after 2 tries over 0 s: HTTP 503");
    assertThat(checkpoint.acknowledgedOffset()).isEqualTo(4L * 1024 * 1024);
    assertThat(cli.sleeps).containsExactly(Duration.ofSeconds(1));
  }

  @Test
  void statusListsThePendingUploadWithoutItsUploadUrl() throws IOException {
    attachWhileServiceFailsAfterFirstRange();
    Checkpoint checkpoint = onlyCheckpoint();

    TestCli.Result result = cli.run("status");

    String expiry =
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm'Z'")
            .withZone(ZoneOffset.UTC)
            .format(checkpoint.expiration().truncatedTo(ChronoUnit.MINUTES));
    assertThat(result.code()).isZero();
    assertThat(result.outLines())
        .containsExactly(
            "UPLOAD        DONE                        SESSION EXPIRES         FILE -> TARGET",
            checkpoint.uploadId()
                + "  4.0 MiB of 10.0 MiB (39%)   "
                + expiry
                + "       "
                + file
                + " -> message "
                + draft
                + " in me");
    assertThat(result.out()).doesNotContain("authtoken").doesNotContain("AttachmentSessions");
  }

  @Test
  void statusInJsonIsOneObjectPerPendingUpload() throws IOException {
    attachWhileServiceFailsAfterFirstRange();
    Checkpoint checkpoint = onlyCheckpoint();

    TestCli.Result result = cli.run("status", "--json");

    assertThat(result.outLines())
        .containsExactly(
            "{\"event\":\"pending\",\"uploadId\":\""
                + checkpoint.uploadId()
                + "\",\"file\":\""
                + file
                + "\",\"name\":\"big.bin\",\"target\":\""
                + checkpoint.target().resourcePath()
                + "\",\"bytesDone\":4194304,\"totalBytes\":10485765,\"expiration\":\""
                + checkpoint.expiration()
                + "\",\"expired\":false,\"updatedAt\":\""
                + checkpoint.updatedAt()
                + "\"}");
  }

  @Test
  void resumeFinishesWhereTheFailureStopped() throws IOException {
    attachWhileServiceFailsAfterFirstRange();
    String id = onlyCheckpoint().uploadId();
    emulator.faults().clear();

    TestCli.Result result = cli.run("resume", id);

    SessionReport session = emulator.latestSession();
    assertThat(result.code()).isZero();
    assertThat(result.out())
        .isEqualTo("Attached big.bin (10.0 MiB) as " + session.attachmentId() + "\n");
    assertThat(result.err())
        .isEqualTo("Resuming big.bin at 4.0 MiB of 10.0 MiB (upload " + id + ").\n");
    assertThat(emulator.sessions()).hasSize(1);
    assertThat(session.state()).isEqualTo(SessionState.COMPLETED);
    assertThat(session.sha256()).isEqualTo(TestFiles.sha256(file));
    // The range refused with 503 went again, once resumed; nothing before it did.
    assertThat(session.ranges())
        .extracting(range -> range.start() + " " + range.outcome())
        .containsExactly(
            "0 STORED",
            "4194304 FAULT_STATUS",
            "4194304 FAULT_STATUS",
            "4194304 STORED",
            "8388608 COMPLETED");
    assertThat(emulator.mailboxes().me().attachments(draft).get(0).sha256())
        .isEqualTo(TestFiles.sha256(file));
    assertThat(cli.run("status").out()).isEqualTo("No pending uploads.\n");
  }

  @Test
  void resumeAllFinishesEveryPendingUpload() throws IOException {
    attachWhileServiceFailsAfterFirstRange();
    emulator.faults().clear();

    TestCli.Result result = cli.run("resume", "--all", "-q");

    assertThat(result.code()).isZero();
    assertThat(result.out()).isEqualTo(emulator.latestSession().attachmentId() + "\n");
    assertThat(FileResumeStore.create(cli.stateDirectory()).list()).isEmpty();
  }

  @Test
  void resumeWithNothingPendingSaysSo() {
    TestCli.Result result = cli.run("resume", "--all");

    assertThat(result.code()).isZero();
    assertThat(result.err()).isEqualTo("No pending uploads to resume.\n");
  }

  @Test
  void resumeOfAnUnknownIdExitsThree() {
    TestCli.Result result = cli.run("resume", "0123456789ab");

    assertThat(result.code()).isEqualTo(3);
    assertThat(result.err())
        .isEqualTo(
            "There is no pending upload with id '0123456789ab'; list the pending uploads to see"
                + " their ids.\n");
  }

  @Test
  void cancelDeletesTheSessionAndTheCheckpoint() throws IOException {
    attachWhileServiceFailsAfterFirstRange();
    String id = onlyCheckpoint().uploadId();
    emulator.faults().clear();

    TestCli.Result result = cli.run("cancel", id);

    assertThat(result.code()).isZero();
    assertThat(result.out()).isEqualTo("Cancelled upload " + id + " of " + file + ".\n");
    assertThat(emulator.latestSession().state()).isEqualTo(SessionState.DELETED);
    assertThat(FileResumeStore.create(cli.stateDirectory()).list()).isEmpty();
    assertThat(emulator.mailboxes().me().attachments(draft)).isEmpty();
  }

  @Test
  void cancelOfAnUnknownIdExitsThree() {
    TestCli.Result result = cli.run("cancel", "0123456789ab");

    assertThat(result.code()).isEqualTo(3);
    assertThat(result.err())
        .isEqualTo(
            "There is no pending upload with id '0123456789ab'; list the pending uploads to see"
                + " their ids.\n");
  }

  @Test
  void ctrlCLetsTheRangeOnTheWireFinishAndKeepsTheCheckpoint() throws IOException {
    Path state = home.resolve("elsewhere");
    // Ctrl-C while the second range is on its way, as a person would press it mid-upload.
    cli.overrides.add(
        InterceptingTransport.module(
            put -> {
              if (put == 2) {
                pressOnAnotherThread(1);
              }
            }));

    TestCli.Result result =
        cli.run("--state-dir", state.toString(), "attach", file.toString(), "--message", draft);

    Checkpoint checkpoint = FileResumeStore.create(state).list().get(0);
    String id = checkpoint.uploadId();
    assertThat(result.code()).isEqualTo(130);
    assertThat(result.out()).isEmpty();
    assertThat(result.errLines())
        .containsExactly(
            "Uploading big.bin (10.0 MiB) to message " + draft + " in me.",
            "Stopping once the range on the wire is acknowledged, so that it need not go again;"
                + " press Ctrl-C again to quit at once.",
            "Interrupted: upload "
                + id
                + " of "
                + file
                + " stopped at 8.0 MiB of 10.0 MiB; its checkpoint is kept. Resume it with:"
                + " graph-upload --state-dir "
                + state
                + " resume "
                + id);
    assertThat(checkpoint.acknowledgedOffset()).isEqualTo(8L * 1024 * 1024);
    assertThat(emulator.latestSession().ranges())
        .extracting(range -> range.start() + " " + range.outcome())
        .containsExactly("0 STORED", "4194304 STORED");
    assertThat(cli.hooks.registered()).isEmpty();
    assertThat(cli.ctrlC.watched()).isFalse();

    TestCli.Result resumed = cli.run("--state-dir", state.toString(), "resume", id, "-q");

    assertThat(resumed.code()).isZero();
    assertThat(emulator.latestSession().sha256()).isEqualTo(TestFiles.sha256(file));
    assertThat(emulator.latestSession().bytesResent()).isZero();
  }

  @Test
  void secondCtrlCSaysAtOnceWhereTheUploadStands() throws IOException {
    cli.overrides.add(
        InterceptingTransport.module(
            put -> {
              if (put == 2) {
                pressOnAnotherThread(2);
              }
            }));

    TestCli.Result result = cli.run("attach", file.toString(), "--message", draft, "--json");

    String id = onlyCheckpoint().uploadId();
    // The second press speaks before the range on the wire is acknowledged; the real one then
    // halts the JVM, which this test's Ctrl-C does not, so the command also ends on its own.
    assertThat(result.code()).isEqualTo(130);
    assertThat(result.errLines())
        .containsExactly(
            "Interrupted: upload "
                + id
                + " of "
                + file
                + " stopped at 4.0 MiB of 10.0 MiB; its checkpoint is kept. Resume it with:"
                + " graph-upload resume "
                + id);
    assertThat(result.outLines()).last().asString().startsWith("{\"event\":\"stopped\"");
  }

  /** Presses Ctrl-C {@code times} on another thread, as the signal thread does, and waits. */
  private void pressOnAnotherThread(int times) {
    Thread presser =
        new Thread(
            () -> {
              for (int i = 0; i < times; i++) {
                assertThat(cli.ctrlC.press()).isTrue();
              }
            });
    presser.start();
    try {
      presser.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private TestCli.Result attachWhileServiceFailsAfterFirstRange() {
    // Retry-After 1, not 0: OkHttp itself repeats a 503 that asks for no wait.
    emulator.faults().add(FaultRule.on(RequestKind.UPLOAD_PUT).after(1).status(503, 1));
    return cli.run("attach", file.toString(), "--message", draft);
  }

  private Checkpoint onlyCheckpoint() throws IOException {
    List<Checkpoint> checkpoints = FileResumeStore.create(cli.stateDirectory()).list();
    assertThat(checkpoints).hasSize(1);
    return checkpoints.get(0);
  }
}
