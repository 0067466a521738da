package io.graphupload.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.graphupload.core.Checkpoint;
import io.graphupload.emulator.AttachmentInfo;
import io.graphupload.emulator.Emulator;
import io.graphupload.emulator.EmulatorExtension;
import io.graphupload.emulator.FaultRule;
import io.graphupload.emulator.RequestKind;
import io.graphupload.storage.FileResumeStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class SendCommandTest {
  static final int LARGE = 10 * 1024 * 1024 + 5;

  @RegisterExtension static EmulatorExtension graph = new EmulatorExtension();

  @TempDir Path home;
  Emulator emulator;
  TestCli cli;

  @BeforeEach
  void setUp(Emulator emulator) {
    this.emulator = emulator;
    cli = new TestCli(home);
    cli.environment.put("GRAPH_UPLOAD_ENDPOINT", emulator.baseUri().toString());
    cli.environment.put("GRAPH_UPLOAD_TOKEN", "test-token");
  }

  @Test
  void sentMessageLandsInSentItemsWithExactAttachmentsAndItsInlineImage() throws IOException {
    Path report = TestFiles.random(home.resolve("report.pdf"), LARGE, 1);
    Path notes = TestFiles.random(home.resolve("notes.txt"), 100_000, 2);
    Path logo = TestFiles.random(home.resolve("logo.png"), 4096, 3);

    TestCli.Result result =
        cli.run(
            "send",
            "--to",
            "ada@contoso.com,grace@contoso.com",
            "--cc",
            "alan@contoso.com",
            "--subject",
            "Q3 report",
            "--html",
            "--body",
            "<p>Here it is.</p><img src=\"cid:logo\">",
            "--attach",
            report.toString(),
            notes.toString(),
            "--inline",
            logo + "=logo");

    List<String> sent = emulator.mailboxes().me().sentItems();
    assertThat(result.code()).as(result.err()).isZero();
    assertThat(sent).hasSize(1);
    assertThat(emulator.mailboxes().me().drafts()).isEmpty();
    List<AttachmentInfo> attachments = emulator.mailboxes().me().attachments(sent.get(0));
    assertThat(attachments)
        .extracting(
            AttachmentInfo::name,
            AttachmentInfo::size,
            AttachmentInfo::sha256,
            AttachmentInfo::inline,
            AttachmentInfo::contentId)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "report.pdf", (long) LARGE, TestFiles.sha256(report), false, null),
            org.assertj.core.groups.Tuple.tuple(
                "notes.txt", 100_000L, TestFiles.sha256(notes), false, null),
            org.assertj.core.groups.Tuple.tuple(
                "logo.png", 4096L, TestFiles.sha256(logo), true, "logo"));
    assertThat(result.outLines()).hasSize(4);
    assertThat(result.outLines().subList(0, 3))
        .extracting(line -> line.replaceAll(" as \\S+$", ""))
        .containsExactly(
            "Attached report.pdf (10.0 MiB)",
            "Attached notes.txt (97.7 KiB)",
            "Attached logo.png (4.0 KiB)");
    assertThat(result.outLines().get(3))
        .matches(
            "Sent to ada@contoso\\.com, grace@contoso\\.com, alan@contoso\\.com as message \\S+=");
  }

  @Test
  void jsonEventsAreThoseOfAttachThenSent() throws IOException {
    Path notes = TestFiles.random(home.resolve("notes.txt"), 1000, 4);

    TestCli.Result result =
        cli.run(
            "--json",
            "send",
            "--to",
            "ada@contoso.com",
            "--subject",
            "Notes",
            "--attach",
            notes.toString());

    assertThat(result.code()).isZero();
    assertThat(result.err()).isEmpty();
    List<String> lines = result.outLines();
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0)).startsWith("{\"event\":\"started\",");
    assertThat(lines.get(1)).startsWith("{\"event\":\"completed\",");
    String attachmentId = lines.get(1).replaceAll(".*\"attachmentId\":\"([^\"]+)\".*", "$1");
    String uploadId = lines.get(1).replaceAll(".*\"uploadId\":\"([^\"]+)\".*", "$1");
    assertThat(lines.get(2))
        .matches(
            "\\{\"event\":\"sent\",\"messageId\":\"[^\"]+\",\"subject\":\"Notes\","
                + "\"to\":\\[\"ada@contoso.com\"\\],\"cc\":\\[\\],\"bcc\":\\[\\],"
                + "\"attachments\":\\[\\{\"uploadId\":\""
                + uploadId
                + "\",\"attachmentId\":\""
                + java.util.regex.Pattern.quote(attachmentId)
                + "\",\"bytes\":1000\\}\\]\\}");
  }

  @Test
  void filesOverTheMessageSizeLimitAreRefusedBeforeAnyRequest() throws IOException {
    Path first = TestFiles.sparse(home.resolve("first.iso"), 3_000_000);
    Path second = TestFiles.sparse(home.resolve("second.iso"), 3_000_000);

    TestCli.Result result =
        cli.run(
            "send",
            "--to",
            "ada@contoso.com",
            "--subject",
            "Images",
            "--attach",
            first.toString(),
            second.toString(),
            "--max-message-size",
            "5M");

    assertThat(result.code()).isEqualTo(3);
    assertThat(result.err())
        .isEqualTo(
            "The attachments add up to 6000000 bytes, over the mailbox's message size limit of"
                + " 5242880 bytes. Send them in several messages, share the largest through"
                + " OneDrive, or ask the tenant's administrator to raise the limit (at most 150"
                + " MB).\n");
    assertThat(result.out()).isEmpty();
    assertThat(emulator.requests()).isEmpty();
  }

  @Test
  void defaultLimitIsExchangeOnlinesThirtyFiveMegabytes() throws IOException {
    Path big = TestFiles.sparse(home.resolve("big.iso"), 36_700_161);
    cli.environment.put("GRAPH_UPLOAD_RETRIES", "1");

    TestCli.Result result =
        cli.run("send", "--to", "ada@contoso.com", "--subject", "x", "--attach", big.toString());

    assertThat(result.code()).isEqualTo(3);
    assertThat(result.err())
        .startsWith(
            "The attachments add up to 36700161 bytes, over the mailbox's message size limit of"
                + " 36700160 bytes.");
    assertThat(emulator.requests()).isEmpty();
  }

  @Test
  void failedLargeAttachmentKeepsTheDraftAndSaysHowToFinishIt() throws IOException {
    Path notes = TestFiles.random(home.resolve("notes.txt"), 1000, 5);
    Path big = TestFiles.random(home.resolve("big.bin"), LARGE, 6);
    cli.environment.put("GRAPH_UPLOAD_RETRIES", "2");
    // Retry-After 1, not 0: OkHttp itself repeats a 503 that asks for no wait.
    emulator.faults().add(FaultRule.on(RequestKind.UPLOAD_PUT).after(1).status(503, 1));

    TestCli.Result result =
        cli.run(
            "send",
            "--to",
            "ada@contoso.com",
            "--subject",
            "Big",
            "--attach",
            notes.toString(),
            big.toString());

    List<String> drafts = emulator.mailboxes().me().drafts();
    Checkpoint checkpoint = FileResumeStore.create(cli.stateDirectory()).list().get(0);
    String draft = drafts.get(0);
    String id = checkpoint.uploadId();
    assertThat(result.code()).isEqualTo(75);
    assertThat(drafts).hasSize(1);
    assertThat(emulator.mailboxes().me().sentItems()).isEmpty();
    assertThat(emulator.mailboxes().me().attachments(draft))
        .extracting(AttachmentInfo::name)
        .containsExactly("notes.txt");
    assertThat(result.errLines())
        .last()
        .isEqualTo(
            "The message was not sent: attaching "
                + big
                + " failed: Gave up on upload "
                + id
                + " after 2 tries over 0 s: HTTP 503 ServiceUnavailable. The service or network"
                + " may be down for now; the checkpoint is kept, so resuming the upload later"
                + " continues where it stopped. Its draft "
                + draft
                + " is kept with 1 of 2 attachments. To discard it, run graph-upload cancel "
                + id
                + " and delete the draft from Drafts in Outlook. To finish and send it, run:"
                + " graph-upload resume "
                + id
                + " && graph-upload send --draft "
                + draft);
    assertThat(result.err()).doesNotContain("Resume it later with");

    emulator.faults().clear();
    assertThat(cli.run("resume", id, "-q").code()).isZero();
    TestCli.Result sent = cli.run("send", "--draft", draft);

    List<String> sentItems = emulator.mailboxes().me().sentItems();
    assertThat(sent.code()).isZero();
    assertThat(sent.out()).isEqualTo("Sent draft " + draft + "\n");
    assertThat(sentItems).hasSize(1);
    assertThat(emulator.mailboxes().me().attachments(sentItems.get(0)))
        .extracting(AttachmentInfo::name, AttachmentInfo::sha256)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("notes.txt", TestFiles.sha256(notes)),
            org.assertj.core.groups.Tuple.tuple("big.bin", TestFiles.sha256(big)));
  }

  @Test
  void failedSendKeepsTheDraftWithItsAttachmentsAndSaysHowToSendIt() throws IOException {
    Path notes = TestFiles.random(home.resolve("notes.txt"), 1000, 11);
    emulator.faults().add(FaultRule.on(RequestKind.GRAPH).path("/send$").times(1).status(503, 1));

    TestCli.Result result =
        cli.run("send", "--to", "ada@contoso.com", "--subject", "S", "--attach", notes.toString());

    String draft = emulator.mailboxes().me().drafts().get(0);
    assertThat(result.code()).isEqualTo(75);
    assertThat(result.errLines().get(result.errLines().size() - 1))
        .startsWith("The message was not sent: sending it failed: ")
        .endsWith(
            " Its draft "
                + draft
                + " is kept with all 1 attachments. Check Sent Items, then send it with:"
                + " graph-upload send --draft "
                + draft);
    assertThat(emulator.mailboxes().me().attachments(draft)).hasSize(1);

    TestCli.Result sent = cli.run("send", "--draft", draft);

    assertThat(sent.code()).isZero();
    assertThat(emulator.mailboxes().me().sentItems()).hasSize(1);
  }

  @Test
  void ctrlCStopsAfterTheRangeInFlightAndKeepsDraftAndCheckpoint() throws IOException {
    Path big = TestFiles.random(home.resolve("big.bin"), LARGE, 12);
    cli.overrides.add(
        InterceptingTransport.module(
            put -> {
              if (put == 1) {
                assertThat(cli.ctrlC.press()).isTrue();
              }
            }));

    TestCli.Result result =
        cli.run("send", "--to", "ada@contoso.com", "--subject", "Big", "--attach", big.toString());

    String draft = emulator.mailboxes().me().drafts().get(0);
    String id = onlyCheckpointId();
    assertThat(result.code()).isEqualTo(130);
    assertThat(result.errLines())
        .contains(
            "Stopping once the range on the wire is acknowledged, so that it need not go again;"
                + " press Ctrl-C again to quit at once.");
    assertThat(result.errLines().get(result.errLines().size() - 1))
        .endsWith(
            "To finish and send it, run: graph-upload resume "
                + id
                + " && graph-upload send --draft "
                + draft);
    assertThat(emulator.latestSession().ranges()).hasSize(1);
    assertThat(emulator.mailboxes().me().sentItems()).isEmpty();
    assertThat(cli.ctrlC.watched()).isFalse();

    TestCli.Result resumed = cli.run("resume", id, "-q");
    TestCli.Result sent = cli.run("send", "--draft", draft);

    assertThat(resumed.code()).isZero();
    assertThat(sent.code()).isZero();
    assertThat(emulator.latestSession().bytesResent()).isZero();
    assertThat(emulator.latestSession().sha256()).isEqualTo(TestFiles.sha256(big));
  }

  @Test
  void draftWithAnUnfinishedUploadIsNotSent() throws IOException {
    Path big = TestFiles.random(home.resolve("big.bin"), LARGE, 7);
    cli.environment.put("GRAPH_UPLOAD_RETRIES", "1");
    emulator.faults().add(FaultRule.on(RequestKind.UPLOAD_PUT).after(1).status(503, 1));
    String draft = emulator.mailboxes().me().createDraft("pending");
    cli.run("attach", big.toString(), "--message", draft, "-q");
    String id = FileResumeStore.create(cli.stateDirectory()).list().get(0).uploadId();

    TestCli.Result result = cli.run("send", "--draft", draft);

    assertThat(result.code()).isEqualTo(3);
    assertThat(result.err())
        .isEqualTo(
            "Draft "
                + draft
                + " still waits for "
                + big
                + " (upload "
                + id
                + "); finish that upload before sending, with: graph-upload resume "
                + id
                + "\n");
    assertThat(emulator.mailboxes().me().sentItems()).isEmpty();
  }

  @Test
  void interruptionSaysTheDraftIsKeptAndHowToFinishIt() throws IOException {
    Path big = TestFiles.random(home.resolve("big.bin"), LARGE, 9);
    Path notes = TestFiles.random(home.resolve("notes.txt"), 1000, 10);
    String[] draft = new String[1];
    String[] id = new String[1];
    // SIGTERM (or Ctrl-C) while the first range is on its way; the test's hooks only print.
    cli.overrides.add(
        InterceptingTransport.module(
            put -> {
              if (put == 1) {
                draft[0] = emulator.mailboxes().me().drafts().get(0);
                id[0] = onlyCheckpointId();
                cli.hooks.interrupt();
              }
            }));

    TestCli.Result result =
        cli.run(
            "send",
            "--to",
            "ada@contoso.com",
            "--subject",
            "Big",
            "--attach",
            big.toString(),
            notes.toString());

    assertThat(result.errLines())
        .contains(
            "Interrupted: the message was not sent. Its draft "
                + draft[0]
                + " is kept with 0 of 2 attachments. To discard it, run graph-upload cancel "
                + id[0]
                + " and delete the draft from Drafts in Outlook. To finish and send it, run:"
                + " graph-upload resume "
                + id[0]
                + " && graph-upload attach "
                + notes
                + " --message "
                + draft[0]
                + " && graph-upload send --draft "
                + draft[0]);
    assertThat(cli.hooks.registered()).isEmpty();
  }

  private String onlyCheckpointId() {
    try {
      List<Checkpoint> checkpoints = FileResumeStore.create(cli.stateDirectory()).list();
      assertThat(checkpoints).hasSize(1);
      return checkpoints.get(0).uploadId();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void badAddressIsAUsageErrorBeforeAnyRequest() throws IOException {
    Path notes = TestFiles.random(home.resolve("notes.txt"), 1000, 8);

    TestCli.Result result =
        cli.run("send", "--to", "ada", "--subject", "x", "--attach", notes.toString());

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err())
        .isEqualTo(
            "'ada' is not an email address; write it as name@example.com.\n"
                + "Run 'graph-upload send --help' for usage.\n");
    assertThat(emulator.requests()).isEmpty();
  }

  @Test
  void inlineImageNeedsAnHtmlBody() throws IOException {
    TestCli.Result result =
        cli.run("send", "--to", "ada@contoso.com", "--subject", "x", "--inline", "logo.png=logo");

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.errLines().get(0))
        .isEqualTo(
            "--inline images show only in an HTML body that refers to them as"
                + " <img src=\"cid:CID\">; add --html.");
  }
}
