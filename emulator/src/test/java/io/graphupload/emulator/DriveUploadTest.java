package io.graphupload.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.graphupload.emulator.GraphHttp.Response;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(EmulatorExtension.class)
class DriveUploadTest {
  private static final int UNIT = 327_680;
  private final byte[] content = GraphHttp.randomBytes(3 * UNIT + 1000, 50);
  private Emulator emulator;
  private GraphHttp http;

  @BeforeEach
  void setUp(Emulator started) {
    emulator = started;
    http = new GraphHttp(started);
  }

  @Test
  void fragmentsCreateTheFileAndAnswerTheDriveItem() {
    Response created = create("/me/drive/root:/reports/q1.bin:/createUploadSession", null);
    String url = created.string("uploadUrl");

    Response first = http.put(url, content, 0, 2 * UNIT - 1);
    Response last = http.put(url, content, 2 * UNIT, content.length - 1);

    assertThat(created.status()).isEqualTo(200);
    assertThat(created.string("expirationDateTime")).matches(".*T.*\\.\\d{3}Z");
    assertThat(created.ranges("nextExpectedRanges")).containsExactly("0-");
    assertThat(url).contains("/uploadSession?guid='").contains("tempauth=");
    assertThat(first.status()).isEqualTo(202);
    assertThat(first.ranges("nextExpectedRanges")).containsExactly("655360-");
    assertThat(last.status()).isEqualTo(201);
    assertThat(last.json())
        .containsEntry("name", "q1.bin")
        .containsEntry("size", (double) content.length);
    assertThat(last.json().get("parentReference").toString()).contains("path=/drive/root:/reports");
    assertThat(emulator.drives().content("reports/q1.bin")).isEqualTo(content);
    assertThat(emulator.latestSession().violations()).isEmpty();
  }

  @Test
  void statusQueryListsTheMissingRange() {
    String url = create("/me/drive/root:/a.bin:/createUploadSession", null).string("uploadUrl");
    http.put(url, content, 0, UNIT - 1);

    Response status = http.send("GET", url, (byte[]) null, Map.of());

    assertThat(status.status()).isEqualTo(200);
    assertThat(status.ranges("nextExpectedRanges")).containsExactly("327680-");
  }

  @Test
  void fragmentNotAMultipleOf320KibIsRefused() {
    String url = create("/me/drive/root:/a.bin:/createUploadSession", null).string("uploadUrl");

    Response put = http.put(url, content, 0, UNIT);

    assertThat(put.status()).isEqualTo(400);
    assertThat(emulator.latestSession().violations())
        .extracting(Violation::rule)
        .containsExactly(ClientRule.FRAGMENT_NOT_MULTIPLE_OF_320_KIB);
  }

  @Test
  void fragmentOfSixtyMebibytesIsRefused() {
    String url = create("/me/drive/root:/a.bin:/createUploadSession", null).string("uploadUrl");
    long total = 100L * 1024 * 1024;

    Response put =
        http.send(
            "PUT",
            url,
            new byte[16],
            Map.of("Content-Range", "bytes 0-" + (60L * 1024 * 1024 - 1) + "/" + total));

    assertThat(put.status()).isEqualTo(400);
    assertThat(put.json().toString()).contains("code=fragmentTooLarge");
    assertThat(emulator.latestSession().violations())
        .extracting(Violation::rule)
        .containsExactly(ClientRule.RANGE_TOO_LARGE);
  }

  @Test
  void overlappingFragmentAnswers416WithInnerCode() {
    String url = create("/me/drive/root:/a.bin:/createUploadSession", null).string("uploadUrl");
    http.put(url, content, 0, UNIT - 1);

    Response again = http.put(url, content, 0, UNIT - 1);

    assertThat(again.status()).isEqualTo(416);
    assertThat(again.json().toString()).contains("code=fragmentOverlap");
  }

  @Test
  void conflictBehaviorFailAnswers409OnTheLastFragment() {
    upload("/me/drive/root:/a.bin:/createUploadSession", null);
    String url =
        create(
                "/me/drive/root:/a.bin:/createUploadSession",
                Map.of("item", Map.of("@microsoft.graph.conflictBehavior", "fail")))
            .string("uploadUrl");

    Response last = http.put(url, content, 0, content.length - 1);

    assertThat(last.status()).isEqualTo(409);
    assertThat(last.errorCode()).isEqualTo("nameAlreadyExists");
  }

  @Test
  void conflictBehaviorRenameKeepsBothFiles() {
    upload("/me/drive/root:/a.bin:/createUploadSession", null);

    Response renamed =
        upload(
            "/me/drive/root:/a.bin:/createUploadSession",
            Map.of("item", Map.of("@microsoft.graph.conflictBehavior", "rename")));

    assertThat(renamed.status()).isEqualTo(201);
    assertThat(renamed.string("name")).isEqualTo("a 1.bin");
    assertThat(emulator.drives().file("a 1.bin")).isPresent();
  }

  @Test
  void conflictBehaviorReplaceAnswers200() {
    upload("/me/drive/root:/a.bin:/createUploadSession", null);

    Response replaced =
        upload(
            "/me/drive/root:/a.bin:/createUploadSession",
            Map.of("item", Map.of("@microsoft.graph.conflictBehavior", "replace")));

    assertThat(replaced.status()).isEqualTo(200);
  }

  @Test
  void deferredCommitWaitsForThePost() {
    String url =
        create("/me/drive/root:/a.bin:/createUploadSession", Map.of("deferCommit", true))
            .string("uploadUrl");

    Response last = http.put(url, content, 0, content.length - 1);
    boolean existsBeforeCommit = emulator.drives().file("a.bin").isPresent();
    Response commit = http.send("POST", url, new byte[0], Map.of());

    assertThat(last.status()).isEqualTo(202);
    assertThat(last.ranges("nextExpectedRanges")).isEmpty();
    assertThat(existsBeforeCommit).isFalse();
    assertThat(commit.status()).isEqualTo(201);
    assertThat(emulator.drives().content("a.bin")).isEqualTo(content);
  }

  @Test
  void uploadByParentIdReachesTheSameFolder() {
    upload("/me/drive/root:/docs/first.bin:/createUploadSession", null);
    String parentId = http.graph("GET", "/me/drive/root:/docs", null).string("id");

    Response second =
        upload("/me/drive/items/" + parentId + ":/second.bin:/createUploadSession", null);
    Response content = http.graph("GET", "/me/drive/root:/docs/second.bin:/content", null);

    assertThat(second.status()).isEqualTo(201);
    assertThat(content.body()).isEqualTo(this.content);
  }

  @Test
  void authorizationHeaderOnDriveUploadUrlIsRefused() {
    String url = create("/me/drive/root:/a.bin:/createUploadSession", null).string("uploadUrl");

    Response put =
        http.send(
            "PUT",
            url,
            java.util.Arrays.copyOf(content, UNIT),
            Map.of(
                "Content-Range",
                "bytes 0-" + (UNIT - 1) + "/" + content.length,
                "Authorization",
                "Bearer x"));

    assertThat(put.status()).isEqualTo(401);
    assertThat(emulator.latestSession().violations())
        .extracting(Violation::rule)
        .containsExactly(ClientRule.AUTHORIZATION_ON_UPLOAD_URL);
  }

  private Response create(String path, Object body) {
    return http.graph("POST", path, body == null ? Map.of() : body);
  }

  private Response upload(String path, Object body) {
    String url = create(path, body).string("uploadUrl");
    return http.put(url, content, 0, content.length - 1);
  }
}
