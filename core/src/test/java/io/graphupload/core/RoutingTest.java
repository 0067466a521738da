package io.graphupload.core;

import static io.graphupload.core.Harness.DRAFT;
import static io.graphupload.core.Harness.MIB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.graphupload.core.UploadException.Category;
import io.graphupload.core.UploadResult.Route;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoutingTest {
  @TempDir Path dir;

  @Test
  void emptyFileIsRefusedBeforeAnyRequest() throws Exception {
    Harness harness = new Harness(dir);
    Path empty = harness.file("empty.txt", 0);

    assertThatThrownBy(() -> harness.uploader().upload(UploadRequest.of(empty, DRAFT)))
        .isInstanceOfSatisfying(
            UploadException.class, e -> assertThat(e.category()).isEqualTo(Category.INVALID_INPUT))
        .hasMessage(empty + " is empty; Outlook does not take empty attachments.");
    assertThat(harness.graph.log).isEmpty();
  }

  @Test
  void fileJustBelowThresholdGoesInOneRequest() throws Exception {
    Harness harness = new Harness(dir);
    Path file = harness.file("notes.pdf", 2_999_999);

    UploadResult result = harness.uploader().upload(UploadRequest.of(file, DRAFT));

    assertThat(result.route()).isEqualTo(Route.SINGLE_REQUEST);
    assertThat(harness.graph.log)
        .containsExactly("POST me/messages/AAMkDraft/attachments notes.pdf 2999999");
    assertThat(harness.graph.attachments.get(result.attachmentId()))
        .isEqualTo(Files.readAllBytes(file));
    assertThat(harness.store.saves).isEmpty();
  }

  @Test
  void fileAtThresholdGoesThroughSessionInOneRange() throws Exception {
    Harness harness = new Harness(dir);
    Path file = harness.file("slides.pptx", 3_000_000);

    UploadResult result = harness.uploader().upload(UploadRequest.of(file, DRAFT));

    assertThat(result.route()).isEqualTo(Route.UPLOAD_SESSION);
    assertThat(harness.graph.log)
        .containsExactly(
            "CREATE me/messages/AAMkDraft/attachments/createUploadSession slides.pptx",
            "PUT bytes 0-2999999/3000000");
    assertThat(harness.graph.attachments.get(result.attachmentId()))
        .isEqualTo(Files.readAllBytes(file));
  }

  @Test
  void largestAllowedFileGoesInThirtyEightRangesOfAtMostFourMebibytes() throws Exception {
    Harness harness = new Harness(dir);
    harness.graph.keepBytes = false;
    Path file = harness.sparseFile("video.mp4", 150L * MIB);

    UploadResult result = harness.uploader().upload(UploadRequest.of(file, DRAFT));

    assertThat(result.rangesSent()).isEqualTo(38);
    assertThat(harness.graph.puts)
        .allSatisfy(range -> assertThat(range.length()).isLessThanOrEqualTo(4 * MIB));
    assertThat(harness.putHeaders().get(0)).isEqualTo("bytes 0-4194303/157286400");
    assertThat(harness.putHeaders().get(37)).isEqualTo("bytes 155189248-157286399/157286400");
    assertThat(harness.graph.onlySession().received).isEqualTo(150L * MIB);
  }

  @Test
  void fileOneByteOverTheLimitIsRefusedBeforeAnyRequest() throws Exception {
    Harness harness = new Harness(dir);
    Path file = harness.sparseFile("huge.iso", 150L * MIB + 1);

    assertThatThrownBy(() -> harness.uploader().upload(UploadRequest.of(file, DRAFT)))
        .isInstanceOfSatisfying(
            UploadException.class, e -> assertThat(e.category()).isEqualTo(Category.INVALID_INPUT))
        .hasMessage(
            file
                + " is 157286401 bytes, over the 157286400 bytes (150 MiB) a message AAMkDraft"
                + " in me takes as an attachment; share it through OneDrive and send a link"
                + " instead.");
    assertThat(harness.graph.log).isEmpty();
  }

  @Test
  void missingFileAndDirectoryAreRefusedWithTheirOwnSentences() {
    Harness harness = new Harness(dir);
    Path missing = dir.resolve("nope.pdf");

    assertThatThrownBy(() -> harness.uploader().upload(UploadRequest.of(missing, DRAFT)))
        .hasMessage(missing + " does not exist; check the path.");
    assertThatThrownBy(() -> harness.uploader().upload(UploadRequest.of(dir, DRAFT)))
        .hasMessage(dir + " is a directory; give the path of a file.");
    assertThat(harness.graph.log).isEmpty();
  }

  @Test
  void cloudWithoutOutlookSessionsRefusesLargeFilesButTakesSmallOnes() throws Exception {
    Harness harness = new Harness(dir);
    Uploader uploader = harness.uploader(builder -> builder.cloud(Cloud.US_GOV_L4));
    Path large = harness.file("large.bin", 3_000_000);
    Path small = harness.file("small.bin", 10);

    assertThatThrownBy(() -> uploader.upload(UploadRequest.of(large, DRAFT)))
        .hasMessageStartingWith("Outlook offers no attachment upload sessions in the US_GOV_L4");
    assertThat(uploader.upload(UploadRequest.of(small, DRAFT)).route())
        .isEqualTo(Route.SINGLE_REQUEST);
  }

  @Test
  void attachmentTakesGivenNameTypeAndInlineContentId() throws Exception {
    Harness harness = new Harness(dir);
    Path file = harness.file("logo", 3_000_001);

    Upload upload =
        harness
            .uploader()
            .prepare(
                UploadRequest.of(file, DRAFT)
                    .withName("logo.png")
                    .withContentType("image/png")
                    .inline("logo@mail"));

    assertThat(upload.attachment())
        .isEqualTo(new Attachment("logo.png", 3_000_001, "image/png", true, "logo@mail"));
  }

  @Test
  void contentTypeIsGuessedFromTheFileName() throws Exception {
    Harness harness = new Harness(dir);
    Path file = harness.file("report.PDF", 5);

    Upload upload = harness.uploader().prepare(UploadRequest.of(file, DRAFT));

    assertThat(upload.attachment().contentType()).isEqualTo("application/pdf");
  }

  @Test
  void sameFileNameAndTargetAlwaysGetTheSameUploadId() throws Exception {
    Harness harness = new Harness(dir);
    Path file = harness.file("a.bin", 5);
    Uploader uploader = harness.uploader();

    String first = uploader.prepare(UploadRequest.of(file, DRAFT)).id();
    String again = uploader.prepare(UploadRequest.of(file, DRAFT)).id();
    String renamed = uploader.prepare(UploadRequest.of(file, DRAFT).withName("b.bin")).id();

    assertThat(first).hasSize(12).isEqualTo(again).isNotEqualTo(renamed);
  }
}
