package io.graphupload.emulator;

import static io.graphupload.emulator.GraphHttp.MIB;
import static org.assertj.core.api.Assertions.assertThat;

import io.graphupload.emulator.GraphHttp.Response;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(EmulatorExtension.class)
class AdminApiTest {
  private Emulator emulator;
  private GraphHttp http;

  @BeforeEach
  void setUp(Emulator started) {
    emulator = started;
    http = new GraphHttp(started);
  }

  @Test
  void faultRuleAddedAsJsonAppliesAndReportsItsCounters() {
    Response added =
        admin(
            "POST",
            "/faults",
            "{\"request\": \"createUploadSession\", \"after\": 1, \"times\": 1,"
                + " \"fault\": \"status\", \"status\": 503, \"retryAfterSeconds\": 4}");
    String messageId = http.createDraft();
    int first = create(messageId).status();
    int second = create(messageId).status();
    Response listed = admin("GET", "/faults", null);

    assertThat(added.status()).isEqualTo(201);
    assertThat(added.json())
        .containsEntry("id", "fault-1")
        .containsEntry("request", "createUploadSession")
        .containsEntry("fault", "status")
        .containsEntry("status", 503.0)
        .containsEntry("retryAfterSeconds", 4.0);
    assertThat(List.of(first, second)).containsExactly(201, 503);
    assertThat(rules(listed))
        .singleElement()
        .satisfies(
            rule -> assertThat(rule).containsEntry("matched", 2.0).containsEntry("applied", 1.0));
  }

  @Test
  void faultRulesArrayIsAddedInOrder() {
    Response added =
        admin(
            "POST",
            "/faults",
            "[{\"fault\": \"latency\", \"millis\": 1},"
                + " {\"id\": \"drop\", \"request\": \"uploadPut\","
                + " \"fault\": \"resetAfterBytes\", \"bytes\": 10}]");

    assertThat(added.status()).isEqualTo(201);
    assertThat(emulator.faults().list())
        .extracting(FaultRule::id, FaultRule::type)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("fault-1", FaultType.LATENCY),
            org.assertj.core.groups.Tuple.tuple("drop", FaultType.RESET_AFTER_BYTES));
  }

  @Test
  void badFaultRuleIsRefusedWithTheReason() {
    Response unknownFault = admin("POST", "/faults", "{\"fault\": \"explode\"}");
    Response unknownKey = admin("POST", "/faults", "{\"fault\": \"status\", \"statsu\": 500}");
    Response wrongKind =
        admin("POST", "/faults", "{\"request\": \"graph\", \"fault\": \"expireSession\"}");

    assertThat(unknownFault.status()).isEqualTo(400);
    assertThat(message(unknownFault)).startsWith("Unknown fault 'explode'; use one of: status,");
    assertThat(message(unknownKey)).startsWith("Unknown fault rule property 'statsu'");
    assertThat(message(wrongKind)).contains("expireSession needs requests that address a session");
    assertThat(emulator.faults().list()).isEmpty();
  }

  @Test
  void faultRulesAreRemovedOneByOneOrAll() {
    emulator.faults().add(FaultRule.on(RequestKind.ANY).latency(java.time.Duration.ZERO));
    emulator.faults().add(FaultRule.on(RequestKind.ANY).pascalCaseJson());

    Response removed = admin("DELETE", "/faults/fault-1", null);
    Response missing = admin("DELETE", "/faults/fault-1", null);
    List<FaultRule> afterOne = emulator.faults().list();
    Response cleared = admin("DELETE", "/faults", null);

    assertThat(removed.status()).isEqualTo(204);
    assertThat(missing.status()).isEqualTo(404);
    assertThat(afterOne).extracting(FaultRule::id).containsExactly("fault-2");
    assertThat(cleared.status()).isEqualTo(204);
    assertThat(emulator.faults().list()).isEmpty();
  }

  @Test
  void sessionReportListsRangesHashAndViolations() {
    byte[] content = GraphHttp.randomBytes(3 * MIB, 30);
    String url = http.createSession(http.createDraft(), "a.bin", content.length);
    http.put(url, content, MIB, 2 * MIB - 1);
    http.put(url, content, 0, content.length - 1);
    String id = emulator.latestSession().id();

    Response report = admin("GET", "/sessions/" + id, null);
    Response all = admin("GET", "/sessions", null);

    Map<String, Object> json = report.json();
    assertThat(json)
        .containsEntry("id", id)
        .containsEntry("resource", "message")
        .containsEntry("state", "completed")
        .containsEntry("declaredSize", (double) content.length)
        .containsEntry("totalBytesReceived", (double) (4 * MIB))
        .containsEntry("bytesResent", (double) MIB)
        .containsEntry("sha256", GraphHttp.sha256(content))
        .containsEntry("attachmentId", emulator.latestSession().attachmentId());
    assertThat(json.get("ranges").toString())
        .contains("status=416.0, outcome=rejected")
        .contains("status=201.0, outcome=completed");
    assertThat(json.get("violations").toString()).contains("rule=rangeOutOfOrder");
    assertThat(rules(all)).hasSize(1);
  }

  @Test
  void sessionCanBeExpiredFromTheAdminApi() {
    byte[] content = GraphHttp.randomBytes(3 * MIB, 31);
    String url = http.createSession(http.createDraft(), "a.bin", content.length);

    Response expired =
        admin("POST", "/sessions/" + emulator.latestSession().id() + "/expire", null);
    Response put = http.put(url, content, 0, MIB - 1);

    assertThat(expired.status()).isEqualTo(204);
    assertThat(put.status()).isEqualTo(404);
  }

  @Test
  void requestLogRedactsUploadTokens() {
    byte[] content = GraphHttp.randomBytes(3 * MIB, 32);
    String url = http.createSession(http.createDraft(), "a.bin", content.length);
    http.put(url, content, 0, MIB - 1);

    Response requests = admin("GET", "/requests", null);

    assertThat(requests.text()).doesNotContain(url.substring(url.indexOf("authtoken=") + 10));
    assertThat(rules(requests))
        .extracting(r -> r.get("kind"))
        .containsExactly("graph", "createUploadSession", "uploadPut");
    assertThat(rules(requests).get(2).get("target").toString()).endsWith("?authtoken=REDACTED");
  }

  @Test
  void settingsChangeAtRunTime() {
    Response patched =
        admin("PATCH", "/settings", "{\"statusQueries\": false, \"messageSizeLimit\": 5242880}");
    String url = http.createSession(http.createDraft(), "a.bin", 3 * MIB);

    assertThat(patched.json())
        .containsEntry("statusQueries", false)
        .containsEntry("messageSizeLimit", 5242880.0);
    assertThat(http.send("GET", url, (byte[]) null, Map.of()).status()).isEqualTo(405);
  }

  @Test
  void messageSizeLimitOverExchangesMaximumIsRefused() {
    Response patched = admin("PATCH", "/settings", "{\"messageSizeLimit\": 157286401}");

    assertThat(patched.status()).isEqualTo(400);
    assertThat(message(patched)).contains("Exchange Online allows at most 150 MB");
  }

  @Test
  void usersCanBeAddedForApplicationTokens() {
    Response added = admin("POST", "/users", "{\"userPrincipalName\": \"alex@contoso.com\"}");
    Response messages = http.graphAs("app:daemon", "GET", "/users/alex@contoso.com/messages", null);

    assertThat(added.status()).isEqualTo(201);
    assertThat(added.json()).containsEntry("userPrincipalName", "alex@contoso.com");
    assertThat(messages.status()).isEqualTo(200);
  }

  @Test
  void resetForgetsItemsSessionsAndFaults() {
    http.createSession(http.createDraft(), "a.bin", 3 * MIB);
    emulator.faults().add(FaultRule.on(RequestKind.ANY).pascalCaseJson());

    Response reset = admin("POST", "/reset", null);

    assertThat(reset.status()).isEqualTo(204);
    assertThat(emulator.sessions()).isEmpty();
    assertThat(emulator.faults().list()).isEmpty();
    assertThat(emulator.mailboxes().me().drafts()).isEmpty();
  }

  @Test
  void healthAnswersWithTheGraphRoot() {
    Response health = admin("GET", "/health", null);

    assertThat(health.json())
        .containsEntry("status", "ok")
        .containsEntry("graph", emulator.baseUri().toString());
  }

  private Response admin(String method, String path, String json) {
    byte[] body = json == null ? null : json.getBytes(StandardCharsets.UTF_8);
    return http.send(method, emulator.baseUri() + "/_emulator" + path, body, Map.of());
  }

  private Response create(String messageId) {
    return http.graph(
        "POST",
        "/me/messages/" + messageId + "/attachments/createUploadSession",
        GraphHttp.attachmentItem("a.bin", 3 * MIB));
  }

  @SuppressWarnings("unchecked") // {"value": [objects]}
  private static List<Map<String, Object>> rules(Response response) {
    return (List<Map<String, Object>>) response.json().get("value");
  }

  @SuppressWarnings("unchecked") // {"error": {"message": ...}}
  private static String message(Response response) {
    return (String) ((Map<String, Object>) response.json().get("error")).get("message");
  }
}
