package io.graphupload.transport.retrofit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.graphupload.core.Attachment;
import io.graphupload.core.Draft;
import io.graphupload.core.Mailbox;
import io.graphupload.core.OutlookItem;
import io.graphupload.core.spi.ContentRange;
import io.graphupload.testing.RecordingLogs;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.event.Level;

/**
 * Upload URLs' tokens ({@code authtoken}, {@code tempauth}, {@code sig}) and bearer tokens never
 * reach an exception message, its causes, or a log line, whatever goes wrong.
 */
class CredentialsNeverLeakTest {
  private static final String SECRETS = "SECRET-(AUTHTOKEN|TEMPAUTH|SIG|BEARER|REFRESH)";
  private static final String UPLOAD_PATH =
      "/api/v2.0/Users('a@b')/Messages('AAMk=')/AttachmentSessions('x')"
          + "?authtoken=SECRET-AUTHTOKEN&tempauth=SECRET-TEMPAUTH&sig=SECRET-SIG";
  private static final String ECHO =
      "{\"error\":{\"code\":\"generalException\",\"message\":\"Request to https://x.example"
          + UPLOAD_PATH.replace("'", "")
          + " with Authorization: Bearer SECRET-BEARER failed; refresh_token=SECRET-REFRESH\"}}";

  private static final Draft DRAFT =
      new Draft("s", "b", false, List.of("a@contoso.com"), List.of(), List.of());

  @RegisterExtension static WireMockExtension server = Fixtures.wireMock();

  @TempDir Path dir;

  private RetrofitTransport transport;
  private FileChannel channel;

  @BeforeEach
  void open() throws IOException {
    RecordingLogs.clear();
    transport = Fixtures.builder(server, new RecordingTokenSource("SECRET-BEARER")).build();
    channel = Fixtures.open(Fixtures.file(dir, Fixtures.content(1000)));
  }

  @AfterEach
  void close() throws IOException {
    channel.close();
    transport.close();
  }

  static Stream<ResponseDefinitionBuilder> failures() {
    return Stream.of(
        aResponse().withStatus(404).withBody(ECHO),
        aResponse().withStatus(401).withBody(ECHO),
        aResponse().withStatus(500).withBody(ECHO).withHeader("request-id", "r-1"),
        aResponse().withStatus(201).withHeader("Location", "https://x.example/a?sig=SECRET-SIG"),
        aResponse().withStatus(200).withBody("{\"nextExpectedRanges\":[\"ten\"]}"),
        aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
        aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE));
  }

  @ParameterizedTest
  @MethodSource("failures")
  void failedUploadUrlCallsShowNoToken(ResponseDefinitionBuilder answer) {
    server.stubFor(put(urlPathMatching("/api/.*")).willReturn(answer));
    server.stubFor(get(urlPathMatching("/api/.*")).willReturn(answer));
    server.stubFor(delete(urlPathMatching("/api/.*")).willReturn(answer));
    String url = server.baseUrl() + UPLOAD_PATH;

    List<Throwable> failures = new ArrayList<>();
    failures.add(
        catchThrowable(() -> transport.putRange(url, new ContentRange(0, 10, 1000), channel)));
    failures.add(catchThrowable(() -> transport.querySession(url)));
    failures.add(catchThrowable(() -> transport.deleteSession(url)));

    assertThat(failures).filteredOn(failure -> failure != null).isNotEmpty();
    assertNoSecretIn(failures);
    assertNoSecretInLogs();
  }

  @Test
  void refusedUrlsShowNoToken() {
    List<Throwable> failures = new ArrayList<>();
    failures.add(
        catchThrowable(
            () ->
                transport.putRange(
                    "http://outlook.office.com/s?authtoken=SECRET-AUTHTOKEN",
                    new ContentRange(0, 10, 1000),
                    channel)));
    failures.add(catchThrowable(() -> transport.querySession("not a url?sig=SECRET-SIG")));
    failures.add(
        catchThrowable(
            () ->
                transport.deleteSession(
                    server.baseUrl() + "/s?tempauth=SECRET-TEMPAUTH'\"<x>&sig=SECRET-SIG")));

    assertThat(failures).doesNotContainNull();
    assertNoSecretIn(failures);
  }

  @Test
  void failedGraphCallsShowNoBearerToken() {
    server.stubFor(
        post(urlPathMatching("/v1.0/.*")).willReturn(aResponse().withStatus(401).withBody(ECHO)));
    OutlookItem item = OutlookItem.message(Mailbox.me(), "M");

    List<Throwable> failures = new ArrayList<>();
    failures.add(
        catchThrowable(() -> transport.createSession(item, Attachment.file("a", 5, "a/b"))));
    failures.add(
        catchThrowable(
            () -> transport.postAttachment(item, Attachment.file("a", 5, "a/b"), channel)));
    failures.add(catchThrowable(() -> transport.createDraft(Mailbox.me(), DRAFT)));
    failures.add(catchThrowable(() -> transport.sendDraft(item)));
    server.stubFor(
        post(urlPathMatching("/v1.0/.*"))
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    failures.add(
        catchThrowable(() -> transport.createSession(item, Attachment.file("a", 5, "a/b"))));
    failures.add(catchThrowable(() -> transport.sendDraft(item)));

    assertThat(failures).doesNotContainNull();
    assertNoSecretIn(failures);
    assertNoSecretInLogs();
  }

  @Test
  void everyRequestIsLoggedOnceAtDebugWithItsUrlRedacted() throws Exception {
    server.stubFor(
        put(urlPathMatching("/api/.*"))
            .willReturn(
                aResponse().withStatus(200).withBody("{\"nextExpectedRanges\":[\"10-\"]}")));

    transport.putRange(server.baseUrl() + UPLOAD_PATH, new ContentRange(0, 10, 1000), channel);

    List<RecordingLogs.Line> lines = RecordingLogs.lines();
    assertThat(lines)
        .filteredOn(line -> line.logger().endsWith("RequestLog"))
        .singleElement()
        .satisfies(
            line -> {
              assertThat(line.level()).isEqualTo(Level.DEBUG);
              assertThat(line.message())
                  .matches(
                      Pattern.quote(
                              "PUT "
                                  + server.baseUrl()
                                  + "/api/v2.0/Users('a@b')/Messages('AAMk=')"
                                  + "/AttachmentSessions('x')"
                                  + "?authtoken=REDACTED&tempauth=REDACTED&sig=REDACTED"
                                  + " -> 200 http/1.1, 10 bytes up, ")
                          + "(33|\\?) bytes down, \\d+ ms");
            });
    assertThat(lines).noneMatch(line -> line.level().toInt() >= Level.INFO.toInt());
  }

  private static void assertNoSecretIn(List<Throwable> failures) {
    for (Throwable failure : failures) {
      for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
        assertThat(String.valueOf(cause.getMessage()))
            .as("message of %s", cause.getClass().getName())
            .doesNotContainPattern(SECRETS);
        assertThat(cause.toString()).doesNotContainPattern(SECRETS);
      }
    }
  }

  private static void assertNoSecretInLogs() {
    List<RecordingLogs.Line> lines = RecordingLogs.lines();
    assertThat(lines).isNotEmpty();
    for (RecordingLogs.Line line : lines) {
      assertThat(line.message()).doesNotContainPattern(SECRETS);
      if (line.throwable() != null) {
        assertThat(line.throwable().toString()).doesNotContainPattern(SECRETS);
      }
    }
  }
}
