package io.graphupload.transport.retrofit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.graphupload.core.ByteRange;
import io.graphupload.core.UploadException;
import io.graphupload.core.spi.ContentRange;
import io.graphupload.core.spi.RangeAnswer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class PutRangeTest {
  private static final int MIB_4 = 4 * 1024 * 1024;

  @RegisterExtension static WireMockExtension server = Fixtures.wireMock();

  @TempDir Path dir;

  private final RetrofitTransport transport = Fixtures.transport(server);

  @AfterEach
  void close() {
    transport.close();
  }

  @Test
  void rangeGoesToTheExactUploadUrlWithExactHeadersAndNoAuthorization() throws Exception {
    byte[] content = Fixtures.content(10);
    server.stubFor(
        put(urlEqualTo(Fixtures.SESSION_PATH))
            .willReturn(
                okJson(
                    "{\"expirationDateTime\":\"2030-01-02T03:04:05Z\","
                        + "\"nextExpectedRanges\":[\"5\"]}")));

    RangeAnswer answer;
    try (FileChannel channel = Fixtures.open(Fixtures.file(dir, content))) {
      answer = transport.putRange(Fixtures.uploadUrl(server), new ContentRange(0, 5, 10), channel);
    }

    assertThat(answer)
        .isEqualTo(
            new RangeAnswer.Accepted(
                List.of(new ByteRange(5, -1)), Instant.parse("2030-01-02T03:04:05Z")));
    LoggedRequest request = onlyPut();
    assertThat(request.getUrl()).isEqualTo(Fixtures.SESSION_PATH);
    assertThat(request.getHeader("Content-Range")).isEqualTo("bytes 0-4/10");
    assertThat(request.getHeader("Content-Length")).isEqualTo("5");
    assertThat(request.getHeader("Content-Type")).isEqualTo("application/octet-stream");
    assertThat(request.containsHeader("Authorization")).isFalse();
    assertThat(request.containsHeader("Content-Encoding")).isFalse();
    assertThat(request.containsHeader("Transfer-Encoding")).isFalse();
    assertThat(request.containsHeader("Cookie")).isFalse();
    assertThat(request.getBody()).isEqualTo(Fixtures.slice(content, 0, 5));
  }

  @Test
  void fileOneBytePastFourMebibytesGoesAsAFullRangeThenOneByte() throws Exception {
    byte[] content = Fixtures.content(MIB_4 + 1);
    String location =
        "https://outlook.office.com/api/v2.0/Users('a@b')/Messages('AAMk=')"
            + "/Attachments('AAMkAtt=')";
    server.stubFor(
        put(urlEqualTo(Fixtures.SESSION_PATH))
            .withHeader("Content-Range", WireMock.equalTo("bytes 0-4194303/4194305"))
            .willReturn(okJson("{\"nextExpectedRanges\":[\"4194304\"]}")));
    server.stubFor(
        put(urlEqualTo(Fixtures.SESSION_PATH))
            .withHeader("Content-Range", WireMock.equalTo("bytes 4194304-4194304/4194305"))
            .willReturn(aResponse().withStatus(201).withHeader("Location", location)));

    RangeAnswer first;
    RangeAnswer last;
    try (FileChannel channel = Fixtures.open(Fixtures.file(dir, content))) {
      String url = Fixtures.uploadUrl(server);
      first = transport.putRange(url, new ContentRange(0, MIB_4, MIB_4 + 1), channel);
      last = transport.putRange(url, new ContentRange(MIB_4, 1, MIB_4 + 1), channel);
    }

    assertThat(first).isEqualTo(new RangeAnswer.Accepted(List.of(new ByteRange(MIB_4, -1)), null));
    assertThat(last).isEqualTo(new RangeAnswer.Completed("AAMkAtt="));
    List<LoggedRequest> puts = server.findAll(putRequestedFor(anyUrl()));
    assertThat(puts).hasSize(2);
    assertThat(puts.get(0).getHeader("Content-Length")).isEqualTo("4194304");
    assertThat(puts.get(0).getBody()).isEqualTo(Fixtures.slice(content, 0, MIB_4));
    assertThat(puts.get(1).getHeader("Content-Length")).isEqualTo("1");
    assertThat(puts.get(1).getBody()).isEqualTo(Fixtures.slice(content, MIB_4, 1));
  }

  @Test
  void rangeInTheMiddleOfAnOddSizedFileCarriesExactlyItsBytes() throws Exception {
    byte[] content = Fixtures.content(200_003);
    server.stubFor(
        put(urlEqualTo(Fixtures.SESSION_PATH))
            .willReturn(okJson("{\"nextExpectedRanges\":[\"199999-\"]}")));

    try (FileChannel channel = Fixtures.open(Fixtures.file(dir, content))) {
      channel.position(17);
      transport.putRange(
          Fixtures.uploadUrl(server), new ContentRange(65_537, 134_462, 200_003), channel);

      assertThat(channel.position()).as("the channel's own position").isEqualTo(17);
    }

    LoggedRequest request = onlyPut();
    assertThat(request.getHeader("Content-Range")).isEqualTo("bytes 65537-199998/200003");
    assertThat(request.getHeader("Content-Length")).isEqualTo("134462");
    assertThat(request.getBody()).isEqualTo(Fixtures.slice(content, 65_537, 134_462));
  }

  @Test
  void fileThatShrankIsRefusedBeforeAnythingIsSent() throws Exception {
    Path file = Fixtures.file(dir, Fixtures.content(100));

    try (FileChannel channel = Fixtures.open(file)) {
      Files.write(file, Fixtures.content(50));

      assertThatThrownBy(
              () ->
                  transport.putRange(
                      Fixtures.uploadUrl(server), new ContentRange(40, 60, 100), channel))
          .isInstanceOfSatisfying(
              UploadException.class,
              e -> {
                assertThat(e.category()).isEqualTo(UploadException.Category.INVALID_INPUT);
                assertThat(e.phase()).isEqualTo(UploadException.Phase.UPLOAD_RANGE);
              })
          .hasMessage(
              "The file is now 50 bytes, too short for the range bytes 40-99/100: it was changed"
                  + " after the upload started. Start a new upload of the file as it is now.");
    }
    assertThat(server.findAll(anyRequestedFor(anyUrl()))).isEmpty();
  }

  @Test
  void uploadUrlThatOkHttpWouldReencodeIsRefusedRatherThanChanged() throws Exception {
    String url = server.baseUrl() + "/api/v2.0/AttachmentSessions('x')?authtoken=ab'cd";

    try (FileChannel channel = Fixtures.open(Fixtures.file(dir, Fixtures.content(10)))) {
      assertThatThrownBy(() -> transport.putRange(url, new ContentRange(0, 10, 10), channel))
          .isInstanceOfSatisfying(
              UploadException.class,
              e -> assertThat(e.category()).isEqualTo(UploadException.Category.PERMANENT))
          .hasMessage(
              "The upload URL "
                  + server.baseUrl()
                  + "/api/v2.0/AttachmentSessions('x')?authtoken=REDACTED cannot be sent exactly"
                  + " as the service gave it: OkHttp would re-encode its path or query from"
                  + " character 46 on, which could break its signature. No request was sent.");
    }
    assertThat(server.findAll(anyRequestedFor(anyUrl()))).isEmpty();
  }

  @Test
  void plainHttpUploadUrlToAHostThatIsNotLoopbackIsRefused() throws Exception {
    String url = "http://outlook.office.com/api/v2.0/AttachmentSessions('x')?authtoken=secret";

    try (FileChannel channel = Fixtures.open(Fixtures.file(dir, Fixtures.content(10)))) {
      assertThatThrownBy(() -> transport.putRange(url, new ContentRange(0, 10, 10), channel))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "The upload URL"
                  + " http://outlook.office.com/api/v2.0/AttachmentSessions('x')?authtoken=REDACTED"
                  + " uses plain http to outlook.office.com, which is not a loopback address. Use"
                  + " https: plain http is allowed only to 127.0.0.0/8, ::1 and localhost, for"
                  + " local emulators.");
    }
  }

  private static LoggedRequest onlyPut() {
    List<LoggedRequest> puts = server.findAll(putRequestedFor(anyUrl()));
    assertThat(puts).hasSize(1);
    return puts.get(0);
  }
}
