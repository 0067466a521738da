package io.graphupload.emulator;

import static io.graphupload.emulator.GraphHttp.MIB;
import static org.assertj.core.api.Assertions.assertThat;

import io.graphupload.emulator.GraphHttp.Response;
import java.io.ByteArrayInputStream;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** One test per rule a client can break on an Outlook upload URL. */
@ExtendWith(EmulatorExtension.class)
class UploadRulesTest {
  private final byte[] content = GraphHttp.randomBytes(9 * MIB, 7);
  private Emulator emulator;
  private GraphHttp http;
  private String url;

  @BeforeEach
  void createSession(Emulator started) {
    emulator = started;
    http = new GraphHttp(started);
    url = http.createSession(http.createDraft(), "big.bin", content.length);
  }

  @Test
  void authorizationHeaderOnUploadUrlIsRefusedAndRecorded() {
    Response put =
        http.send(
            "PUT",
            url,
            slice(0, MIB - 1),
            Map.of("Content-Range", range(0, MIB - 1), "Authorization", "Bearer graph-token"));

    assertThat(put.status()).isEqualTo(401);
    assertThat(put.errorCode()).isEqualTo("InvalidAudienceForResource");
    assertOnlyViolation(ClientRule.AUTHORIZATION_ON_UPLOAD_URL);
    assertThat(emulator.latestSession().bytesStored()).isZero();
    assertThat(emulator.latestSession().ranges())
        .singleElement()
        .satisfies(r -> assertThat(r.outcome()).isEqualTo(RangeOutcome.REJECTED));
  }

  @Test
  void alteredUploadTokenIsRefused() {
    String altered = url.substring(0, url.indexOf("authtoken=") + 10) + "forged";

    Response put =
        http.send("PUT", altered, slice(0, MIB - 1), Map.of("Content-Range", range(0, MIB - 1)));

    assertThat(put.status()).isEqualTo(401);
    assertThat(put.errorCode()).isEqualTo("InvalidAuthenticationToken");
    assertOnlyViolation(ClientRule.INVALID_UPLOAD_TOKEN);
  }

  @Test
  void missingContentRangeIsRefused() {
    Response put = http.send("PUT", url, slice(0, MIB - 1), Map.of());

    assertThat(put.status()).isEqualTo(400);
    assertThat(put.errorCode()).isEqualTo("invalidRequest");
    assertOnlyViolation(ClientRule.MISSING_CONTENT_RANGE);
  }

  @Test
  void malformedContentRangeIsRefused() {
    Response put =
        http.send("PUT", url, slice(0, MIB - 1), Map.of("Content-Range", "bytes=0-1048575"));

    assertThat(put.status()).isEqualTo(400);
    assertOnlyViolation(ClientRule.MALFORMED_CONTENT_RANGE);
  }

  @Test
  void totalOtherThanDeclaredSizeIsRefused() {
    Response put =
        http.send(
            "PUT",
            url,
            slice(0, MIB - 1),
            Map.of("Content-Range", "bytes 0-" + (MIB - 1) + "/" + (content.length + 1)));

    assertThat(put.status()).isEqualTo(400);
    assertThat(put.json().toString()).contains("differs from the session's size of 9437184");
    assertOnlyViolation(ClientRule.TOTAL_SIZE_MISMATCH);
  }

  @Test
  void rangeOverFourMebibytesIsRefused() {
    Response put = http.put(url, content, 0, 4 * MIB);

    assertThat(put.status()).isEqualTo(400);
    assertThat(put.errorCode()).isEqualTo("invalidRange");
    assertOnlyViolation(ClientRule.RANGE_TOO_LARGE);
    assertThat(emulator.latestSession().totalBytesReceived()).isEqualTo(4 * MIB + 1);
  }

  @Test
  void bodyLengthOtherThanRangeIsRefused() {
    Response put =
        http.send("PUT", url, slice(0, MIB - 2), Map.of("Content-Range", range(0, MIB - 1)));

    assertThat(put.status()).isEqualTo(400);
    assertOnlyViolation(ClientRule.LENGTH_MISMATCH);
  }

  @Test
  void chunkedBodyShorterThanRangeStoresNothing() {
    Response put =
        http.sendStream(
            "PUT",
            url,
            () -> new ByteArrayInputStream(slice(0, MIB - 2)),
            Map.of("Content-Range", range(0, MIB - 1)));

    assertThat(put.status()).isEqualTo(400);
    assertOnlyViolation(ClientRule.LENGTH_MISMATCH);
    assertThat(emulator.latestSession().bytesStored()).isZero();
    assertThat(http.put(url, content, 0, MIB - 1).status()).isEqualTo(200);
  }

  @Test
  void rangeAfterAGapAnswers416() {
    Response put = http.put(url, content, MIB, 2 * MIB - 1);

    assertThat(put.status()).isEqualTo(416);
    assertThat(put.errorCode()).isEqualTo("invalidRange");
    assertOnlyViolation(ClientRule.RANGE_OUT_OF_ORDER);
  }

  @Test
  void rangeAlreadyReceivedAnswers416AndCountsResentBytes() {
    http.put(url, content, 0, 2 * MIB - 1);

    Response again = http.put(url, content, MIB, 3 * MIB - 1);

    assertThat(again.status()).isEqualTo(416);
    assertOnlyViolation(ClientRule.RANGE_ALREADY_RECEIVED);
    SessionReport report = emulator.latestSession();
    assertThat(report.bytesStored()).isEqualTo(2 * MIB);
    assertThat(report.totalBytesReceived()).isEqualTo(4 * MIB);
    assertThat(report.bytesResent()).isEqualTo(MIB);
  }

  @Test
  void compressedRangeIsRefused() {
    Response put =
        http.send(
            "PUT",
            url,
            slice(0, MIB - 1),
            Map.of("Content-Range", range(0, MIB - 1), "Content-Encoding", "gzip"));

    assertThat(put.status()).isEqualTo(400);
    assertOnlyViolation(ClientRule.COMPRESSED_RANGE);
  }

  @Test
  void violationsNameTheRequestWithoutItsToken() {
    http.put(url, content, MIB, 2 * MIB - 1);

    Violation violation = emulator.violations().get(0);

    assertThat(violation.request())
        .startsWith("PUT /api/v2.0/Users('")
        .endsWith("authtoken=REDACTED");
    assertThat(violation.sessionId()).isEqualTo(emulator.latestSession().id());
    assertThat(violation.detail())
        .isEqualTo("Range starts at 1048576 but the next expected byte is 0");
  }

  private void assertOnlyViolation(ClientRule rule) {
    assertThat(emulator.latestSession().violations())
        .extracting(Violation::rule)
        .containsExactly(rule);
    assertThat(emulator.violations()).extracting(Violation::rule).containsExactly(rule);
  }

  private byte[] slice(long start, long end) {
    return java.util.Arrays.copyOfRange(content, (int) start, (int) end + 1);
  }

  private String range(long start, long end) {
    return "bytes " + start + "-" + end + "/" + content.length;
  }
}
