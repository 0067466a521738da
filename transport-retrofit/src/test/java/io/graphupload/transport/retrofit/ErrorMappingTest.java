package io.graphupload.transport.retrofit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.graphupload.core.Attachment;
import io.graphupload.core.GraphServiceException;
import io.graphupload.core.Mailbox;
import io.graphupload.core.OutlookItem;
import io.graphupload.core.UploadException.Category;
import io.graphupload.core.UploadException.Phase;
import io.graphupload.core.spi.ContentRange;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each error row of PROTOCOL.md, as the exception the engine gets. */
class ErrorMappingTest {
  private static final Instant NOW = Instant.parse("2024-05-06T07:08:09Z");

  @RegisterExtension static WireMockExtension server = Fixtures.wireMock();

  @TempDir Path dir;

  private RetrofitTransport transport;
  private FileChannel channel;
  private String put;

  @BeforeEach
  void open() throws IOException {
    transport =
        Fixtures.builder(server, new RecordingTokenSource("token-1"))
            .clock(Clock.fixed(NOW, ZoneOffset.UTC))
            .build();
    channel = Fixtures.open(Fixtures.file(dir, Fixtures.content(100)));
    put = "(PUT " + server.baseUrl() + Fixtures.SESSION_PATH.replace("eyJ.a-b_c", "REDACTED");
  }

  @AfterEach
  void close() throws IOException {
    channel.close();
    transport.close();
  }

  @Test
  void throttlingIsTransientAndCarriesRetryAfterInSeconds() {
    GraphServiceException e =
        putFails(
            aResponse()
                .withStatus(429)
                .withHeader("Retry-After", "7")
                .withBody(graphError("TooManyRequests", "Too many requests", "req-429")));

    assertThat(e.category()).isEqualTo(Category.TRANSIENT);
    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(7));
    assertThat(e.errorCode()).isEqualTo("TooManyRequests");
    assertThat(e.requestId()).isEqualTo("req-429");
    assertThat(e)
        .hasMessage(
            "The service is throttling requests for this app and mailbox; wait 7 seconds before"
                + " trying again. Outlook allows 4 concurrent requests per app and mailbox. "
                + put
                + " answered HTTP 429, code TooManyRequests, request id req-429) The service said:"
                + " \"Too many requests\"");
  }

  @Test
  void retryAfterAsAnHttpDateIsTheTimeUntilThatDate() {
    GraphServiceException e =
        putFails(
            aResponse().withStatus(503).withHeader("Retry-After", "Mon, 06 May 2024 07:10:09 GMT"));

    assertThat(e.retryAfter()).isEqualTo(Duration.ofMinutes(2));
    assertThat(e.category()).isEqualTo(Category.TRANSIENT);
    assertThat(e.errorCode()).isNull();
    assertThat(e)
        .hasMessage(
            "The service failed or is overloaded; try again later. " + put + " answered HTTP 503)");
  }

  @ParameterizedTest
  @ValueSource(ints = {500, 502, 504})
  void serverErrorsAreTransientEvenWithoutJson(int status) {
    GraphServiceException e =
        putFails(
            aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "text/html")
                .withBody("<html><body>Bad gateway</body></html>"));

    assertThat(e.category()).isEqualTo(Category.TRANSIENT);
    assertThat(e.httpStatus()).isEqualTo(status);
    assertThat(e.errorCode()).isNull();
    assertThat(e.retryAfter()).isNull();
    assertThat(e.phase()).isEqualTo(Phase.UPLOAD_RANGE);
  }

  @Test
  void rangeAlreadyReceivedIsPermanentWithTheInvalidRangeCode() {
    GraphServiceException e =
        putFails(
            aResponse()
                .withStatus(416)
                .withBody(graphError("invalidRange", "Range already received", "req-416")));

    assertThat(e.category()).isEqualTo(Category.PERMANENT);
    assertThat(e.hasCode("InvalidRange")).isTrue();
    assertThat(e)
        .hasMessage(
            "The service did not expect this range: it already has these bytes, or expects"
                + " others. Continue from the offset the service expects next. "
                + put
                + " answered HTTP 416, code invalidRange, request id req-416) The service said:"
                + " \"Range already received\"");
  }

  @Test
  void expiredSessionIsReportedAsNotFoundSoTheEngineStartsOver() {
    GraphServiceException e =
        putFails(aResponse().withStatus(404).withBody(graphError("ErrorItemNotFound", null, null)));

    assertThat(e.category()).isEqualTo(Category.PERMANENT);
    assertThat(e.httpStatus()).isEqualTo(404);
    assertThat(e)
        .hasMessage(
            "The upload session no longer exists: it expired or was cancelled, so the upload must"
                + " start over in a new session. "
                + put
                + " answered HTTP 404, code ErrorItemNotFound)");
  }

  @Test
  void expiredSessionTokenIsAnAuthenticationAnswerThatSaysToStartOver() {
    GraphServiceException e =
        putFails(
            aResponse().withStatus(401).withBody(graphError("ExpiredAuthenticationToken", "", "")));

    assertThat(e.category()).isEqualTo(Category.AUTHENTICATION);
    assertThat(e)
        .hasMessage(
            "The upload session is no longer authorized: its URL's token expired or the session"
                + " was cancelled, so the upload must start over in a new session. "
                + put
                + " answered HTTP 401, code ExpiredAuthenticationToken)");
  }

  @Test
  void tokenSentToTheUploadUrlIsExplainedAsABug() {
    GraphServiceException e =
        putFails(
            aResponse().withStatus(401).withBody(graphError("InvalidAudienceForResource", "", "")));

    assertThat(e)
        .hasMessageStartingWith(
            "The upload URL refused a Graph access token (InvalidAudienceForResource). This is a"
                + " bug: upload URLs carry their own credentials and must be called without an"
                + " Authorization header. Please report it. ");
  }

  @Test
  void mailboxSizeLimitIsPermanentAndNamesTheTenantLimit() {
    GraphServiceException e =
        putFails(
            aResponse()
                .withStatus(400)
                .withBody(graphError("ErrorMessageSizeExceeded", "Too big", "req-size")));

    assertThat(e.category()).isEqualTo(Category.PERMANENT);
    assertThat(e.isRetryable()).isFalse();
    assertThat(e)
        .hasMessage(
            "The attachment would make the message larger than its mailbox allows. The tenant's"
                + " Exchange administrator sets each mailbox's maximum message size (35 MB by"
                + " default, up to 150 MB): ask them to raise it for this mailbox, or send a"
                + " smaller file. Retrying will not help. "
                + put
                + " answered HTTP 400, code ErrorMessageSizeExceeded, request id req-size) The"
                + " service said: \"Too big\"");
  }

  @Test
  void tooLargeABodyIsExplained() {
    GraphServiceException e = putFails(aResponse().withStatus(413));

    assertThat(e.category()).isEqualTo(Category.PERMANENT);
    assertThat(e)
        .hasMessage(
            "The request was too large for the service. A single Graph request may carry about 4"
                + " MB, so files of 3 MB or more go through an upload session in ranges of at most"
                + " 4 MiB; an answer like this one is a bug in the client. "
                + put
                + " answered HTTP 413)");
  }

  @Test
  void requestIdIsFoundInANestedInnerErrorOrElseInTheHeaders() {
    String nested =
        "{\"error\":{\"code\":\"generalException\",\"innerError\":{\"date\":\"x\","
            + "\"innerError\":{\"request-id\":\"deep-id\"}}}}";
    assertThat(putFails(aResponse().withStatus(500).withBody(nested)).requestId())
        .isEqualTo("deep-id");
    assertThat(
            putFails(aResponse().withStatus(500).withHeader("request-id", "header-id")).requestId())
        .isEqualTo("header-id");
    assertThat(
            putFails(aResponse().withStatus(500).withHeader("client-request-id", "client-id"))
                .requestId())
        .isEqualTo("client-id");
  }

  @Test
  void forbiddenOnAnotherUsersMailboxExplainsThatDelegatedAccessDoesNotReachIt() {
    OutlookItem item = OutlookItem.message(Mailbox.user("shared@contoso.com"), "AAMk1");
    server.stubFor(
        post(urlEqualTo(
                "/v1.0/users/shared%40contoso.com/messages/AAMk1/attachments/createUploadSession"))
            .willReturn(
                aResponse()
                    .withStatus(403)
                    .withBody(graphError("ErrorAccessDenied", "Access is denied.", "r"))));

    GraphServiceException e =
        catchThrowableOfType(
            GraphServiceException.class,
            () -> transport.createSession(item, Attachment.file("a", 3_000_000, "a/b")));

    assertThat(e.category()).isEqualTo(Category.AUTHENTICATION);
    assertThat(e.phase()).isEqualTo(Phase.CREATE_SESSION);
    assertThat(e)
        .hasMessage(
            "Graph denied access to message AAMk1 in shared@contoso.com. With delegated"
                + " permissions, attachments can be added only to the signed-in user's own"
                + " mailbox, not to a shared or another user's mailbox, even with delegate access."
                + " For such a mailbox, sign in as the app with application permission"
                + " Mail.ReadWrite granted by an administrator. (POST "
                + server.baseUrl()
                + "/v1.0/users/shared%40contoso.com/messages/AAMk1/attachments/createUploadSession"
                + " answered HTTP 403, code ErrorAccessDenied, request id r) The service said:"
                + " \"Access is denied.\"");
  }

  @Test
  void forbiddenOnTheSignedInUsersMailboxNamesTheMissingPermission() {
    server.stubFor(
        post(urlEqualTo("/v1.0/me/events/EV/attachments/createUploadSession"))
            .willReturn(aResponse().withStatus(403)));

    GraphServiceException e =
        catchThrowableOfType(
            GraphServiceException.class,
            () ->
                transport.createSession(
                    OutlookItem.event(Mailbox.me(), "EV"), Attachment.file("a", 3_000_000, "a/b")));

    assertThat(e)
        .hasMessageStartingWith(
            "Graph denied access to event EV in me: the signed-in account lacks the permission"
                + " Calendars.ReadWrite, or an administrator has not consented to it. (POST ");
  }

  @Test
  void missingItemOnCreateNamesTheItem() {
    server.stubFor(
        post(urlEqualTo("/v1.0/me/messages/GONE/attachments/createUploadSession"))
            .willReturn(
                aResponse().withStatus(404).withBody(graphError("ErrorItemNotFound", "", ""))));

    GraphServiceException e =
        catchThrowableOfType(
            GraphServiceException.class,
            () ->
                transport.createSession(
                    OutlookItem.message(Mailbox.me(), "GONE"),
                    Attachment.file("a", 3_000_000, "a/b")));

    assertThat(e.category()).isEqualTo(Category.PERMANENT);
    assertThat(e)
        .hasMessageStartingWith(
            "Graph found no message GONE in me; check the mailbox and the item id, and that the"
                + " item still exists. (POST ");
  }

  @Test
  void redirectIsNotFollowedAndIsPermanent() {
    GraphServiceException e =
        putFails(aResponse().withStatus(307).withHeader("Location", "https://elsewhere.example/x"));

    assertThat(e.category()).isEqualTo(Category.PERMANENT);
    assertThat(e)
        .hasMessageStartingWith(
            "The service answered with a redirect, which the transport does not follow so that"
                + " tokens and file content never go to another address. ");
    assertThat(server.getAllServeEvents()).hasSize(1);
  }

  private GraphServiceException putFails(ResponseDefinitionBuilder response) {
    server.stubFor(put(urlEqualTo(Fixtures.SESSION_PATH)).willReturn(response));
    return catchThrowableOfType(
        GraphServiceException.class,
        () ->
            transport.putRange(Fixtures.uploadUrl(server), new ContentRange(0, 100, 100), channel));
  }

  private static String graphError(String code, String message, String requestId) {
    return "{\"error\":{\"code\":\""
        + code
        + "\""
        + (message != null ? ",\"message\":\"" + message + "\"" : "")
        + (requestId != null
            ? ",\"innerError\":{\"request-id\":\"" + requestId + "\",\"date\":\"2024-05-06\"}"
            : "")
        + "}}";
  }
}
