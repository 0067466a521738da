package io.graphupload.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.graphupload.core.spi.ContentRange;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValuesTest {
  @Test
  void nextExpectedRangesParseInEveryFormTheServiceUsed() {
    assertThat(ByteRange.parse("123-")).isEqualTo(new ByteRange(123, -1));
    assertThat(ByteRange.parse("123")).isEqualTo(new ByteRange(123, -1));
    assertThat(ByteRange.parse("123-456")).isEqualTo(new ByteRange(123, 456));
    assertThat(ByteRange.parse(" 0- ")).isEqualTo(new ByteRange(0, -1));
    assertThat(new ByteRange(5, -1)).hasToString("5-");
  }

  @Test
  void malformedRangeNamesTheEntryAndTheFormsExpected() {
    assertThatThrownBy(() -> ByteRange.parse("abc-"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Not a next expected range: 'abc-'; expected \"123-\", \"123\" or \"123-456\"");
  }

  @Test
  void sessionJsonIsReadWithKeysInAnyCase() {
    Map<String, Object> pascal =
        Map.of(
            "UploadUrl", "https://outlook.office.com/api/v2.0/x?authtoken=abc",
            "ExpirationDateTime", "2019-09-25T01:09:30.7671707Z",
            "NextExpectedRanges", List.of("2097152"));

    UploadSession session = UploadSession.fromJson(pascal, true, null);

    assertThat(session.uploadUrl())
        .isEqualTo("https://outlook.office.com/api/v2.0/x?authtoken=abc");
    assertThat(session.expiration()).isEqualTo(Instant.parse("2019-09-25T01:09:30.767170700Z"));
    assertThat(session.nextExpectedOffset()).hasValue(2097152);
  }

  @Test
  void sessionJsonTakesSeveralRangesAndOffsetsWithoutZone() {
    Map<String, Object> json =
        Map.of(
            "expirationDateTime",
            "2030-01-01T00:00:00",
            "nextExpectedRanges",
            List.of("12-55", "77-"));

    UploadSession session = UploadSession.fromJson(json, false, "https://known/url");

    assertThat(session.uploadUrl()).isEqualTo("https://known/url");
    assertThat(session.expiration()).isEqualTo(Instant.parse("2030-01-01T00:00:00Z"));
    assertThat(session.nextExpectedRanges())
        .containsExactly(new ByteRange(12, 55), new ByteRange(77, -1));
  }

  @Test
  void sessionWithoutUploadUrlIsRefusedWhenOneIsRequired() {
    assertThatThrownBy(() -> UploadSession.fromJson(Map.of("foo", "bar"), true, null))
        .hasMessage("The upload session has no uploadUrl; keys present: [foo]");
  }

  @Test
  void sessionAndCheckpointNeverPrintTheUploadToken() {
    UploadSession session =
        new UploadSession(
            "https://outlook.office.com/api/v2.0/Users('a')/AttachmentSessions('b')"
                + "?authtoken=eyJ0eXAi.secret&other=1",
            null,
            List.of());

    assertThat(session.toString())
        .contains("AttachmentSessions('b')?authtoken=REDACTED&other=REDACTED")
        .doesNotContain("eyJ0eXAi");
  }

  @Test
  void redactionMasksQueryValuesBearerTokensAndSecretPairs() {
    assertThat(Redaction.url("https://h/p?authtoken=abc&tempauth=def"))
        .isEqualTo("https://h/p?authtoken=REDACTED&tempauth=REDACTED");
    assertThat(Redaction.url("https://h/p")).isEqualTo("https://h/p");
    assertThat(Redaction.url("https://h/p?authtoken=ab'c d\"e<f>&x=1#frag"))
        .isEqualTo("https://h/p?authtoken=REDACTED&x=REDACTED#frag");
    assertThat(
            Redaction.text(
                "PUT https://h/x?authtoken=abc failed; Authorization: Bearer eyJhbGc.def-ghi"))
        .isEqualTo("PUT https://h/x?authtoken=REDACTED failed; Authorization: Bearer REDACTED");
    assertThat(Redaction.text("{\"client_secret\":\"s3cr3t\",\"refresh_token\": \"rt\"}"))
        .doesNotContain("s3cr3t")
        .doesNotContain("\"rt\"");
  }

  @Test
  void outlookTargetsKnowTheirPathsAndRoundTrip() {
    OutlookItem event = OutlookItem.event(Mailbox.user("ada lovelace@contoso.com"), "AAMk/=+x");

    assertThat(event.resourcePath())
        .isEqualTo("users/ada%20lovelace%40contoso.com/events/AAMk%2F%3D%2Bx");
    assertThat(event.createSessionPath()).endsWith("/attachments/createUploadSession");
    assertThat(event.requiredPermissions()).containsExactly("Calendars.ReadWrite");
    assertThat(UploadTarget.parse(event.resourcePath())).isEqualTo(event);

    OutlookItem message = OutlookItem.message(Mailbox.me(), "AAMkDraft");
    assertThat(message.attachmentsPath()).isEqualTo("me/messages/AAMkDraft/attachments");
    assertThat(message.requiredPermissions()).containsExactly("Mail.ReadWrite");
    assertThat(UploadTarget.parse(message.resourcePath())).isEqualTo(message);
  }

  @Test
  void unknownTargetPathListsTheKnownForms() {
    assertThatThrownBy(() -> UploadTarget.parse("me/drive/root"))
        .hasMessage(
            "Not a known upload target: 'me/drive/root'; expected me/messages/{id},"
                + " me/events/{id}, users/{user}/messages/{id} or users/{user}/events/{id}");
  }

  @Test
  void inlineAttachmentWithoutContentIdIsRefused() {
    assertThatThrownBy(() -> new Attachment("logo.png", 10, "image/png", true, null))
        .hasMessage(
            "Inline attachment 'logo.png' needs a content id, the name the body refers to as"
                + " <img src=\"cid:...\">");
  }

  @Test
  void contentRangeHeaderIsZeroBasedAndInclusive() {
    ContentRange range = new ContentRange(4_194_304, 1, 4_194_305);

    assertThat(range.header()).isEqualTo("bytes 4194304-4194304/4194305");
    assertThat(range.isLast()).isTrue();
    assertThatThrownBy(() -> new ContentRange(10, 5, 12))
        .hasMessage("Not a range of a 12-byte file: start 10, length 5");
  }

  @Test
  void rangeRulesClampToMaximumAndGranularity() {
    RangeRules oneDrive = new RangeRules(60L * 1024 * 1024 - 1, 327_680);

    assertThat(RangeRules.OUTLOOK.clamp(Long.MAX_VALUE)).isEqualTo(4_194_304);
    assertThat(RangeRules.OUTLOOK.clamp(1000)).isEqualTo(1000);
    assertThat(oneDrive.clamp(Long.MAX_VALUE)).isEqualTo(62_586_880);
    assertThat(oneDrive.clamp(1000)).isEqualTo(327_680);
  }

  @Test
  void backoffBoundDoublesUpToTheMaximum() {
    RetryPolicy policy = RetryPolicy.DEFAULT;

    assertThat(policy.backoffBound(1).toMillis()).isEqualTo(1000);
    assertThat(policy.backoffBound(2).toMillis()).isEqualTo(2000);
    assertThat(policy.backoffBound(6).toMillis()).isEqualTo(32000);
    assertThat(policy.backoffBound(7).toMillis()).isEqualTo(60000);
    assertThat(policy.backoffBound(40).toMillis()).isEqualTo(60000);
  }

  @Test
  void staticTokenSourceNeverPrintsItsToken() {
    StaticTokenSource source = new StaticTokenSource("eyJsecret");

    assertThat(source.token(java.util.Set.of("Mail.ReadWrite"))).isEqualTo("eyJsecret");
    assertThat(source.toString()).doesNotContain("eyJsecret");
    assertThatThrownBy(() -> new StaticTokenSource(" "))
        .hasMessage(
            "The access token is blank; pass a bearer token with --token or GRAPH_UPLOAD_TOKEN");
  }
}
