package io.graphupload.emulator;

import static io.graphupload.emulator.GraphHttp.MIB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.graphupload.emulator.GraphHttp.Response;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One test per fault the emulator can inject. */
@ExtendWith(EmulatorExtension.class)
class FaultsTest {
  private final byte[] content = GraphHttp.randomBytes(6 * MIB, 13);
  private Emulator emulator;
  private GraphHttp http;
  private String messageId;

  @BeforeEach
  void draft(Emulator started) {
    emulator = started;
    http = new GraphHttp(started);
    messageId = http.createDraft();
  }

  @Test
  void throttlingAnswers429WithRetryAfterThenLetsTheRetryThrough() {
    String url = http.createSession(messageId, "a.bin", content.length);
    emulator.faults().add(FaultRule.on(RequestKind.UPLOAD_PUT).after(1).times(1).status(429, 7));

    Response first = http.put(url, content, 0, MIB - 1);
    Response throttled = http.put(url, content, MIB, 2 * MIB - 1);
    Response retried = http.put(url, content, MIB, 2 * MIB - 1);

    assertThat(first.status()).isEqualTo(200);
    assertThat(throttled.status()).isEqualTo(429);
    assertThat(throttled.header("Retry-After")).isEqualTo("7");
    assertThat(throttled.errorCode()).isEqualTo("ApplicationThrottled");
    assertThat(retried.status()).isEqualTo(200);
    assertThat(emulator.latestSession().ranges())
        .extracting(RangeReport::outcome)
        .containsExactly(RangeOutcome.STORED, RangeOutcome.FAULT_STATUS, RangeOutcome.STORED);
    assertThat(emulator.latestSession().bytesResent()).isEqualTo(MIB);
  }

  @ParameterizedTest
  @ValueSource(ints = {500, 502, 503, 504})
  void serverErrorsAnswerTheChosenStatus(int status) {
    emulator.faults().add(FaultRule.on(RequestKind.CREATE_UPLOAD_SESSION).times(1).status(status));

    Response failed = create();
    Response retried = create();

    assertThat(failed.status()).isEqualTo(status);
    assertThat(failed.json()).containsKey("error");
    assertThat(retried.status()).isEqualTo(201);
    assertThat(emulator.sessions()).hasSize(1);
  }

  @Test
  void serviceUnavailableCanCarryRetryAfter() {
    emulator.faults().add(FaultRule.on(RequestKind.ANY).times(1).status(503, 3));

    Response failed = create();

    assertThat(failed.header("Retry-After")).isEqualTo("3");
    assertThat(failed.errorCode()).isEqualTo("ServiceUnavailable");
  }

  @Test
  void resetAfterBytesClosesTheConnectionAndStoresNothing() {
    String url = http.createSession(messageId, "a.bin", content.length);
    emulator.faults().add(FaultRule.on(RequestKind.UPLOAD_PUT).times(1).resetAfterBytes(65_536));

    assertThatThrownBy(() -> http.put(url, content, 0, 4 * MIB - 1))
        .isInstanceOf(UncheckedIOException.class);
    Response retried = http.put(url, content, 0, 4 * MIB - 1);

    SessionReport report = emulator.latestSession();
    assertThat(report.ranges().get(0).outcome()).isEqualTo(RangeOutcome.RESET_BY_FAULT);
    assertThat(report.ranges().get(0).status()).isZero();
    assertThat(report.ranges().get(0).bytesReceived()).isEqualTo(65_536);
    assertThat(retried.status()).isEqualTo(200);
    assertThat(report.bytesResent()).isEqualTo(65_536);
    assertThat(report.bytesStored()).isEqualTo(4 * MIB);
  }

  @Test
  void storeThenDropKeepsTheRangeButSendsNoAnswer() {
    String url = http.createSession(messageId, "a.bin", content.length);
    emulator.faults().add(FaultRule.on(RequestKind.UPLOAD_PUT).times(1).storeThenDrop());

    assertThatThrownBy(() -> http.put(url, content, 0, 4 * MIB - 1))
        .isInstanceOf(UncheckedIOException.class);
    Response status = http.send("GET", url, (byte[]) null, Map.of());
    Response resent = http.put(url, content, 0, 4 * MIB - 1);

    assertThat(status.ranges("nextExpectedRanges")).containsExactly("4194304-");
    assertThat(resent.status()).isEqualTo(416);
    SessionReport report = emulator.latestSession();
    assertThat(report.ranges())
        .extracting(RangeReport::outcome, RangeReport::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(RangeOutcome.STORED_THEN_DROPPED, 0),
            org.assertj.core.groups.Tuple.tuple(RangeOutcome.REJECTED, 416));
    assertThat(report.bytesResent()).isEqualTo(4 * MIB);
  }

  @Test
  void storeThenDropOnTheLastRangeStillCreatesTheAttachment() {
    byte[] small = GraphHttp.randomBytes(3 * MIB, 14);
    String url = http.createSession(messageId, "a.bin", small.length);
    emulator.faults().add(FaultRule.on(RequestKind.UPLOAD_PUT).storeThenDrop());

    assertThatThrownBy(() -> http.put(url, small, 0, small.length - 1))
        .isInstanceOf(UncheckedIOException.class);

    assertThat(emulator.latestSession().state()).isEqualTo(SessionState.COMPLETED);
    assertThat(emulator.mailboxes().me().attachments(messageId)).hasSize(1);
  }

  @Test
  void storeThenDropOnCreateLeavesASessionTheClientNeverHeardOf() {
    emulator.faults().add(FaultRule.on(RequestKind.CREATE_UPLOAD_SESSION).times(1).storeThenDrop());

    assertThatThrownBy(this::create).isInstanceOf(UncheckedIOException.class);
    Response retried = create();

    assertThat(retried.status()).isEqualTo(201);
    assertThat(emulator.sessions()).hasSize(2);
  }

  @Test
  void latencyDelaysTheAnswer() {
    emulator
        .faults()
        .add(FaultRule.on(RequestKind.CREATE_UPLOAD_SESSION).latency(Duration.ofMillis(300)));

    long started = System.nanoTime();
    Response created = create();
    long elapsedMillis = (System.nanoTime() - started) / 1_000_000;

    assertThat(created.status()).isEqualTo(201);
    // A lower bound only: the emulator slept at least this long, however slow the machine.
    assertThat(elapsedMillis).isGreaterThanOrEqualTo(300);
  }

  @Test
  void expireSessionFaultMakesTheNextRangeFindNoSession() {
    String url = http.createSession(messageId, "a.bin", content.length);
    emulator.faults().add(FaultRule.on(RequestKind.UPLOAD_PUT).after(1).times(1).expireSession());

    http.put(url, content, 0, MIB - 1);
    Response expired = http.put(url, content, MIB, 2 * MIB - 1);

    assertThat(expired.status()).isEqualTo(404);
    assertThat(expired.errorCode()).isEqualTo("ErrorItemNotFound");
    assertThat(emulator.latestSession().state()).isEqualTo(SessionState.EXPIRED);
  }

  @Test
  void deleteSessionFaultMakesTheStatusQueryFindNoSession() {
    String url = http.createSession(messageId, "a.bin", content.length);
    emulator.faults().add(FaultRule.on(RequestKind.UPLOAD_GET).deleteSession());

    Response status = http.send("GET", url, (byte[]) null, Map.of());

    assertThat(status.status()).isEqualTo(404);
    assertThat(emulator.latestSession().state()).isEqualTo(SessionState.DELETED);
  }

  @Test
  void expiredSessionsCanAnswer401WithAnExpiredTokenCode() {
    String url = http.createSession(messageId, "a.bin", content.length);
    emulator.faults().add(FaultRule.on(RequestKind.UPLOAD_PUT).times(1).expireSession());
    emulator.faults().add(FaultRule.on(RequestKind.ANY).expiredSessionsAs401());

    Response expired = http.put(url, content, 0, MIB - 1);

    assertThat(expired.status()).isEqualTo(401);
    assertThat(expired.errorCode()).isEqualTo("InvalidAuthenticationToken");
    assertThat(expired.json().toString()).contains("code=expiredToken");
  }

  @Test
  void pascalCaseJsonCapitalizesSessionKeys() {
    emulator.faults().add(FaultRule.on(RequestKind.ANY).pascalCaseJson());

    Response created = create();
    Response put = http.put(created.string("UploadUrl"), content, 0, MIB - 1);

    assertThat(created.json().keySet())
        .containsExactly("@odata.context", "UploadUrl", "ExpirationDateTime", "NextExpectedRanges");
    assertThat(put.json().keySet()).containsExactly("ExpirationDateTime", "NextExpectedRanges");
  }

  @Test
  void rangesWithoutDashDropTheDashOnCreateAndStatus() {
    emulator.faults().add(FaultRule.on(RequestKind.ANY).rangesWithoutDash());

    Response created = create();
    String url = created.string("uploadUrl");
    http.put(url, content, 0, MIB - 1);
    Response status = http.send("GET", url, (byte[]) null, Map.of());

    assertThat(created.ranges("nextExpectedRanges")).containsExactly("0");
    assertThat(status.ranges("nextExpectedRanges")).containsExactly("1048576");
  }

  @Test
  void rangeErrorsCanAnswer400Instead() {
    String url = http.createSession(messageId, "a.bin", content.length);
    emulator.faults().add(FaultRule.on(RequestKind.UPLOAD_PUT).rangeErrorsAs400());

    Response gap = http.put(url, content, MIB, 2 * MIB - 1);

    assertThat(gap.status()).isEqualTo(400);
    assertThat(gap.errorCode()).isEqualTo("invalidRange");
  }

  @Test
  void rulesMatchOnlyTheirMethodAndPath() {
    String url = http.createSession(messageId, "a.bin", content.length);
    emulator
        .faults()
        .add(FaultRule.on(RequestKind.ANY).method("GET").path("AttachmentSessions").status(500));

    Response put = http.put(url, content, 0, MIB - 1);
    Response get = http.send("GET", url, (byte[]) null, Map.of());

    assertThat(put.status()).isEqualTo(200);
    assertThat(get.status()).isEqualTo(500);
  }

  private Response create() {
    return http.graph(
        "POST",
        "/me/messages/" + messageId + "/attachments/createUploadSession",
        GraphHttp.attachmentItem("a.bin", content.length));
  }
}
