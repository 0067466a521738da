package io.graphupload.core;

import static io.graphupload.core.Harness.DRAFT;
import static io.graphupload.core.Harness.MIB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.graphupload.core.UploadException.Category;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionUploadTest {
  @TempDir Path dir;

  @Test
  void sendsRangesInOrderAndReturnsTheAttachmentId() throws Exception {
    Harness harness = new Harness(dir);
    Path file = harness.file("big.bin", 10L * MIB + 1);

    UploadResult result = harness.uploader().upload(UploadRequest.of(file, DRAFT));

    assertThat(harness.putHeaders())
        .containsExactly(
            "bytes 0-4194303/10485761",
            "bytes 4194304-8388607/10485761",
            "bytes 8388608-10485760/10485761");
    assertThat(harness.graph.attachments.get(result.attachmentId()))
        .isEqualTo(Files.readAllBytes(file));
    assertThat(result.attachmentId()).isEqualTo("att-0");
    assertThat(result.bytes()).isEqualTo(10L * MIB + 1);
    assertThat(result.rangesSent()).isEqualTo(3);
    assertThat(result.rangesResent()).isZero();
  }

  @Test
  void savesCheckpointAfterEveryAcknowledgedRangeAndRemovesItAtTheEnd() throws Exception {
    Harness harness = new Harness(dir);
    Path file = harness.file("big.bin", 10L * MIB + 1);

    harness.uploader().upload(UploadRequest.of(file, DRAFT));

    assertThat(harness.store.saves)
        .extracting(Checkpoint::acknowledgedOffset)
        .containsExactly(0L, 4_194_304L, 8_388_608L);
    Checkpoint first = harness.store.saves.get(0);
    assertThat(first.file().hasContentHash()).isFalse();
    assertThat(first.file().size()).isEqualTo(10L * MIB + 1);
    assertThat(harness.store.saves.get(2).file().sha256())
        .isEqualTo(FileIdentity.of(file).sha256())
        .hasSize(64);
    assertThat(first.uploadUrl()).isEqualTo(harness.graph.onlySession().url);
    assertThat(first.target()).isEqualTo(DRAFT);
    assertThat(harness.store.checkpoints).isEmpty();
    assertThat(harness.store.locked).isEmpty();
  }

  @Test
  void reportsLifecycleEventsInOrder() throws Exception {
    Harness harness = new Harness(dir);
    Path file = harness.file("big.bin", 9L * MIB);

    UploadResult result = harness.uploader().upload(UploadRequest.of(file, DRAFT));

    assertThat(harness.events)
        .extracting(event -> event.getClass().getSimpleName())
        .containsExactly("Started", "RangeAcknowledged", "RangeAcknowledged", "Completed");
    assertThat(harness.events(UploadEvent.RangeAcknowledged.class))
        .extracting(UploadEvent.RangeAcknowledged::bytesDone)
        .containsExactly(4_194_304L, 8_388_608L);
    assertThat(harness.events(UploadEvent.Started.class).get(0).resumedFrom()).isZero();
    assertThat(harness.events(UploadEvent.Completed.class).get(0).result()).isEqualTo(result);
  }

  @Test
  void chunkSizeCapsEveryRange() throws Exception {
    Harness harness = new Harness(dir);
    Path file = harness.file("big.bin", 3_500_000);
    Uploader uploader =
        harness.uploader(builder -> builder.chunkPlanner(new LargestRangePlanner(MIB)));

    uploader.upload(UploadRequest.of(file, DRAFT));

    assertThat(harness.putHeaders())
        .containsExactly(
            "bytes 0-1048575/3500000",
            "bytes 1048576-2097151/3500000",
            "bytes 2097152-3145727/3500000",
            "bytes 3145728-3499999/3500000");
  }

  @Test
  void planOutsideTheRulesFailsBeforeItIsSent() throws Exception {
    Harness harness = new Harness(dir);
    Path file = harness.file("big.bin", 9L * MIB);
    Uploader uploader =
        harness.uploader(
            builder ->
                builder.chunkPlanner(
                    (offset, total, rules, recent) ->
                        new io.graphupload.core.spi.ContentRange(offset, 5L * MIB, total)));

    assertThatThrownBy(() -> uploader.upload(UploadRequest.of(file, DRAFT)))
        .isInstanceOfSatisfying(
            UploadException.class, e -> assertThat(e.category()).isEqualTo(Category.PERMANENT))
        .hasMessageContaining("planned bytes 0-5242879/9437184 where the server expects byte 0")
        .hasMessageContaining("at most 4194304 bytes");
    assertThat(harness.graph.puts).isEmpty();
    assertThat(harness.store.checkpoints).hasSize(1);
  }

  @Test
  void listenerThatThrowsDoesNotBreakTheUpload() throws Exception {
    Harness harness = new Harness(dir);
    Path file = harness.file("big.bin", 5L * MIB);
    Uploader uploader =
        harness.uploader(
            builder ->
                builder.listener(
                    event -> {
                      throw new IllegalStateException("listener bug");
                    }));

    UploadResult result = uploader.upload(UploadRequest.of(file, DRAFT));

    assertThat(result.rangesSent()).isEqualTo(2);
    assertThat(harness.events).hasSize(3);
  }

  @Test
  void eventAttachmentsUseTheEventsPath() throws Exception {
    Harness harness = new Harness(dir);
    Path file = harness.file("agenda.docx", 4L * MIB);
    OutlookItem event = OutlookItem.event(Mailbox.user("ada@contoso.com"), "AAMkEvent");

    harness.uploader().upload(UploadRequest.of(file, event));

    assertThat(harness.graph.log.get(0))
        .isEqualTo(
            "CREATE users/ada%40contoso.com/events/AAMkEvent/attachments/createUploadSession"
                + " agenda.docx");
    assertThat(harness.graph.puts).hasSize(1);
  }

  @Test
  void pendingListsUnfinishedUploads() throws Exception {
    Harness harness = new Harness(dir);
    Path file = harness.file("big.bin", 9L * MIB);
    harness.graph.pass(FakeGraph.Op.PUT, 1).fault(FakeGraph.Op.PUT, new FakeGraph.KillBefore());

    assertThatThrownBy(() -> harness.uploader().upload(UploadRequest.of(file, DRAFT)))
        .isInstanceOf(FakeGraph.Killed.class);

    List<Checkpoint> pending = harness.uploader().pending();
    assertThat(pending).hasSize(1);
    assertThat(pending.get(0).acknowledgedOffset()).isEqualTo(4L * MIB);
    assertThat(pending.get(0).toString()).doesNotContain("secret").contains("authtoken=REDACTED");
  }
}
