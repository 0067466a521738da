package io.graphupload.emulator;

import static io.graphupload.emulator.GraphHttp.MIB;
import static org.assertj.core.api.Assertions.assertThat;

import io.graphupload.emulator.GraphHttp.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(EmulatorExtension.class)
class OutlookUploadTest {
  private static final String UPLOAD_URL =
      "http://127\\.0\\.0\\.1:\\d+/api/v2\\.0/Users\\('[0-9a-f-]{36}@[0-9a-f-]{36}'\\)"
          + "/Messages\\('AAMk[A-Za-z0-9_=-]+'\\)/AttachmentSessions\\('AAMk[A-Za-z0-9_=-]+'\\)"
          + "\\?authtoken=[A-Za-z0-9_-]+";

  @Test
  void createUploadSessionAnswersOutlookShape(Emulator emulator) {
    GraphHttp http = new GraphHttp(emulator);
    String messageId = http.createDraft();

    Response created =
        http.graph(
            "POST",
            "/me/messages/" + messageId + "/attachments/createUploadSession",
            GraphHttp.attachmentItem("flower.png", 3_483_322));

    assertThat(created.status()).isEqualTo(201);
    Map<String, Object> json = created.json();
    assertThat(json.keySet())
        .containsExactly("@odata.context", "uploadUrl", "expirationDateTime", "nextExpectedRanges");
    assertThat((String) json.get("@odata.context"))
        .isEqualTo(emulator.baseUri() + "/v1.0/$metadata#microsoft.graph.uploadSession");
    assertThat((String) json.get("uploadUrl")).matches(UPLOAD_URL).contains(messageId);
    assertThat((String) json.get("expirationDateTime"))
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{7}Z");
    assertThat(created.ranges("nextExpectedRanges")).containsExactly("0-");
  }

  @Test
  void rangesInOrderCreateTheAttachmentByteForByte(Emulator emulator) {
    GraphHttp http = new GraphHttp(emulator);
    String messageId = http.createDraft();
    byte[] content = GraphHttp.randomBytes(10 * MIB + 123, 1);
    String url = http.createSession(messageId, "report.pdf", content.length);

    Response first = http.put(url, content, 0, 4 * MIB - 1);
    Response second = http.put(url, content, 4 * MIB, 8 * MIB - 1);
    Response last = http.put(url, content, 8 * MIB, content.length - 1);

    assertThat(first.status()).isEqualTo(200);
    assertThat(first.json().keySet()).containsExactly("expirationDateTime", "nextExpectedRanges");
    assertThat(first.ranges("nextExpectedRanges")).containsExactly("4194304");
    assertThat(second.ranges("nextExpectedRanges")).containsExactly("8388608");
    assertThat(last.status()).isEqualTo(201);
    assertThat(last.body()).isEmpty();
    String location = last.header("Location");
    assertThat(location)
        .startsWith(url.substring(0, url.indexOf("/AttachmentSessions(")) + "/Attachments('");
    String attachmentId =
        location.substring(location.indexOf("Attachments('") + 13).replace("')", "");

    SessionReport report = emulator.latestSession();
    assertThat(report.state()).isEqualTo(SessionState.COMPLETED);
    assertThat(report.attachmentId()).isEqualTo(attachmentId);
    assertThat(report.sha256()).isEqualTo(GraphHttp.sha256(content));
    assertThat(report.ranges())
        .extracting(RangeReport::start, RangeReport::end, RangeReport::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(0L, 4194303L, 200),
            org.assertj.core.groups.Tuple.tuple(4194304L, 8388607L, 200),
            org.assertj.core.groups.Tuple.tuple(8388608L, (long) content.length - 1, 201));
    assertThat(report.totalBytesReceived()).isEqualTo(content.length);
    assertThat(report.bytesResent()).isZero();
    assertThat(report.violations()).isEmpty();
    assertThat(emulator.mailboxes().me().attachmentContent(messageId, attachmentId))
        .isEqualTo(content);
  }

  @Test
  void rangesSentBackToBackAreNeverMistakenForConcurrentOnes(Emulator emulator) {
    GraphHttp http = new GraphHttp(emulator);
    int range = 64 * 1024;
    byte[] content = GraphHttp.randomBytes(48 * range, 15);
    String url = http.createSession(http.createDraft(), "a.bin", content.length);

    for (int start = 0; start < content.length; start += range) {
      int status = http.put(url, content, start, start + range - 1).status();
      assertThat(status).isEqualTo(start + range == content.length ? 201 : 200);
    }

    assertThat(emulator.violations()).isEmpty();
  }

  @Test
  void attachmentBytesReadBackThroughValueEndpoint(Emulator emulator) {
    GraphHttp http = new GraphHttp(emulator);
    String messageId = http.createDraft();
    byte[] content = GraphHttp.randomBytes(3 * MIB, 2);
    String url = http.createSession(messageId, "a.bin", content.length);
    String location = http.put(url, content, 0, content.length - 1).header("Location");
    String attachmentId =
        location.substring(location.indexOf("Attachments('") + 13).replace("')", "");

    Response value =
        http.graph(
            "GET", "/me/messages/" + messageId + "/attachments/" + attachmentId + "/$value", null);
    Response metadata = http.graph("GET", "/me/messages/" + messageId + "/attachments", null);

    assertThat(value.status()).isEqualTo(200);
    assertThat(value.body()).isEqualTo(content);
    @SuppressWarnings("unchecked") // a JSON array of attachment objects
    List<Map<String, Object>> listed = (List<Map<String, Object>>) metadata.json().get("value");
    assertThat(listed)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.get("id")).isEqualTo(attachmentId);
              assertThat(a.get("name")).isEqualTo("a.bin");
              assertThat(a.get("size")).isEqualTo((double) content.length);
            });
  }

  @Test
  void eventSessionsUseEventsInTheUploadUrl(Emulator emulator) {
    GraphHttp http = new GraphHttp(emulator);
    String eventId = http.graph("POST", "/me/events", Map.of("subject", "offsite")).string("id");
    byte[] content = GraphHttp.randomBytes(2 * MIB + 1, 3);

    Response created =
        http.graph(
            "POST",
            "/me/events/" + eventId + "/attachments/createUploadSession",
            GraphHttp.attachmentItem("agenda.pdf", content.length));
    String url = created.string("uploadUrl");
    Response last = http.put(url, content, 0, content.length - 1);

    assertThat(url).contains("/Events('" + eventId + "')/AttachmentSessions('");
    assertThat(last.status()).isEqualTo(201);
    assertThat(last.header("Location")).contains("/Events('" + eventId + "')/Attachments('");
    assertThat(emulator.mailboxes().me().attachments(eventId))
        .singleElement()
        .satisfies(a -> assertThat(a.sha256()).isEqualTo(GraphHttp.sha256(content)));
  }

  @Test
  void statusQueryAnswersNextRangeWithDash(Emulator emulator) {
    GraphHttp http = new GraphHttp(emulator);
    byte[] content = GraphHttp.randomBytes(5 * MIB, 4);
    String url = http.createSession(http.createDraft(), "a.bin", content.length);
    http.put(url, content, 0, MIB - 1);

    Response status = http.send("GET", url, (byte[]) null, Map.of());

    assertThat(status.status()).isEqualTo(200);
    assertThat(status.ranges("nextExpectedRanges")).containsExactly("1048576-");
    assertThat(status.string("expirationDateTime")).matches(".*\\.\\d{7}Z");
  }

  @Test
  void statusQueriesSwitchedOffAnswerMethodNotAllowed(Emulator emulator) {
    GraphHttp http = new GraphHttp(emulator);
    String url = http.createSession(http.createDraft(), "a.bin", 5 * MIB);
    emulator.statusQueries(false);

    Response status = http.send("GET", url, (byte[]) null, Map.of());

    assertThat(status.status()).isEqualTo(405);
    assertThat(status.errorCode()).isEqualTo("MethodNotAllowed");
  }

  @Test
  void deleteCancelsTheSessionAndLaterRangesAnswer404(Emulator emulator) {
    GraphHttp http = new GraphHttp(emulator);
    byte[] content = GraphHttp.randomBytes(3 * MIB, 5);
    String url = http.createSession(http.createDraft(), "a.bin", content.length);

    Response deleted = http.send("DELETE", url, (byte[]) null, Map.of());
    Response put = http.put(url, content, 0, MIB - 1);

    assertThat(deleted.status()).isEqualTo(204);
    assertThat(put.status()).isEqualTo(404);
    assertThat(put.errorCode()).isEqualTo("ErrorItemNotFound");
    assertThat(emulator.latestSession().state()).isEqualTo(SessionState.DELETED);
  }

  @Test
  void completedSessionIsGoneForLaterRequests(Emulator emulator) {
    GraphHttp http = new GraphHttp(emulator);
    byte[] content = GraphHttp.randomBytes(3 * MIB, 6);
    String url = http.createSession(http.createDraft(), "a.bin", content.length);
    http.put(url, content, 0, content.length - 1);

    Response status = http.send("GET", url, (byte[]) null, Map.of());

    assertThat(status.status()).isEqualTo(404);
    assertThat(status.errorCode()).isEqualTo("ErrorItemNotFound");
  }

  @Test
  void errorsHaveGraphShapeWithRequestIds(Emulator emulator) {
    GraphHttp http = new GraphHttp(emulator);

    Response missing = http.graph("GET", "/me/messages/AAMkNope=", null);

    assertThat(missing.status()).isEqualTo(404);
    @SuppressWarnings("unchecked") // {"error": {...}}
    Map<String, Object> error = (Map<String, Object>) missing.json().get("error");
    assertThat(error.get("code")).isEqualTo("ErrorItemNotFound");
    assertThat(error.get("message")).isEqualTo("The specified object was not found in the store.");
    @SuppressWarnings("unchecked") // innerError is an object
    Map<String, Object> inner = (Map<String, Object>) error.get("innerError");
    assertThat(inner.get("request-id")).isEqualTo(missing.header("request-id"));
    assertThat(inner).containsKeys("date", "client-request-id");
    assertThat(missing.header("Content-Type")).startsWith("application/json");
  }
}
