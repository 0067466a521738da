package io.graphupload.core;

import static io.graphupload.core.Harness.MIB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.graphupload.core.FakeGraph.Refuse;
import io.graphupload.core.UploadException.Category;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MailSenderTest {
  private static final Draft DRAFT =
      new Draft(
          "Q3 figures",
          "<p>See <img src=\"cid:chart\"></p>",
          true,
          List.of("ada@contoso.com"),
          List.of(),
          List.of("audit@contoso.com"));

  @TempDir Path dir;

  @Test
  void createsTheDraftAttachesEveryFileAndSendsIt() throws Exception {
    Harness harness = new Harness(dir);
    Path small = harness.file("notes.txt", 1000);
    Path chart = harness.file("chart.png", 2000);
    Path large = harness.file("deck.pptx", 5L * MIB);
    MailSender sender = new MailSender(harness.uploader(), 35_000_000);

    SentMessage sent =
        sender.send(
            Mailbox.me(),
            DRAFT,
            List.of(
                AttachmentFile.of(small),
                new AttachmentFile(chart, null, null, "chart"),
                AttachmentFile.of(large)));

    assertThat(sent.messageId()).isEqualTo("draft-1");
    assertThat(harness.graph.log)
        .containsExactly(
            "DRAFT me Q3 figures to [ada@contoso.com]",
            "POST me/messages/draft-1/attachments notes.txt 1000",
            "POST me/messages/draft-1/attachments chart.png 2000",
            "CREATE me/messages/draft-1/attachments/createUploadSession deck.pptx",
            "PUT bytes 0-4194303/5242880",
            "PUT bytes 4194304-5242879/5242880",
            "SEND me/messages/draft-1");
    assertThat(sent.attachments()).hasSize(3);
    assertThat(harness.graph.attachments.get(sent.attachments().get(2).attachmentId()))
        .isEqualTo(Files.readAllBytes(large));
  }

  @Test
  void filesOverTheMessageLimitAreRefusedBeforeAnyRequest() throws Exception {
    Harness harness = new Harness(dir);
    Path a = harness.sparseFile("a.bin", 20L * MIB);
    Path b = harness.sparseFile("b.bin", 20L * MIB);
    MailSender sender = new MailSender(harness.uploader(), 36_700_160);

    assertThatThrownBy(
            () ->
                sender.send(
                    Mailbox.me(), DRAFT, List.of(AttachmentFile.of(a), AttachmentFile.of(b))))
        .isInstanceOfSatisfying(
            UploadException.class, e -> assertThat(e.category()).isEqualTo(Category.INVALID_INPUT))
        .hasMessage(
            "The attachments add up to 41943040 bytes, over the mailbox's message size limit of"
                + " 36700160 bytes. Send them in several messages, share the largest through"
                + " OneDrive, or ask the tenant's administrator to raise the limit (at most 150"
                + " MB).");
    assertThat(harness.graph.log).isEmpty();
  }

  @Test
  void missingFileIsRefusedBeforeTheDraftIsCreated() {
    Harness harness = new Harness(dir);
    MailSender sender = new MailSender(harness.uploader(), 35_000_000);
    Path missing = dir.resolve("missing.pdf");

    assertThatThrownBy(() -> sender.send(Mailbox.me(), DRAFT, List.of(AttachmentFile.of(missing))))
        .hasMessage(missing + " does not exist; check the path.");
    assertThat(harness.graph.log).isEmpty();
  }

  @Test
  void failedAttachmentKeepsTheDraftAndSaysWhatToResume() throws Exception {
    Harness harness = new Harness(dir);
    Path small = harness.file("notes.txt", 1000);
    Path large = harness.file("deck.pptx", 5L * MIB);
    for (int i = 0; i < 2; i++) {
      harness.graph.fault(
          FakeGraph.Op.PUT, new Refuse(503, "serviceNotAvailable", Duration.ofSeconds(1)));
    }
    RetryPolicy twoTries =
        new RetryPolicy(2, Duration.ofMinutes(1), Duration.ofSeconds(1), Duration.ofSeconds(5));
    MailSender sender =
        new MailSender(harness.uploader(builder -> builder.retryPolicy(twoTries)), 35_000_000);

    assertThatThrownBy(
            () ->
                sender.send(
                    Mailbox.me(),
                    DRAFT,
                    List.of(AttachmentFile.of(small), AttachmentFile.of(large))))
        .isInstanceOfSatisfying(
            MessageNotSentException.class,
            e -> {
              assertThat(e.category()).isEqualTo(Category.TRANSIENT);
              assertThat(e.draftId()).isEqualTo("draft-1");
              assertThat(e.failedUploadId()).hasSize(12);
              assertThat(e.getMessage())
                  .startsWith("The message was not sent: attaching " + large + " failed: Gave up")
                  .endsWith(
                      " The draft draft-1 is kept with 1 of 2 attachments; resume upload "
                          + e.failedUploadId()
                          + ", then send draft draft-1.");
            });
    assertThat(harness.graph.log).noneMatch(line -> line.startsWith("SEND"));
    assertThat(harness.store.checkpoints).hasSize(1);
  }

  @Test
  void failedSendKeepsTheDraftAndSaysToSendItAgain() throws Exception {
    Harness harness = new Harness(dir);
    Path small = harness.file("notes.txt", 1000);
    harness.graph.fault(FakeGraph.Op.SEND, new Refuse(404, "ErrorItemNotFound", null));
    MailSender sender = new MailSender(harness.uploader(), 35_000_000);

    assertThatThrownBy(() -> sender.send(Mailbox.me(), DRAFT, List.of(AttachmentFile.of(small))))
        .isInstanceOfSatisfying(
            MessageNotSentException.class,
            e -> {
              assertThat(e.draftId()).isEqualTo("draft-1");
              assertThat(e.failedUploadId()).isNull();
              assertThat(e.errorCode()).isEqualTo("ErrorItemNotFound");
            })
        .hasMessage(
            "The message was not sent: sending draft draft-1 failed: refused with 404"
                + " ErrorItemNotFound The draft is kept with all 1 attachments; send draft draft-1"
                + " again, after checking Sent Items.");
  }

  @Test
  void stopKeepsTheAttachmentInFlightResumableAndSendsNothing() throws Exception {
    Harness harness = new Harness(dir);
    Path small = harness.file("notes.txt", 1000);
    Path large = harness.file("deck.pptx", 9L * MIB);
    harness.graph.pass(FakeGraph.Op.PUT, 1);
    harness.graph.fault(FakeGraph.Op.PUT, new Refuse(503, "serviceNotAvailable", null));
    MailSender sender = new MailSender(harness.uploader(), 35_000_000);
    harness.time.onSleep = sender::stop;

    assertThatThrownBy(
            () ->
                sender.send(
                    Mailbox.me(),
                    DRAFT,
                    List.of(AttachmentFile.of(small), AttachmentFile.of(large))))
        .isInstanceOfSatisfying(
            MessageNotSentException.class,
            e -> {
              assertThat(e.category()).isEqualTo(Category.TRANSIENT);
              assertThat(e.getMessage()).contains(" was stopped; its checkpoint is kept");
            });
    assertThat(harness.graph.log).noneMatch(line -> line.startsWith("SEND"));
    assertThat(harness.graph.log).doesNotContain("DELETE");
    assertThat(harness.store.checkpoints.values())
        .singleElement()
        .satisfies(checkpoint -> assertThat(checkpoint.acknowledgedOffset()).isEqualTo(4L * MIB));
  }

  @Test
  void draftNeedsARecipientWithAnAddress() {
    assertThatThrownBy(() -> new Draft("s", "b", false, List.of(), List.of(), List.of()))
        .hasMessage("A message needs at least one recipient; add --to");
    assertThatThrownBy(() -> new Draft("s", "b", false, List.of("ada"), List.of(), List.of()))
        .hasMessage("'ada' is not an email address; write it as name@example.com");
  }
}
