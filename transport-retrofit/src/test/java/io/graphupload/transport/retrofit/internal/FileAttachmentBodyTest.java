package io.graphupload.transport.retrofit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.graphupload.core.Attachment;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Base64;
import java.util.Random;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FileAttachmentBodyTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 3, 4, 49_151, 49_152, 49_153, 150_001})
  void writesTheBase64OfTheWholeFileInExactlyTheAdvertisedLength(int size) throws Exception {
    byte[] content = content(size);

    try (RecordingFileChannel channel = open(content)) {
      FileAttachmentBody body =
          new FileAttachmentBody(
              channel, Attachment.file("a.bin", size, "application/octet-stream"));
      Buffer sink = new Buffer();
      body.writeTo(sink);

      String expected =
          "{\"@odata.type\":\"#microsoft.graph.fileAttachment\",\"name\":\"a.bin\","
              + "\"contentType\":\"application/octet-stream\",\"isInline\":false,"
              + "\"contentBytes\":\""
              + Base64.getEncoder().encodeToString(content)
              + "\"}";
      assertThat(body.contentLength()).isEqualTo(sink.size());
      assertThat(sink.readUtf8()).isEqualTo(expected);
      assertThat(channel.reads())
          .allSatisfy(read -> assertThat(read.requested()).isLessThanOrEqualTo(48 * 1024));
    }
  }

  @Test
  void escapesNamesAndCarriesTheContentIdOfInlineAttachments() throws Exception {
    try (RecordingFileChannel channel = open(new byte[] {1, 2, 3})) {
      FileAttachmentBody body =
          new FileAttachmentBody(
              channel, new Attachment("a \"b\"\\ c\n.png", 3, "image/png", true, "logo@x"));
      Buffer sink = new Buffer();
      body.writeTo(sink);

      assertThat(sink.readString(StandardCharsets.UTF_8))
          .isEqualTo(
              "{\"@odata.type\":\"#microsoft.graph.fileAttachment\","
                  + "\"name\":\"a \\\"b\\\"\\\\ c\\n.png\",\"contentType\":\"image/png\","
                  + "\"isInline\":true,\"contentId\":\"logo@x\",\"contentBytes\":\"AQID\"}");
      assertThat(body.isOneShot()).as("a repeated POST would attach the file twice").isTrue();
    }
  }

  @Test
  void fileThatEndsTooEarlyIsReportedAsChanged() throws Exception {
    try (RecordingFileChannel channel = open(content(10))) {
      FileAttachmentBody body = new FileAttachmentBody(channel, Attachment.file("a", 20, "a/b"));

      assertThatThrownBy(() -> body.writeTo(new Buffer()))
          .isInstanceOf(FileChangedException.class)
          .hasMessageStartingWith("The file ended at byte 10 although the upload needs 20 bytes");
    }
  }

  private RecordingFileChannel open(byte[] content) throws Exception {
    Path file = Files.write(dir.resolve("f" + content.length), content);
    return new RecordingFileChannel(FileChannel.open(file, StandardOpenOption.READ));
  }

  private static byte[] content(int size) {
    byte[] bytes = new byte[size];
    new Random(size).nextBytes(bytes);
    return bytes;
  }
}
