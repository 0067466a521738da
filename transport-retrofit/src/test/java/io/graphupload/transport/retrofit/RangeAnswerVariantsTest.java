package io.graphupload.transport.retrofit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.graphupload.core.ByteRange;
import io.graphupload.core.UploadException;
import io.graphupload.core.spi.ContentRange;
import io.graphupload.core.spi.RangeAnswer;
import io.graphupload.transport.retrofit.internal.MalformedAnswerException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every form of answer to a range PUT that PROTOCOL.md lists, and the malformed ones. */
class RangeAnswerVariantsTest {
  private static final Instant EXPIRY = Instant.parse("2019-09-25T01:09:30.767170700Z");

  @RegisterExtension static WireMockExtension server = Fixtures.wireMock();

  @TempDir Path dir;

  private final RetrofitTransport transport = Fixtures.transport(server);
  private FileChannel channel;

  @BeforeEach
  void openFile() throws IOException {
    channel = Fixtures.open(Fixtures.file(dir, Fixtures.content(100)));
  }

  @AfterEach
  void close() throws IOException {
    channel.close();
    transport.close();
  }

  static Stream<Arguments> sessionJson() {
    return Stream.of(
        Arguments.of(
            200,
            "{\"expirationDateTime\":\"2019-09-25T01:09:30.7671707Z\","
                + "\"nextExpectedRanges\":[\"50\"]}",
            new RangeAnswer.Accepted(List.of(new ByteRange(50, -1)), EXPIRY)),
        Arguments.of(
            200,
            "{\"ExpirationDateTime\":\"2019-09-25T01:09:30.7671707Z\","
                + "\"NextExpectedRanges\":[\"50-\"]}",
            new RangeAnswer.Accepted(List.of(new ByteRange(50, -1)), EXPIRY)),
        Arguments.of(
            200,
            "{\"nextexpectedranges\":[\"50-99\"]}",
            new RangeAnswer.Accepted(List.of(new ByteRange(50, 99)), null)),
        Arguments.of(
            202,
            "{\"@odata.context\":\"x\",\"expirationDateTime\":\"2019-09-25T01:09:30.7671707\","
                + "\"nextExpectedRanges\":[\"50-59\",\"70-\"]}",
            new RangeAnswer.Accepted(
                List.of(new ByteRange(50, 59), new ByteRange(70, -1)), EXPIRY)),
        Arguments.of(
            202, "{\"nextExpectedRanges\":[]}", new RangeAnswer.Accepted(List.of(), null)));
  }

  @ParameterizedTest
  @MethodSource("sessionJson")
  void sessionJsonInEveryVariantMeansTheSessionGoesOn(int status, String body, RangeAnswer expected)
      throws Exception {
    answerWith(aResponse().withStatus(status).withBody(body));

    assertThat(putFirstHalf()).isEqualTo(expected);
  }

  static Stream<Arguments> locations() {
    String outlook =
        "https://outlook.office.com/api/v2.0/Users('a')/Messages('b')/Attachments('AAMkID=')";
    return Stream.of(
        Arguments.of("Location", outlook),
        Arguments.of("location", outlook),
        Arguments.of(
            "Location",
            "https://outlook.office365.com/api/v1.0/Users('oid@tid')/Events('AAMk1')"
                + "/Attachments('AAMkID=')"),
        Arguments.of(
            "Location",
            "https://outlook.office.com/api/beta/Users('a@b')/Messages('AAMk1')"
                + "/Attachments('AAMkID=')"),
        Arguments.of(
            "Location",
            "https://outlook.office.com/api/gv1.0/users('a@b')/messages('AAMk1')"
                + "/attachments('AAMkID=')"),
        Arguments.of(
            "LOCATION",
            "https://graph.microsoft.com/v1.0/users/a@b/messages/AAMk1/attachments/AAMkID="),
        Arguments.of("Location", "/api/v2.0/Users('a')/Messages('b')/Attachments('AAMkID%3D')"));
  }

  @ParameterizedTest
  @MethodSource("locations")
  void createdWithLocationInEveryFormNamesTheAttachment(String header, String location)
      throws Exception {
    answerWith(aResponse().withStatus(201).withHeader(header, location));

    assertThat(putLastHalf()).isEqualTo(new RangeAnswer.Completed("AAMkID="));
  }

  @Test
  void createdWithAnIdInTheBodyInsteadOfLocationNamesTheAttachment() throws Exception {
    answerWith(aResponse().withStatus(201).withBody("{\"Id\":\"AAMkID=\"}"));

    assertThat(putLastHalf()).isEqualTo(new RangeAnswer.Completed("AAMkID="));
  }

  @Test
  void okWithAnItemsJsonNamesTheItem() throws Exception {
    answerWith(
        aResponse()
            .withStatus(200)
            .withBody("{\"id\":\"01BYE5RZ\",\"name\":\"a.bin\",\"size\":100,\"file\":{}}"));

    assertThat(putLastHalf()).isEqualTo(new RangeAnswer.Completed("01BYE5RZ"));
  }

  @Test
  void createdWithoutAnyIdIsAPermanentFailureThatWarnsOfADuplicate() {
    answerWith(
        aResponse()
            .withStatus(201)
            .withHeader("Location", "https://outlook.office.com/api/v2.0/Users('a')?sig=s3cret"));

    assertThatThrownBy(this::putLastHalf)
        .isInstanceOfSatisfying(
            UploadException.class,
            e -> assertThat(e.category()).isEqualTo(UploadException.Category.PERMANENT))
        .hasMessage(
            "The service finished the upload (HTTP 201 to PUT "
                + server.baseUrl()
                + "/api/v2.0/Users('a@b')/Messages('AAMk=')"
                + "/AttachmentSessions('x')?authtoken=REDACTED,"
                + " bytes 50-99/100) but its answer names no attachment id: its Location"
                + " https://outlook.office.com/api/v2.0/Users('a')?sig=REDACTED has no"
                + " Attachments('...') and its body no id. The attachment probably exists: check"
                + " the item before uploading again, or it may be attached twice.");
  }

  @Test
  void okWithABodyThatIsNotJsonIsALostAnswer() {
    answerWith(aResponse().withStatus(200).withBody("<html>proxy says hi</html>"));

    assertThatThrownBy(this::putFirstHalf)
        .isExactlyInstanceOf(MalformedAnswerException.class)
        .isInstanceOf(IOException.class)
        .hasMessage(
            "The answer to PUT "
                + server.baseUrl()
                + "/api/v2.0/Users('a@b')/Messages('AAMk=')"
                + "/AttachmentSessions('x')?authtoken=REDACTED"
                + " (bytes 0-49/100) is HTTP 200 without the nextExpectedRanges of an upload"
                + " session, an attachment's Location or an item id, so it cannot tell where the"
                + " session stands.");
  }

  @Test
  void acceptedWithAnUnreadableRangeIsALostAnswer() {
    answerWith(aResponse().withStatus(202).withBody("{\"nextExpectedRanges\":[\"fifty\"]}"));

    assertThatThrownBy(this::putFirstHalf)
        .isInstanceOf(IOException.class)
        .hasMessageContaining(
            "has session JSON that cannot be read: Not a next expected range:" + " 'fifty'");
  }

  @Test
  void okWithAnEmptyBodyIsALostAnswer() {
    answerWith(aResponse().withStatus(200));

    assertThatThrownBy(this::putFirstHalf)
        .isInstanceOf(IOException.class)
        .hasMessageContaining("is HTTP 200 without the nextExpectedRanges");
  }

  private void answerWith(ResponseDefinitionBuilder response) {
    server.stubFor(put(urlEqualTo(Fixtures.SESSION_PATH)).willReturn(response));
  }

  private RangeAnswer putFirstHalf() throws Exception {
    return transport.putRange(Fixtures.uploadUrl(server), new ContentRange(0, 50, 100), channel);
  }

  private RangeAnswer putLastHalf() throws Exception {
    return transport.putRange(Fixtures.uploadUrl(server), new ContentRange(50, 50, 100), channel);
  }
}
