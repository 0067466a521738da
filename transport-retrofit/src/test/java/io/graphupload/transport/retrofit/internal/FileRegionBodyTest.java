package io.graphupload.transport.retrofit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.graphupload.core.spi.ContentRange;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Random;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileRegionBodyTest {
  @TempDir Path dir;

  @Test
  void writesExactlyTheRangeInPositionalChunksTheSameEachTime() throws Exception {
    byte[] content = content(300_000);
    ContentRange range = new ContentRange(70_001, 200_000, 300_000);

    try (RecordingFileChannel channel = open(content)) {
      FileRegionBody body = new FileRegionBody(channel, range);
      Buffer first = new Buffer();
      Buffer second = new Buffer();
      body.writeTo(first);
      body.writeTo(second);

      byte[] expected = Arrays.copyOfRange(content, 70_001, 270_001);
      assertThat(first.readByteArray()).isEqualTo(expected);
      assertThat(second.readByteArray()).isEqualTo(expected);
      assertThat(body.contentLength()).isEqualTo(200_000);
      assertThat(body.isOneShot()).as("OkHttp must leave resends to the engine").isTrue();
      assertThat(body.contentType()).hasToString("application/octet-stream");
      assertThat(channel.reads())
          .allSatisfy(read -> assertThat(read.requested()).isLessThanOrEqualTo(64 * 1024))
          .hasSize(8)
          .first()
          .isEqualTo(new RecordingFileChannel.Read(70_001, 64 * 1024));
      assertThat(channel.position()).isZero();
    }
  }

  @Test
  void oneByteRangeReadsOneByte() throws Exception {
    byte[] content = content(10);

    try (RecordingFileChannel channel = open(content)) {
      Buffer sink = new Buffer();
      new FileRegionBody(channel, new ContentRange(9, 1, 10)).writeTo(sink);

      assertThat(sink.readByteArray()).containsExactly(content[9]);
      assertThat(channel.reads()).containsExactly(new RecordingFileChannel.Read(9, 1));
    }
  }

  @Test
  void fileThatEndsTooEarlyIsReportedAsChanged() throws Exception {
    try (RecordingFileChannel channel = open(content(100))) {
      FileRegionBody body = new FileRegionBody(channel, new ContentRange(50, 100, 150));

      assertThatThrownBy(() -> body.writeTo(new Buffer()))
          .isInstanceOf(FileChangedException.class)
          .hasMessage(
              "The file ended at byte 100 although the upload needs 150 bytes: it was changed"
                  + " after the upload started. Start a new upload of the file as it is now.");
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
