package io.graphupload.transport.retrofit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.graphupload.core.Draft;
import io.graphupload.core.GraphServiceException;
import io.graphupload.core.Mailbox;
import io.graphupload.core.OutlookItem;
import io.graphupload.core.UploadException;
import io.graphupload.core.UploadException.Category;
import io.graphupload.core.UploadException.Phase;
import io.graphupload.testing.RecordingLogs;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.event.Level;

/** Creating a draft and sending it: the exact requests, the permissions asked for, the errors. */
class MailCallsTest {
  private static final String MY_MESSAGES = "/v1.0/me/messages";
  private static final String SEND_PATH = "/v1.0/me/messages/AAMk%3D/send";
  private static final OutlookItem MY_DRAFT = OutlookItem.message(Mailbox.me(), "AAMk=");
  private static final Draft DRAFT =
      new Draft(
          "Q3 \"final\" — figures",
          "<p>See <b>the chart</b>:</p><img src=\"cid:chart\">",
          true,
          List.of("ada@contoso.com", "grace@contoso.com"),
          List.of("linus@contoso.com"),
          List.of("audit@contoso.com"));
  private static final String DRAFT_ANSWER =
      "{\"@odata.context\":\"https://graph.microsoft.com/v1.0/$metadata#users('a')/messages"
          + "/$entity\",\"@odata.etag\":\"W/\\\"CQ\\\"\",\"id\":\"AAMkDraft=\","
          + "\"isDraft\":true,\"body\":{\"contentType\":\"html\",\"content\":\"<p>x</p>\"}}";

  @RegisterExtension static WireMockExtension server = Fixtures.wireMock();

  private RecordingTokenSource tokens;
  private RetrofitTransport transport;

  @BeforeEach
  void open() {
    RecordingLogs.clear();
    tokens = new RecordingTokenSource("token-1");
    transport = Fixtures.builder(server, tokens).build();
  }

  @AfterEach
  void close() {
    transport.close();
  }

  @Test
  void createDraftPostsTheMessageWithATokenForMailReadWrite() throws Exception {
    server.stubFor(
        post(urlEqualTo(MY_MESSAGES))
            .willReturn(aResponse().withStatus(201).withBody(DRAFT_ANSWER)));

    String id = transport.createDraft(Mailbox.me(), DRAFT);

    assertThat(id).isEqualTo("AAMkDraft=");
    assertThat(tokens.scopesAsked()).containsExactly(Set.of("Mail.ReadWrite"));
    LoggedRequest request = onlyPost();
    assertThat(request.getUrl()).isEqualTo(MY_MESSAGES);
    assertThat(request.getHeader("Authorization")).isEqualTo("Bearer token-1");
    assertThat(request.getHeader("Content-Type")).isEqualTo("application/json; charset=UTF-8");
    assertThat(request.getHeader("client-request-id"))
        .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    String expected =
        "{\"subject\":\"Q3 \\\"final\\\" — figures\","
            + "\"body\":{\"contentType\":\"HTML\","
            + "\"content\":\"<p>See <b>the chart</b>:</p><img src=\\\"cid:chart\\\">\"},"
            + "\"toRecipients\":[{\"emailAddress\":{\"address\":\"ada@contoso.com\"}},"
            + "{\"emailAddress\":{\"address\":\"grace@contoso.com\"}}],"
            + "\"ccRecipients\":[{\"emailAddress\":{\"address\":\"linus@contoso.com\"}}],"
            + "\"bccRecipients\":[{\"emailAddress\":{\"address\":\"audit@contoso.com\"}}]}";
    assertThat(request.getBodyAsString()).isEqualTo(expected);
    assertThat(request.getHeader("Content-Length"))
        .isEqualTo(Integer.toString(request.getBody().length));
  }

  @Test
  void createDraftInAnotherMailboxOnBetaSendsPlainTextAndOnlyTheRecipientsThatAreSet()
      throws Exception {
    server.stubFor(
        post(urlEqualTo("/graph/beta/users/shared%40contoso.com/messages"))
            .willReturn(aResponse().withStatus(201).withBody("{\"Id\":\"AAMkShared=\"}")));

    String id;
    try (RetrofitTransport beta =
        Fixtures.builder(server, tokens)
            .graphEndpoint(URI.create(server.baseUrl() + "/graph"))
            .apiVersion("beta")
            .build()) {
      id =
          beta.createDraft(
              Mailbox.user("shared@contoso.com"),
              new Draft("", "line 1\nline 2", false, List.of(), List.of(), List.of("b@c.de")));
    }

    assertThat(id).isEqualTo("AAMkShared=");
    assertThat(onlyPost().getBodyAsString())
        .isEqualTo(
            "{\"subject\":\"\",\"body\":{\"contentType\":\"Text\",\"content\":\"line 1\\nline"
                + " 2\"},\"bccRecipients\":[{\"emailAddress\":{\"address\":\"b@c.de\"}}]}");
  }

  @Test
  void draftAnsweredWithoutAnIdIsAPermanentFailureThatWarnsOfASecondDraft() {
    server.stubFor(
        post(urlEqualTo(MY_MESSAGES))
            .willReturn(aResponse().withStatus(201).withBody("{\"isDraft\":true}")));

    assertThatThrownBy(() -> transport.createDraft(Mailbox.me(), DRAFT))
        .isInstanceOfSatisfying(
            UploadException.class,
            e -> {
              assertThat(e.category()).isEqualTo(Category.PERMANENT);
              assertThat(e.phase()).isEqualTo(Phase.CREATE_DRAFT);
            })
        .hasMessage(
            "Graph created the draft (HTTP 201 to POST "
                + server.baseUrl()
                + MY_MESSAGES
                + ") but its answer carries no message id. Find the draft in the Drafts folder of"
                + " the signed-in user's mailbox and delete it before trying again, or there will"
                + " be two.");
  }

  @Test
  void draftTooLargeForOneGraphRequestIsRefusedBeforeAnyRequest() {
    Draft huge =
        new Draft("big", "x".repeat(4_000_000), false, List.of("a@b.c"), List.of(), List.of());

    assertThatThrownBy(() -> transport.createDraft(Mailbox.me(), huge))
        .isInstanceOfSatisfying(
            UploadException.class,
            e -> {
              assertThat(e.category()).isEqualTo(Category.INVALID_INPUT);
              assertThat(e.phase()).isEqualTo(Phase.CREATE_DRAFT);
            })
        .hasMessage(
            "The draft is 4000114 bytes as JSON, over the 4000000 bytes that one Graph request"
                + " may carry. Shorten the message body, and send large content as attachments."
                + " No request was sent.");
    assertThat(server.getAllServeEvents()).isEmpty();
    assertThat(tokens.scopesAsked()).isEmpty();
  }

  @Test
  void sendDraftPostsAnEmptyBodyWithATokenForMailSendAndLogsOneDebugLine() throws Exception {
    server.stubFor(post(urlEqualTo(SEND_PATH)).willReturn(aResponse().withStatus(202)));

    transport.sendDraft(MY_DRAFT);

    assertThat(tokens.scopesAsked()).containsExactly(Set.of("Mail.Send"));
    LoggedRequest request = onlyPost();
    assertThat(request.getUrl()).isEqualTo(SEND_PATH);
    assertThat(request.getHeader("Authorization")).isEqualTo("Bearer token-1");
    assertThat(request.getHeader("Content-Length")).isEqualTo("0");
    assertThat(request.containsHeader("Content-Type")).isFalse();
    assertThat(request.getBody()).isEmpty();
    assertThat(RecordingLogs.lines())
        .filteredOn(line -> line.logger().endsWith("RequestLog"))
        .singleElement()
        .satisfies(
            line -> {
              assertThat(line.level()).isEqualTo(Level.DEBUG);
              assertThat(line.message())
                  .matches(
                      Pattern.quote(
                              "POST "
                                  + server.baseUrl()
                                  + SEND_PATH
                                  + " -> 202 http/1.1, 0 bytes up, ")
                          + "(0|\\?) bytes down, \\d+ ms");
            });
  }

  @Test
  void sendDraftOfAnotherUsersMessageGoesToItsPath() throws Exception {
    String path = "/v1.0/users/shared%40contoso.com/messages/AAMk%2Fx%3D/send";
    server.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(202)));

    transport.sendDraft(OutlookItem.message(Mailbox.user("shared@contoso.com"), "AAMk/x="));

    assertThat(onlyPost().getUrl()).isEqualTo(path);
  }

  @Test
  void sendingAnEventIsRefusedBeforeAnyRequest() {
    assertThatThrownBy(() -> transport.sendDraft(OutlookItem.event(Mailbox.me(), "EV")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Only a message can be sent, not event EV in me; an event's attendees are invited"
                + " when the event is saved");
    assertThat(server.getAllServeEvents()).isEmpty();
  }

  @Test
  void lostAnswerToSendIsAnIoExceptionAndTheMessageIsNotSentASecondTime() throws Exception {
    // A first call leaves a pooled connection, the kind OkHttp would silently retry a request on.
    server.stubFor(
        post(urlEqualTo(MY_MESSAGES))
            .willReturn(aResponse().withStatus(201).withBody(DRAFT_ANSWER)));
    transport.createDraft(Mailbox.me(), DRAFT);
    server.stubFor(
        post(urlEqualTo(SEND_PATH))
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

    assertThatThrownBy(() -> transport.sendDraft(MY_DRAFT))
        .isInstanceOf(IOException.class)
        .isNotInstanceOf(UploadException.class)
        .hasMessageStartingWith("No complete answer to POST " + server.baseUrl() + SEND_PATH);
    assertThat(server.findAll(postRequestedFor(urlEqualTo(SEND_PATH)))).hasSize(1);
  }

  @Test
  void lostAnswerToCreateDraftIsAnIoExceptionAndNoSecondDraftIsPosted() {
    server.stubFor(
        post(urlEqualTo(MY_MESSAGES)).willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));

    assertThatThrownBy(() -> transport.createDraft(Mailbox.me(), DRAFT))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith("No complete answer to POST " + server.baseUrl() + MY_MESSAGES);
    assertThat(server.findAll(postRequestedFor(anyUrl()))).hasSize(1);
  }

  @Test
  void refusedTokenOnSendIsInvalidatedAndTheSendMadeOnceMoreWithAFreshMailSendToken()
      throws Exception {
    server.stubFor(
        post(urlEqualTo(SEND_PATH))
            .withHeader("Authorization", equalTo("Bearer stale"))
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withBody(graphError("InvalidAuthenticationToken", "Expired", "r-1"))));
    server.stubFor(
        post(urlEqualTo(SEND_PATH))
            .withHeader("Authorization", equalTo("Bearer fresh"))
            .willReturn(aResponse().withStatus(202)));
    RecordingTokenSource rotating = new RecordingTokenSource("stale", "fresh");

    try (RetrofitTransport retrying = Fixtures.builder(server, rotating).build()) {
      retrying.sendDraft(MY_DRAFT);
    }

    assertThat(rotating.invalidated()).containsExactly("stale");
    assertThat(rotating.scopesAsked()).containsExactly(Set.of("Mail.Send"), Set.of("Mail.Send"));
    assertThat(server.findAll(postRequestedFor(anyUrl()))).hasSize(2);
  }

  @Test
  void tokenRefusedTwiceOnSendNamesTheMailSendPermission() {
    GraphServiceException e =
        sendFails(
            aResponse()
                .withStatus(401)
                .withBody(graphError("InvalidAuthenticationToken", null, "r-401")));

    assertThat(e.category()).isEqualTo(Category.AUTHENTICATION);
    assertThat(e.phase()).isEqualTo(Phase.SEND_MESSAGE);
    assertThat(e)
        .hasMessage(
            "Graph refused the access token, even a freshly fetched one. Sign in again, and check"
                + " that the app has the permission Mail.Send with consent. (POST "
                + server.baseUrl()
                + SEND_PATH
                + " answered HTTP 401, code InvalidAuthenticationToken, request id r-401)");
  }

  @Test
  void sendForbiddenNamesTheMissingMailSendPermission() {
    GraphServiceException e =
        sendFails(
            aResponse()
                .withStatus(403)
                .withBody(graphError("ErrorAccessDenied", "Access is denied.", "r-403")));

    assertThat(e.category()).isEqualTo(Category.AUTHENTICATION);
    assertThat(e.phase()).isEqualTo(Phase.SEND_MESSAGE);
    assertThat(e.httpStatus()).isEqualTo(403);
    assertThat(e.errorCode()).isEqualTo("ErrorAccessDenied");
    assertThat(e.requestId()).isEqualTo("r-403");
    assertThat(e)
        .hasMessage(
            "Graph denied access to message AAMk= in me: the signed-in account lacks the"
                + " permission Mail.Send, or an administrator has not consented to it. (POST "
                + server.baseUrl()
                + SEND_PATH
                + " answered HTTP 403, code ErrorAccessDenied, request id r-403) The service"
                + " said: \"Access is denied.\"");
  }

  @Test
  void sendOfAMessageThatIsGoneSaysToLookInSentItems() {
    GraphServiceException e =
        sendFails(
            aResponse()
                .withStatus(404)
                .withHeader("request-id", "r-404")
                .withBody(graphError("ErrorItemNotFound", "The item was not found.", null)));

    assertThat(e.category()).isEqualTo(Category.PERMANENT);
    assertThat(e.requestId()).isEqualTo("r-404");
    assertThat(e)
        .hasMessage(
            "Graph found no message AAMk= in me: it may have been sent already (a sent message"
                + " moves to Sent Items under a new id) or deleted. Check Sent Items before"
                + " sending it again. (POST "
                + server.baseUrl()
                + SEND_PATH
                + " answered HTTP 404, code ErrorItemNotFound, request id r-404) The service"
                + " said: \"The item was not found.\"");
  }

  @Test
  void sendWithInvalidRecipientsSaysToCorrectThemInTheDraft() {
    GraphServiceException e =
        sendFails(
            aResponse()
                .withStatus(400)
                .withBody(graphError("ErrorInvalidRecipients", "At least one recipient", "r")));

    assertThat(e.category()).isEqualTo(Category.PERMANENT);
    assertThat(e.isRetryable()).isFalse();
    assertThat(e)
        .hasMessageStartingWith(
            "The service refused the recipients of message AAMk= in me: at least one address is"
                + " not valid, or there is none. Correct them in the draft, then send it again."
                + " (POST ");
  }

  @Test
  void throttledDraftIsTransientWithItsRetryAfterAndRequestId() {
    GraphServiceException e =
        draftFails(
            Mailbox.me(),
            aResponse()
                .withStatus(429)
                .withHeader("Retry-After", "3")
                .withBody(graphError("ApplicationThrottled", "Slow down", "r-429")));

    assertThat(e.category()).isEqualTo(Category.TRANSIENT);
    assertThat(e.phase()).isEqualTo(Phase.CREATE_DRAFT);
    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(3));
    assertThat(e)
        .hasMessage(
            "The service is throttling requests for this app and mailbox; wait 3 seconds before"
                + " trying again. Outlook allows 4 concurrent requests per app and mailbox. (POST "
                + server.baseUrl()
                + MY_MESSAGES
                + " answered HTTP 429, code ApplicationThrottled, request id r-429) The service"
                + " said: \"Slow down\"");
  }

  @Test
  void draftForbiddenInAnotherMailboxNamesTheSharedAndTheApplicationPermission() {
    GraphServiceException e =
        draftFails(
            Mailbox.user("shared@contoso.com"),
            aResponse().withStatus(403).withBody(graphError("ErrorAccessDenied", null, "r")));

    assertThat(e.category()).isEqualTo(Category.AUTHENTICATION);
    assertThat(e)
        .hasMessage(
            "Graph denied access to the mailbox of shared@contoso.com. With delegated"
                + " permissions, a shared or another user's mailbox needs the permission"
                + " Mail.ReadWrite.Shared and access to that mailbox, and even then takes no"
                + " attachments of 3 MB or more. To send such mail, sign in as the app with"
                + " application permission Mail.ReadWrite granted by an administrator. (POST "
                + server.baseUrl()
                + "/v1.0/users/shared%40contoso.com/messages answered HTTP 403, code"
                + " ErrorAccessDenied, request id r)");
  }

  @Test
  void draftForAnUnknownUserSaysToCheckTheUser() {
    GraphServiceException e =
        draftFails(
            Mailbox.user("nobody@contoso.com"),
            aResponse()
                .withStatus(404)
                .withBody(graphError("ErrorInvalidUser", "The requested user is invalid.", "r")));

    assertThat(e.category()).isEqualTo(Category.PERMANENT);
    assertThat(e)
        .hasMessageStartingWith(
            "Graph could not find the mailbox of nobody@contoso.com; check the user's id or"
                + " principal name. (POST ");
  }

  @Test
  void draftInAMailboxOutsideExchangeOnlineSaysWhy() {
    GraphServiceException e =
        draftFails(
            Mailbox.me(),
            aResponse()
                .withStatus(404)
                .withBody(graphError("MailboxNotEnabledForRESTAPI", "REST API is not yet", "r")));

    assertThat(e)
        .hasMessageStartingWith(
            "Graph cannot reach the signed-in user's mailbox: the mailbox is not in Exchange"
                + " Online, is inactive, or its user has no Exchange Online licence. Ask the"
                + " tenant's administrator to check the mailbox. (POST ");
  }

  @Test
  void draftRefusedAsTooLargeSaysToShortenTheBody() {
    GraphServiceException e = draftFails(Mailbox.me(), aResponse().withStatus(413));

    assertThat(e.category()).isEqualTo(Category.PERMANENT);
    assertThat(e)
        .hasMessage(
            "The draft was too large for the service: a single Graph request may carry about 4"
                + " MB. Shorten the message body, and send large content as attachments. (POST "
                + server.baseUrl()
                + MY_MESSAGES
                + " answered HTTP 413)");
  }

  private GraphServiceException sendFails(ResponseDefinitionBuilder answer) {
    server.stubFor(post(urlEqualTo(SEND_PATH)).willReturn(answer));
    return catchThrowableOfType(GraphServiceException.class, () -> transport.sendDraft(MY_DRAFT));
  }

  private GraphServiceException draftFails(Mailbox mailbox, ResponseDefinitionBuilder answer) {
    server.stubFor(post(anyUrl()).willReturn(answer));
    return catchThrowableOfType(
        GraphServiceException.class, () -> transport.createDraft(mailbox, DRAFT));
  }

  private static LoggedRequest onlyPost() {
    List<LoggedRequest> posts = server.findAll(postRequestedFor(anyUrl()));
    assertThat(posts).hasSize(1);
    return posts.get(0);
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
