package io.graphupload.transport.retrofit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.graphupload.core.ByteRange;
import io.graphupload.core.GraphServiceException;
import io.graphupload.core.UploadException.Category;
import io.graphupload.core.UploadException.Phase;
import io.graphupload.core.UploadSession;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Asking where a session stands (GET) and cancelling it (DELETE). */
class SessionStatusTest {
  @RegisterExtension static WireMockExtension server = Fixtures.wireMock();

  private final RetrofitTransport transport = Fixtures.transport(server);

  @AfterEach
  void close() {
    transport.close();
  }

  @Test
  void statusIsReadFromTheExactUploadUrlWithoutAuthorization() throws Exception {
    statusAnswers(
        okJson(
            "{\"ExpirationDateTime\":\"2030-01-01T00:00:00Z\","
                + "\"NextExpectedRanges\":[\"12345-\",\"20000-20999\"]}"));

    Optional<UploadSession> status = transport.querySession(Fixtures.uploadUrl(server));

    assertThat(status)
        .contains(
            new UploadSession(
                Fixtures.uploadUrl(server),
                Instant.parse("2030-01-01T00:00:00Z"),
                List.of(new ByteRange(12345, -1), new ByteRange(20000, 20999))));
    List<LoggedRequest> gets = server.findAll(getRequestedFor(anyUrl()));
    assertThat(gets).hasSize(1);
    assertThat(gets.get(0).getUrl()).isEqualTo(Fixtures.SESSION_PATH);
    assertThat(gets.get(0).containsHeader("Authorization")).isFalse();
  }

  @ParameterizedTest
  @ValueSource(ints = {405, 501})
  void serviceThatDoesNotAnswerStatusQueriesGivesNoStatus(int status) throws Exception {
    statusAnswers(aResponse().withStatus(status));

    assertThat(transport.querySession(Fixtures.uploadUrl(server))).isEmpty();
  }

  @Test
  void badRequestWithANotSupportedCodeGivesNoStatus() throws Exception {
    statusAnswers(
        aResponse()
            .withStatus(400)
            .withBody("{\"error\":{\"code\":\"ErrorNotSupported\",\"message\":\"GET\"}}"));

    assertThat(transport.querySession(Fixtures.uploadUrl(server))).isEmpty();
  }

  @Test
  void statusWithoutRangesGivesNoStatus() throws Exception {
    statusAnswers(okJson("{\"expirationDateTime\":\"2030-01-01T00:00:00Z\"}"));

    assertThat(transport.querySession(Fixtures.uploadUrl(server))).isEmpty();
  }

  @Test
  void badRequestWithAnotherCodeIsAnError() {
    statusAnswers(
        aResponse().withStatus(400).withBody("{\"error\":{\"code\":\"ErrorInvalidRequest\"}}"));

    GraphServiceException e =
        catchThrowableOfType(
            GraphServiceException.class, () -> transport.querySession(Fixtures.uploadUrl(server)));

    assertThat(e.phase()).isEqualTo(Phase.QUERY_SESSION);
    assertThat(e.category()).isEqualTo(Category.PERMANENT);
    assertThat(e.errorCode()).isEqualTo("ErrorInvalidRequest");
  }

  @Test
  void vanishedSessionIsAnErrorWithStatus404() {
    statusAnswers(aResponse().withStatus(404));

    GraphServiceException e =
        catchThrowableOfType(
            GraphServiceException.class, () -> transport.querySession(Fixtures.uploadUrl(server)));

    assertThat(e.httpStatus()).isEqualTo(404);
    assertThat(e.phase()).isEqualTo(Phase.QUERY_SESSION);
    assertThat(e).hasMessageStartingWith("The upload session no longer exists: ");
  }

  @Test
  void statusThatIsNotJsonIsALostAnswer() {
    statusAnswers(aResponse().withStatus(200).withBody("OK"));

    assertThatThrownBy(() -> transport.querySession(Fixtures.uploadUrl(server)))
        .isInstanceOf(IOException.class)
        .hasMessage(
            "The status of the upload session (GET "
                + server.baseUrl()
                + Fixtures.SESSION_PATH.replace("eyJ.a-b_c", "REDACTED")
                + ", HTTP 200) is not JSON, so it cannot tell where the session stands.");
  }

  @Test
  void deleteCancelsTheSessionAtTheExactUrlWithoutAuthorization() throws Exception {
    server.stubFor(
        delete(urlEqualTo(Fixtures.SESSION_PATH)).willReturn(aResponse().withStatus(204)));

    transport.deleteSession(Fixtures.uploadUrl(server));

    List<LoggedRequest> deletes = server.findAll(deleteRequestedFor(anyUrl()));
    assertThat(deletes).hasSize(1);
    assertThat(deletes.get(0).getUrl()).isEqualTo(Fixtures.SESSION_PATH);
    assertThat(deletes.get(0).containsHeader("Authorization")).isFalse();
  }

  @Test
  void deletingASessionThatIsAlreadyGoneIsNoError() throws Exception {
    server.stubFor(
        delete(urlEqualTo(Fixtures.SESSION_PATH)).willReturn(aResponse().withStatus(404)));

    transport.deleteSession(Fixtures.uploadUrl(server));

    assertThat(server.findAll(deleteRequestedFor(anyUrl()))).hasSize(1);
  }

  @Test
  void deleteThatFailsIsAnErrorOfTheDeletePhase() {
    server.stubFor(
        delete(urlEqualTo(Fixtures.SESSION_PATH))
            .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "3")));

    GraphServiceException e =
        catchThrowableOfType(
            GraphServiceException.class, () -> transport.deleteSession(Fixtures.uploadUrl(server)));

    assertThat(e.phase()).isEqualTo(Phase.DELETE_SESSION);
    assertThat(e.category()).isEqualTo(Category.TRANSIENT);
    assertThat(e.retryAfter()).hasSeconds(3);
  }

  private static void statusAnswers(ResponseDefinitionBuilder response) {
    server.stubFor(get(urlEqualTo(Fixtures.SESSION_PATH)).willReturn(response));
  }
}
