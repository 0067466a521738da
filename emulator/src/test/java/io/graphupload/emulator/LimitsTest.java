package io.graphupload.emulator;

import static io.graphupload.emulator.GraphHttp.MIB;
import static org.assertj.core.api.Assertions.assertThat;

import io.graphupload.emulator.GraphHttp.Response;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Service limits: sizes, permissions, tokens and expiry. */
@ExtendWith(EmulatorExtension.class)
class LimitsTest {

  @Test
  void sessionUnderTwoMebibytesIsRefused(Emulator emulator) {
    GraphHttp http = new GraphHttp(emulator);

    Response created =
        http.graph(
            "POST",
            "/me/messages/" + http.createDraft() + "/attachments/createUploadSession",
            GraphHttp.attachmentItem("small.bin", 2 * MIB - 1));

    assertThat(created.status()).isEqualTo(400);
    assertThat(created.errorCode()).isEqualTo("ErrorAttachmentSizeShouldNotBeLessThanMinimumSize");
    assertThat(emulator.violations())
        .extracting(Violation::rule)
        .containsExactly(ClientRule.SESSION_BELOW_MINIMUM_SIZE);
  }

  @Test
  void messageSizeLimitStopsTheUploadPartWay(Emulator emulator) {
    emulator.messageSizeLimit(3 * MIB);
    GraphHttp http = new GraphHttp(emulator);
    byte[] content = GraphHttp.randomBytes(4 * MIB, 8);
    String url = http.createSession(http.createDraft(), "big.bin", content.length);

    Response first = http.put(url, content, 0, 2 * MIB - 1);
    Response second = http.put(url, content, 2 * MIB, content.length - 1);

    assertThat(first.status()).isEqualTo(200);
    assertThat(second.status()).isEqualTo(400);
    assertThat(second.errorCode()).isEqualTo("ErrorMessageSizeExceeded");
    assertThat(emulator.latestSession().violations()).isEmpty();
  }

  @Test
  void messageSizeLimitCountsTheMessagesOtherAttachments(Emulator emulator) {
    emulator.messageSizeLimit(4 * MIB);
    GraphHttp http = new GraphHttp(emulator);
    String messageId = http.createDraft();
    byte[] small = GraphHttp.randomBytes(2 * MIB, 9);
    assertThat(
            http.graph("POST", "/me/messages/" + messageId + "/attachments", fileAttachment(small))
                .status())
        .isEqualTo(201);
    byte[] content = GraphHttp.randomBytes(3 * MIB, 10);
    String url = http.createSession(messageId, "big.bin", content.length);

    Response first = http.put(url, content, 0, MIB - 1);
    Response second = http.put(url, content, MIB, 3 * MIB - 1);

    assertThat(first.status()).isEqualTo(200);
    assertThat(second.errorCode()).isEqualTo("ErrorMessageSizeExceeded");
  }

  @Test
  void delegatedTokenCannotCreateSessionsInAnotherMailbox(Emulator emulator) {
    GraphHttp http = new GraphHttp(emulator);
    String shared = EmulatorBuilder.DEFAULT_SHARED_MAILBOX;
    String messageId =
        http.graph("POST", "/users/" + shared + "/messages", Map.of("subject", "s")).string("id");

    Response delegated =
        http.graph(
            "POST",
            "/users/" + shared + "/messages/" + messageId + "/attachments/createUploadSession",
            GraphHttp.attachmentItem("a.bin", 3 * MIB));
    Response application =
        http.graphAs(
            "app:daemon",
            "POST",
            "/users/" + shared + "/messages/" + messageId + "/attachments/createUploadSession",
            GraphHttp.attachmentItem("a.bin", 3 * MIB));

    assertThat(delegated.status()).isEqualTo(403);
    assertThat(delegated.errorCode()).isEqualTo("ErrorAccessDenied");
    assertThat(application.status()).isEqualTo(201);
  }

  @Test
  void applicationTokenCannotUseMe(Emulator emulator) {
    Response me = new GraphHttp(emulator).graphAs("app:daemon", "GET", "/me/messages", null);

    assertThat(me.status()).isEqualTo(400);
    assertThat(me.json().toString()).contains("/me request is only valid with delegated");
  }

  @Test
  void unknownUserIsRefused(Emulator emulator) {
    Response unknown =
        new GraphHttp(emulator)
            .graphAs("app:daemon", "GET", "/users/nobody@contoso.com/messages", null);

    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.errorCode()).isEqualTo("ErrorInvalidUser");
  }

  @Test
  void graphCallWithoutBearerTokenIsRefused(Emulator emulator) {
    Response response =
        new GraphHttp(emulator)
            .send("GET", emulator.baseUri() + "/v1.0/me/messages", (byte[]) null, Map.of());

    assertThat(response.status()).isEqualTo(401);
    assertThat(response.errorCode()).isEqualTo("InvalidAuthenticationToken");
    assertThat(emulator.violations())
        .extracting(Violation::rule)
        .containsExactly(ClientRule.MISSING_BEARER_TOKEN);
  }

  @Test
  void onlyConfiguredTokensAreAcceptedWhenSome() {
    try (Emulator emulator =
        Emulator.builder().requiredTokens(java.util.Set.of("good")).build().start()) {
      GraphHttp http = new GraphHttp(emulator);

      assertThat(http.graphAs("bad", "GET", "/me/messages", null).status()).isEqualTo(401);
      assertThat(http.graphAs("good", "GET", "/me/messages", null).status()).isEqualTo(200);
    }
  }

  @Test
  void requestBodyOverFourMegabytesAnswers413(Emulator emulator) {
    GraphHttp http = new GraphHttp(emulator);
    byte[] tooBig = GraphHttp.randomBytes(3 * MIB + 100, 11);

    Response response =
        http.graph(
            "POST", "/me/messages/" + http.createDraft() + "/attachments", fileAttachment(tooBig));

    assertThat(response.status()).isEqualTo(413);
    assertThat(response.errorCode()).isEqualTo("RequestEntityTooLarge");
    assertThat(emulator.violations())
        .extracting(Violation::rule)
        .containsExactly(ClientRule.REQUEST_BODY_TOO_LARGE);
  }

  @Test
  void idleSessionExpiresAfterItsLifetime() {
    MutableClock clock = new MutableClock(Instant.parse("2024-05-01T10:00:00Z"));
    try (Emulator emulator =
        Emulator.builder().clock(clock).sessionLifetime(Duration.ofMinutes(15)).build().start()) {
      GraphHttp http = new GraphHttp(emulator);
      byte[] content = GraphHttp.randomBytes(3 * MIB, 12);
      String url = http.createSession(http.createDraft(), "a.bin", content.length);
      http.put(url, content, 0, MIB - 1);

      clock.advance(Duration.ofMinutes(14));
      Response withinLifetime = http.put(url, content, MIB, 2 * MIB - 1);
      clock.advance(Duration.ofMinutes(16));
      Response afterLifetime = http.put(url, content, 2 * MIB, content.length - 1);

      assertThat(withinLifetime.status()).isEqualTo(200);
      assertThat(withinLifetime.string("expirationDateTime"))
          .isEqualTo("2024-05-01T10:29:00.0000000Z");
      assertThat(afterLifetime.status()).isEqualTo(404);
      assertThat(afterLifetime.errorCode()).isEqualTo("ErrorItemNotFound");
      assertThat(emulator.latestSession().state()).isEqualTo(SessionState.EXPIRED);
    }
  }

  static Map<String, Object> fileAttachment(byte[] content) {
    return Map.of(
        "@odata.type", "#microsoft.graph.fileAttachment",
        "name", "small.bin",
        "contentType", "application/octet-stream",
        "contentBytes", Base64.getEncoder().encodeToString(content));
  }

  /** A clock the test moves by hand, so expiry needs no waiting. */
  static final class MutableClock extends Clock {
    private volatile Instant now;

    MutableClock(Instant start) {
      this.now = start;
    }

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
