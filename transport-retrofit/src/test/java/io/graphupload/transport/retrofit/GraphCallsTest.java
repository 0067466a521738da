package io.graphupload.transport.retrofit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.graphupload.core.Attachment;
import io.graphupload.core.ByteRange;
import io.graphupload.core.GraphServiceException;
import io.graphupload.core.Mailbox;
import io.graphupload.core.OutlookItem;
import io.graphupload.core.UploadException;
import io.graphupload.core.UploadSession;
import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class GraphCallsTest {
  private static final OutlookItem MY_MESSAGE = OutlookItem.message(Mailbox.me(), "AAMk=");
  private static final String CREATE_PATH =
      "/v1.0/me/messages/AAMk%3D/attachments/createUploadSession";
  private static final String SESSION_JSON =
      "{\"@odata.context\":\"https://graph.microsoft.com/v1.0"
          + "/$metadata#microsoft.graph.uploadSession\","
          + "\"uploadUrl\":\"https://outlook.office.com/api/v2.0/Users('oid@tid')/Messages('AAMk=')"
          + "/AttachmentSessions('AAMkS=')?authtoken=eyJ0.x\","
          + "\"expirationDateTime\":\"2019-09-25T01:09:30.7671707Z\","
          + "\"nextExpectedRanges\":[\"0-\"]}";

  @RegisterExtension static WireMockExtension server = Fixtures.wireMock();

  @TempDir Path dir;

  @Test
  void createSessionPostsTheAttachmentItemWithABearerTokenForTheTargetsPermission()
      throws Exception {
    server.stubFor(
        post(urlEqualTo(CREATE_PATH))
            .willReturn(aResponse().withStatus(201).withBody(SESSION_JSON)));
    RecordingTokenSource tokens = new RecordingTokenSource("token-1");

    UploadSession session;
    try (RetrofitTransport transport = Fixtures.builder(server, tokens).build()) {
      session =
          transport.createSession(
              MY_MESSAGE,
              new Attachment(
                  "flower \"1\".png", 3_483_322, "image/png", true, "my_inline_picture"));
    }

    assertThat(session)
        .isEqualTo(
            new UploadSession(
                "https://outlook.office.com/api/v2.0/Users('oid@tid')/Messages('AAMk=')"
                    + "/AttachmentSessions('AAMkS=')?authtoken=eyJ0.x",
                Instant.parse("2019-09-25T01:09:30.767170700Z"),
                List.of(new ByteRange(0, -1))));
    assertThat(tokens.scopesAsked()).containsExactly(Set.of("Mail.ReadWrite"));
    LoggedRequest request = onlyPost();
    assertThat(request.getHeader("Authorization")).isEqualTo("Bearer token-1");
    assertThat(request.getHeader("Content-Type")).isEqualTo("application/json; charset=UTF-8");
    assertThat(request.getHeader("client-request-id"))
        .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    assertThat(request.getBodyAsString())
        .isEqualTo(
            "{\"AttachmentItem\":{\"attachmentType\":\"file\",\"name\":\"flower \\\"1\\\".png\","
                + "\"size\":3483322,\"contentType\":\"image/png\",\"isInline\":true,"
                + "\"contentId\":\"my_inline_picture\"}}");
  }

  @Test
  void createSessionForAnEventInAnotherMailboxOnBetaUnderAnEndpointPath() throws Exception {
    server.stubFor(
        post(urlEqualTo("/graph/beta/users/a%40b.com/events/EV1/attachments/createUploadSession"))
            .willReturn(aResponse().withStatus(201).withBody(SESSION_JSON)));
    RecordingTokenSource tokens = new RecordingTokenSource("token-1");

    try (RetrofitTransport transport =
        Fixtures.builder(server, tokens)
            .graphEndpoint(URI.create(server.baseUrl() + "/graph"))
            .apiVersion("beta")
            .build()) {
      transport.createSession(
          OutlookItem.event(Mailbox.user("a@b.com"), "EV1"),
          Attachment.file("plan.pdf", 5_000_000, "application/pdf"));
    }

    assertThat(tokens.scopesAsked()).containsExactly(Set.of("Calendars.ReadWrite"));
    assertThat(onlyPost().getBodyAsString())
        .isEqualTo(
            "{\"AttachmentItem\":{\"attachmentType\":\"file\",\"name\":\"plan.pdf\","
                + "\"size\":5000000,\"contentType\":\"application/pdf\",\"isInline\":false}}");
  }

  @Test
  void createSessionReadsPascalCaseKeys() throws Exception {
    server.stubFor(
        post(urlEqualTo(CREATE_PATH))
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withBody(
                        "{\"UploadUrl\":\"https://outlook.office365.com/api/gv1.0/s?authtoken=x\","
                            + "\"ExpirationDateTime\":\"2030-01-01T00:00:00Z\","
                            + "\"NextExpectedRanges\":[\"0\"]}")));

    try (RetrofitTransport transport = Fixtures.transport(server)) {
      assertThat(transport.createSession(MY_MESSAGE, Attachment.file("a", 3_000_000, "a/b")))
          .isEqualTo(
              new UploadSession(
                  "https://outlook.office365.com/api/gv1.0/s?authtoken=x",
                  Instant.parse("2030-01-01T00:00:00Z"),
                  List.of(new ByteRange(0, -1))));
    }
  }

  @Test
  void refusedTokenIsInvalidatedAndTheCallMadeOnceMoreWithAFreshOne() throws Exception {
    server.stubFor(
        post(urlEqualTo(CREATE_PATH))
            .withHeader("Authorization", equalTo("Bearer stale"))
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withBody("{\"error\":{\"code\":\"InvalidAuthenticationToken\"}}")));
    server.stubFor(
        post(urlEqualTo(CREATE_PATH))
            .withHeader("Authorization", equalTo("Bearer fresh"))
            .willReturn(aResponse().withStatus(201).withBody(SESSION_JSON)));
    RecordingTokenSource tokens = new RecordingTokenSource("stale", "fresh");

    try (RetrofitTransport transport = Fixtures.builder(server, tokens).build()) {
      transport.createSession(MY_MESSAGE, Attachment.file("a", 3_000_000, "a/b"));
    }

    assertThat(tokens.invalidated()).containsExactly("stale");
    assertThat(server.findAll(postRequestedFor(anyUrl())))
        .extracting(request -> request.getHeader("Authorization"))
        .containsExactly("Bearer stale", "Bearer fresh");
  }

  @Test
  void tokenRefusedTwiceIsAnAuthenticationFailureAfterExactlyTwoCalls() {
    server.stubFor(
        post(urlEqualTo(CREATE_PATH))
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withBody("{\"error\":{\"code\":\"InvalidAuthenticationToken\"}}")));
    RecordingTokenSource tokens = new RecordingTokenSource("stale", "also-stale");

    try (RetrofitTransport transport = Fixtures.builder(server, tokens).build()) {
      assertThatThrownBy(
              () -> transport.createSession(MY_MESSAGE, Attachment.file("a", 3_000_000, "a/b")))
          .isInstanceOfSatisfying(
              GraphServiceException.class,
              e -> {
                assertThat(e.category()).isEqualTo(UploadException.Category.AUTHENTICATION);
                assertThat(e.phase()).isEqualTo(UploadException.Phase.CREATE_SESSION);
                assertThat(e.httpStatus()).isEqualTo(401);
              })
          .hasMessage(
              "Graph refused the access token, even a freshly fetched one. Sign in again, and"
                  + " check that the app has the permission Mail.ReadWrite with consent. (POST "
                  + server.baseUrl()
                  + CREATE_PATH
                  + " answered HTTP 401, code InvalidAuthenticationToken)");
    }
    assertThat(tokens.invalidated()).containsExactly("stale");
    assertThat(server.findAll(postRequestedFor(anyUrl()))).hasSize(2);
  }

  @Test
  void sessionWhoseUploadUrlIsPlainHttpToTheInternetIsRefused() {
    server.stubFor(
        post(urlEqualTo(CREATE_PATH))
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withBody("{\"uploadUrl\":\"http://outlook.office.com/s?authtoken=abc\"}")));

    try (RetrofitTransport transport = Fixtures.transport(server)) {
      assertThatThrownBy(
              () -> transport.createSession(MY_MESSAGE, Attachment.file("a", 3_000_000, "a/b")))
          .isInstanceOfSatisfying(
              UploadException.class,
              e -> assertThat(e.category()).isEqualTo(UploadException.Category.PERMANENT))
          .hasMessage(
              "Graph answered POST "
                  + server.baseUrl()
                  + CREATE_PATH
                  + " with an unusable upload URL. The upload URL"
                  + " http://outlook.office.com/s?authtoken=REDACTED uses plain http to"
                  + " outlook.office.com, which is not a loopback address. Use https: plain http"
                  + " is allowed only to 127.0.0.0/8, ::1 and localhost, for local emulators.");
    }
  }

  @Test
  void sessionWithoutAnUploadUrlIsALostAnswer() {
    server.stubFor(
        post(urlEqualTo(CREATE_PATH))
            .willReturn(aResponse().withStatus(201).withBody("{\"nextExpectedRanges\":[\"0-\"]}")));

    try (RetrofitTransport transport = Fixtures.transport(server)) {
      assertThatThrownBy(
              () -> transport.createSession(MY_MESSAGE, Attachment.file("a", 3_000_000, "a/b")))
          .isInstanceOf(IOException.class)
          .hasMessage(
              "The answer to POST "
                  + server.baseUrl()
                  + CREATE_PATH
                  + " is not an upload session: The upload session has no uploadUrl; keys"
                  + " present: [nextExpectedRanges]");
    }
  }

  @Test
  void postAttachmentStreamsTheContentAsBase64InExactlyTheAdvertisedLength() throws Exception {
    byte[] content = Fixtures.content(100_001);
    server.stubFor(
        post(urlEqualTo("/v1.0/me/messages/AAMk%3D/attachments"))
            .willReturn(aResponse().withStatus(201).withBody("{\"id\":\"AAMkAtt=\",\"size\":1}")));

    String id;
    try (RetrofitTransport transport = Fixtures.transport(server);
        FileChannel channel = Fixtures.open(Fixtures.file(dir, content))) {
      id =
          transport.postAttachment(
              MY_MESSAGE,
              new Attachment("résumé.pdf", content.length, "application/pdf", true, "cv"),
              channel);
    }

    assertThat(id).isEqualTo("AAMkAtt=");
    LoggedRequest request = onlyPost();
    String expected =
        "{\"@odata.type\":\"#microsoft.graph.fileAttachment\",\"name\":\"résumé.pdf\","
            + "\"contentType\":\"application/pdf\",\"isInline\":true,\"contentId\":\"cv\","
            + "\"contentBytes\":\""
            + Base64.getEncoder().encodeToString(content)
            + "\"}";
    assertThat(request.getBody()).isEqualTo(expected.getBytes(StandardCharsets.UTF_8));
    assertThat(request.getHeader("Content-Length"))
        .isEqualTo(Integer.toString(expected.getBytes(StandardCharsets.UTF_8).length));
    assertThat(request.getHeader("Content-Type")).isEqualTo("application/json; charset=UTF-8");
    assertThat(request.getHeader("Authorization")).isEqualTo("Bearer token-1");
  }

  @Test
  void postAttachmentFindsTheIdAfterAnEchoOfTheWholeContent() throws Exception {
    String echo = "A".repeat(5 * 1024 * 1024);
    server.stubFor(
        post(urlEqualTo("/v1.0/me/messages/AAMk%3D/attachments"))
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withBody(
                        "{\"@odata.type\":\"#microsoft.graph.fileAttachment\",\"contentBytes\":\""
                            + echo
                            + "\",\"size\":3,\"Id\":\"AAMkAtt=\"}")));

    try (RetrofitTransport transport = Fixtures.transport(server);
        FileChannel channel = Fixtures.open(Fixtures.file(dir, Fixtures.content(3)))) {
      assertThat(transport.postAttachment(MY_MESSAGE, Attachment.file("a", 3, "a/b"), channel))
          .isEqualTo("AAMkAtt=");
    }
  }

  @Test
  void postAttachmentAnsweredWithoutAnIdIsAPermanentFailureThatWarnsOfADuplicate()
      throws Exception {
    server.stubFor(
        post(urlEqualTo("/v1.0/me/messages/AAMk%3D/attachments"))
            .willReturn(aResponse().withStatus(201).withBody("created")));

    try (RetrofitTransport transport = Fixtures.transport(server);
        FileChannel channel = Fixtures.open(Fixtures.file(dir, Fixtures.content(3)))) {
      assertThatThrownBy(
              () -> transport.postAttachment(MY_MESSAGE, Attachment.file("a", 3, "a/b"), channel))
          .isInstanceOfSatisfying(
              UploadException.class,
              e -> {
                assertThat(e.category()).isEqualTo(UploadException.Category.PERMANENT);
                assertThat(e.phase()).isEqualTo(UploadException.Phase.POST_ATTACHMENT);
              })
          .hasMessage(
              "Graph accepted the attachment (HTTP 201 to POST "
                  + server.baseUrl()
                  + "/v1.0/me/messages/AAMk%3D/attachments) but its answer carries no attachment"
                  + " id. The attachment probably exists: check message AAMk= in me before"
                  + " sending it again, or it may be attached twice.");
    }
  }

  private static LoggedRequest onlyPost() {
    List<LoggedRequest> posts = server.findAll(postRequestedFor(anyUrl()));
    assertThat(posts).hasSize(1);
    return posts.get(0);
  }
}
