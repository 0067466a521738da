package io.graphupload.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.graphupload.core.Mailbox;
import io.graphupload.core.OutlookItem;
import io.graphupload.emulator.AttachmentInfo;
import io.graphupload.emulator.Emulator;
import io.graphupload.emulator.EmulatorExtension;
import io.graphupload.emulator.FaultRule;
import io.graphupload.emulator.RequestKind;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class AttachCommandTest {
  static final int LARGE = 10 * 1024 * 1024 + 5;

  @RegisterExtension static EmulatorExtension graph = new EmulatorExtension();

  @TempDir Path home;
  Emulator emulator;
  TestCli cli;
  String draft;

  @BeforeEach
  void setUp(Emulator emulator) {
    this.emulator = emulator;
    cli = new TestCli(home);
    cli.environment.put("GRAPH_UPLOAD_ENDPOINT", emulator.baseUri().toString());
    cli.environment.put("GRAPH_UPLOAD_TOKEN", "test-token");
    draft = emulator.mailboxes().me().createDraft("attach test");
  }

  @Test
  void smallFileGoesInOneRequestAndPrintsItsAttachmentId() throws IOException {
    Path file = TestFiles.random(home.resolve("notes.txt"), 100_000, 1);

    TestCli.Result result = cli.run("attach", file.toString(), "--message", draft);

    AttachmentInfo stored = onlyAttachment();
    assertThat(result.code()).isZero();
    assertThat(result.out()).isEqualTo("Attached notes.txt (97.7 KiB) as " + stored.id() + "\n");
    assertThat(result.err())
        .isEqualTo(
            "Uploading notes.txt (97.7 KiB) to message " + draft + " in me in one request.\n");
    assertThat(stored.name()).isEqualTo("notes.txt");
    assertThat(stored.contentType()).isEqualTo("text/plain");
    assertThat(stored.sha256()).isEqualTo(TestFiles.sha256(file));
  }

  @Test
  void largeFileEmitsGoldenJsonEventsAndNothingElse() throws IOException {
    Path file = TestFiles.random(home.resolve("big.zip"), LARGE, 2);

    TestCli.Result result = cli.run("attach", file.toString(), "--message", draft, "--json");

    AttachmentInfo stored = onlyAttachment();
    String target = OutlookItem.message(Mailbox.me(), draft).resourcePath();
    String head = "\"uploadId\":\"<id>\",\"file\":\"<file>\"";
    assertThat(result.code()).isZero();
    assertThat(result.err()).isEmpty();
    assertThat(normalized(result.outLines(), file, stored.id()))
        .containsExactly(
            "{\"event\":\"started\","
                + head
                + ",\"name\":\"big.zip\",\"size\":10485765,\"contentType\":\"application/zip\","
                + "\"target\":\""
                + target
                + "\",\"route\":\"uploadSession\",\"resumedFrom\":0}",
            "{\"event\":\"progress\","
                + head
                + ",\"bytesDone\":4194304,\"totalBytes\":10485765,\"bytesPerSecond\":0}",
            "{\"event\":\"progress\","
                + head
                + ",\"bytesDone\":8388608,\"totalBytes\":10485765,\"bytesPerSecond\":0}",
            "{\"event\":\"completed\","
                + head
                + ",\"attachmentId\":\"<attachmentId>\",\"bytes\":10485765,"
                + "\"route\":\"uploadSession\","
                + "\"elapsedMillis\":0,\"rangesSent\":3,\"rangesResent\":0}");
    assertThat(result.out()).contains("\"uploadId\":\"" + uploadId(result) + "\"");
    assertThat(stored.sha256()).isEqualTo(TestFiles.sha256(file));
    assertThat(emulator.latestSession().violations()).isEmpty();
  }

  @Test
  void retriesAndNewSessionsShowAsJsonEvents() throws IOException {
    Path file = TestFiles.random(home.resolve("big.zip"), LARGE, 13);
    emulator.faults().add(FaultRule.on(RequestKind.UPLOAD_PUT).after(1).times(1).status(503, 1));
    emulator.faults().add(FaultRule.on(RequestKind.UPLOAD_PUT).after(3).times(1).deleteSession());

    TestCli.Result result = cli.run("attach", file.toString(), "--message", draft, "--json");

    String head = "\"uploadId\":\"<id>\",\"file\":\"<file>\"";
    assertThat(result.code()).isZero();
    assertThat(normalized(result.outLines(), file, onlyAttachment().id()))
        .filteredOn(line -> !line.startsWith("{\"event\":\"started\""))
        .containsExactly(
            "{\"event\":\"progress\","
                + head
                + ",\"bytesDone\":4194304,\"totalBytes\":10485765,"
                + "\"bytesPerSecond\":0}",
            "{\"event\":\"retry\","
                + head
                + ",\"attempt\":1,\"delayMillis\":1000,"
                + "\"reason\":\"HTTP 503 ServiceUnavailable\"}",
            "{\"event\":\"progress\","
                + head
                + ",\"bytesDone\":8388608,\"totalBytes\":10485765,"
                + "\"bytesPerSecond\":0}",
            "{\"event\":\"restarted\","
                + head
                + ",\"reason\":\"the session expired or was deleted"
                + " (HTTP 404)\"}",
            "{\"event\":\"progress\","
                + head
                + ",\"bytesDone\":4194304,\"totalBytes\":10485765,"
                + "\"bytesPerSecond\":0}",
            "{\"event\":\"progress\","
                + head
                + ",\"bytesDone\":8388608,\"totalBytes\":10485765,"
                + "\"bytesPerSecond\":0}",
            "{\"event\":\"completed\","
                + head
                + ",\"attachmentId\":\"<attachmentId>\","
                + "\"bytes\":10485765,\"route\":\"uploadSession\",\"elapsedMillis\":0,"
                + "\"rangesSent\":7,\"rangesResent\":4}");
    assertThat(emulator.latestSession().sha256()).isEqualTo(TestFiles.sha256(file));
    assertThat(cli.sleeps).containsExactly(Duration.ofSeconds(1));
  }

  @Test
  void smallFileEmitsStartedAndCompletedInJson() throws IOException {
    Path file = TestFiles.random(home.resolve("logo.png"), 2048, 3);

    TestCli.Result result = cli.run("--json", "attach", file.toString(), "--message", draft);

    String target = OutlookItem.message(Mailbox.me(), draft).resourcePath();
    assertThat(result.code()).isZero();
    assertThat(normalized(result.outLines(), file, onlyAttachment().id()))
        .containsExactly(
            "{\"event\":\"started\",\"uploadId\":\"<id>\",\"file\":\"<file>\","
                + "\"name\":\"logo.png\","
                + "\"size\":2048,\"contentType\":\"image/png\",\"target\":\""
                + target
                + "\",\"route\":\"singleRequest\",\"resumedFrom\":0}",
            "{\"event\":\"completed\",\"uploadId\":\"<id>\",\"file\":\"<file>\","
                + "\"attachmentId\":\"<attachmentId>\",\"bytes\":2048,\"route\":\"singleRequest\","
                + "\"elapsedMillis\":0,\"rangesSent\":0,\"rangesResent\":0}");
  }

  @Test
  void missingFileIsAJsonFailedEventWithCodeAndMessage() {
    Path missing = home.resolve("gone.pdf");

    TestCli.Result result = cli.run("attach", missing.toString(), "--message", draft, "--json");

    String sentence = missing + " does not exist; check the path.";
    assertThat(result.code()).isEqualTo(3);
    assertThat(result.outLines())
        .containsExactly(
            "{\"event\":\"failed\",\"uploadId\":null,\"file\":\""
                + missing
                + "\",\"error\":{\"code\":\"invalidInput\",\"message\":\""
                + sentence
                + "\",\"category\":\"invalidInput\",\"retryable\":false}}");
    assertThat(result.err()).isEqualTo(sentence + "\n");
  }

  @Test
  void quietPrintsOnlyTheAttachmentIds() throws IOException {
    Path first = TestFiles.random(home.resolve("a.txt"), 1000, 4);
    Path second = TestFiles.random(home.resolve("b.txt"), 3_500_000, 5);

    TestCli.Result result =
        cli.run("attach", first.toString(), second.toString(), "--message", draft, "-q");

    List<AttachmentInfo> stored = emulator.mailboxes().me().attachments(draft);
    assertThat(result.code()).isZero();
    assertThat(result.outLines()).containsExactly(idOf(stored, "a.txt"), idOf(stored, "b.txt"));
    assertThat(result.err()).isEmpty();
  }

  @Test
  void filesGoThreeAtOnceWithParallel() throws IOException {
    Path a = TestFiles.random(home.resolve("a.bin"), 3_100_000, 6);
    Path b = TestFiles.random(home.resolve("b.bin"), 3_200_000, 7);
    Path c = TestFiles.random(home.resolve("c.bin"), 3_300_000, 8);

    TestCli.Result result =
        cli.run(
            "attach",
            a.toString(),
            b.toString(),
            c.toString(),
            "--message",
            draft,
            "-q",
            "--parallel",
            "3");

    List<AttachmentInfo> stored = emulator.mailboxes().me().attachments(draft);
    assertThat(result.code()).isZero();
    assertThat(result.outLines())
        .containsExactlyInAnyOrder(
            idOf(stored, "a.bin"), idOf(stored, "b.bin"), idOf(stored, "c.bin"));
    assertThat(stored)
        .extracting(AttachmentInfo::sha256)
        .containsExactlyInAnyOrder(TestFiles.sha256(a), TestFiles.sha256(b), TestFiles.sha256(c));
    assertThat(emulator.violations()).isEmpty();
  }

  @Test
  void inlineAttachmentCarriesItsContentIdToTheEvent() throws IOException {
    String event = emulator.mailboxes().me().createEvent("launch");
    Path file = TestFiles.random(home.resolve("chart.png"), 5000, 9);

    TestCli.Result result =
        cli.run(
            "attach",
            file.toString(),
            "--event",
            event,
            "--inline",
            "--content-id",
            "chart1",
            "--name",
            "Q3 chart.png",
            "--content-type",
            "image/x-chart");

    AttachmentInfo stored = emulator.mailboxes().me().attachments(event).get(0);
    assertThat(result.code()).isZero();
    assertThat(result.out()).isEqualTo("Attached chart.png (4.9 KiB) as " + stored.id() + "\n");
    assertThat(stored.inline()).isTrue();
    assertThat(stored.contentId()).isEqualTo("chart1");
    assertThat(stored.name()).isEqualTo("Q3 chart.png");
    assertThat(stored.contentType()).isEqualTo("image/x-chart");
  }

  @Test
  void anotherUsersMailboxTakesFilesWithAnApplicationToken() throws IOException {
    String shared = "shared@contoso.onmicrosoft.com";
    String sharedDraft = emulator.mailboxes().user(shared).createDraft("shared");
    Path file = TestFiles.random(home.resolve("report.pdf"), 3_100_000, 10);
    cli.environment.put("GRAPH_UPLOAD_TOKEN", "app:daemon");

    TestCli.Result result =
        cli.run("attach", file.toString(), "--message", sharedDraft, "--user", shared, "-q");

    AttachmentInfo stored = emulator.mailboxes().user(shared).attachments(sharedDraft).get(0);
    assertThat(result.code()).isZero();
    assertThat(result.out()).isEqualTo(stored.id() + "\n");
    assertThat(stored.sha256()).isEqualTo(TestFiles.sha256(file));
  }

  @Test
  void terminalShowsABarPerFileThenTheResultLine() throws IOException {
    Path file = TestFiles.random(home.resolve("deck.zip"), LARGE, 11);
    cli.interactive = true;

    TestCli.Result result = cli.run("attach", file.toString(), "--message", draft);

    String clear = "\r\033[2K";
    // 4 MiB of 10 MiB and 5 bytes is just under 40%.
    String bar0 = "deck.zip [" + ".".repeat(23) + "]   0%  0B/10.0MiB";
    String bar39 = "deck.zip [" + "#".repeat(8) + ".".repeat(15) + "]  39%  4.0MiB/10.0MiB";
    String bar79 = "deck.zip [" + "#".repeat(18) + ".".repeat(5) + "]  79%  8.0MiB/10.0MiB";
    assertThat(result.code()).isZero();
    assertThat(result.out())
        .isEqualTo("Attached deck.zip (10.0 MiB) as " + onlyAttachment().id() + "\n");
    assertThat(result.err())
        .isEqualTo(
            "Uploading deck.zip (10.0 MiB) to message "
                + draft
                + " in me.\n"
                + bar0
                + clear
                + bar39
                + clear
                + bar79
                + clear);
  }

  @Test
  void pipeShowsAProgressLineEveryFewSeconds() throws IOException {
    Path file = TestFiles.random(home.resolve("deck.zip"), LARGE, 12);
    AtomicLong ticks = new AtomicLong();
    // Each look at the clock is five seconds after the one before.
    cli.clock =
        new Clock() {
          @Override
          public Instant instant() {
            return TestCli.NOW.plusSeconds(5 * ticks.getAndIncrement());
          }

          @Override
          public ZoneId getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(ZoneId zone) {
            return this;
          }
        };

    TestCli.Result result = cli.run("attach", file.toString(), "--message", draft);

    assertThat(result.code()).isZero();
    assertThat(result.errLines())
        .containsExactly(
            "Uploading deck.zip (10.0 MiB) to message " + draft + " in me.",
            "deck.zip: 4.0 MiB of 10.0 MiB (39%), 819.2 KiB/s",
            "deck.zip: 8.0 MiB of 10.0 MiB (79%), 819.2 KiB/s");
  }

  @Test
  void limitRateCutsRangesOfAboutOneSecondEach() throws IOException {
    Path file = TestFiles.random(home.resolve("slow.bin"), 3_500_000, 14);
    // The engine's clock stands still too, so that each wait is exactly the budget's.
    cli.overrides.add(binder -> binder.bind(Clock.class).toInstance(cli.clock));

    TestCli.Result result =
        cli.run("attach", file.toString(), "--message", draft, "--limit-rate", "1M", "-q");

    assertThat(result.code()).isZero();
    assertThat(emulator.latestSession().ranges())
        .extracting(range -> range.contentRange())
        .containsExactly(
            "bytes 0-1048575/3500000",
            "bytes 1048576-2097151/3500000",
            "bytes 2097152-3145727/3500000",
            "bytes 3145728-3499999/3500000");
    assertThat(emulator.latestSession().sha256()).isEqualTo(TestFiles.sha256(file));
    // With the clock standing still, each range waits its full second behind the others.
    assertThat(cli.sleeps)
        .containsExactly(
            Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofNanos(2_337_860_107L));
  }

  @Test
  void limitRateComesFromTheEnvironmentToo() throws IOException {
    Path file = TestFiles.random(home.resolve("slow.bin"), 3_500_000, 15);
    cli.environment.put("GRAPH_UPLOAD_LIMIT_RATE", "2M");

    TestCli.Result result = cli.run("attach", file.toString(), "--message", draft, "-q");

    assertThat(result.code()).isZero();
    assertThat(emulator.latestSession().ranges())
        .extracting(range -> range.contentRange())
        .containsExactly("bytes 0-2097151/3500000", "bytes 2097152-3499999/3500000");
  }

  private AttachmentInfo onlyAttachment() {
    List<AttachmentInfo> attachments = emulator.mailboxes().me().attachments(draft);
    assertThat(attachments).hasSize(1);
    return attachments.get(0);
  }

  private static String idOf(List<AttachmentInfo> attachments, String name) {
    return attachments.stream()
        .filter(attachment -> attachment.name().equals(name))
        .findFirst()
        .orElseThrow()
        .id();
  }

  private static String uploadId(TestCli.Result result) {
    return result.out().replaceAll("(?s).*?\"uploadId\":\"([0-9a-f]{12})\".*", "$1");
  }

  /** Replaces what differs from run to run: ids, paths, rates and durations. */
  static List<String> normalized(List<String> lines, Path file, String attachmentId) {
    return lines.stream()
        .map(
            line ->
                line.replace(file.toString(), "<file>")
                    .replace(attachmentId, "<attachmentId>")
                    .replaceAll("\"uploadId\":\"[0-9a-f]{12}\"", "\"uploadId\":\"<id>\"")
                    .replaceAll("\"bytesPerSecond\":\\d+", "\"bytesPerSecond\":0")
                    .replaceAll("\"elapsedMillis\":\\d+", "\"elapsedMillis\":0"))
        .toList();
  }
}
