package io.graphupload.transport.retrofit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.graphupload.core.Attachment;
import io.graphupload.core.ByteRange;
import io.graphupload.core.Mailbox;
import io.graphupload.core.OutlookItem;
import io.graphupload.core.UploadException;
import io.graphupload.core.spi.ContentRange;
import io.graphupload.core.spi.RangeAnswer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What the engine gets when the network fails: an IOException, never a hang or a guess. */
class FaultsTest {
  @RegisterExtension static WireMockExtension server = Fixtures.wireMock();

  @TempDir Path dir;

  private FileChannel channel;

  @BeforeEach
  void openFile() throws IOException {
    channel = Fixtures.open(Fixtures.file(dir, Fixtures.content(300_000)));
  }

  @AfterEach
  void closeFile() throws IOException {
    channel.close();
  }

  @ParameterizedTest
  @EnumSource(
      value = Fault.class,
      names = {
        "CONNECTION_RESET_BY_PEER",
        "EMPTY_RESPONSE",
        "MALFORMED_RESPONSE_CHUNK",
        "RANDOM_DATA_THEN_CLOSE"
      })
  void faultDuringAPutIsALostAnswerThatNamesTheRequestWithoutItsToken(Fault fault) {
    server.stubFor(put(urlEqualTo(Fixtures.SESSION_PATH)).willReturn(aResponse().withFault(fault)));

    try (RetrofitTransport transport = Fixtures.transport(server)) {
      assertThatThrownBy(
              () ->
                  transport.putRange(
                      Fixtures.uploadUrl(server), new ContentRange(0, 300_000, 300_000), channel))
          .isInstanceOf(IOException.class)
          .hasMessageStartingWith(
              "No complete answer to PUT "
                  + server.baseUrl()
                  + "/api/v2.0/Users('a@b')/Messages('AAMk=')/AttachmentSessions('x')"
                  + "?authtoken=REDACTED: ")
          .hasCauseInstanceOf(IOException.class);
    }
  }

  @Test
  void faultDuringCreateSessionIsALostAnswerToo() {
    server.stubFor(
        post(urlEqualTo("/v1.0/me/messages/M/attachments/createUploadSession"))
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

    try (RetrofitTransport transport = Fixtures.transport(server)) {
      assertThatThrownBy(
              () ->
                  transport.createSession(
                      OutlookItem.message(Mailbox.me(), "M"),
                      Attachment.file("a", 3_000_000, "a/b")))
          .isInstanceOf(IOException.class)
          .isNotInstanceOf(UploadException.class)
          .hasMessageStartingWith(
              "No complete answer to POST "
                  + server.baseUrl()
                  + "/v1.0/me/messages/M/attachments/createUploadSession: ");
    }
  }

  @Test
  void slowAnswerThatKeepsComingCompletesEvenThoughItTakesLongerThanTheReadTimeout()
      throws Exception {
    String body = "{\"nextExpectedRanges\":[\"300000-\"],\"expirationDateTime\":null}";
    server.stubFor(
        put(urlEqualTo(Fixtures.SESSION_PATH))
            .willReturn(
                aResponse().withStatus(200).withBody(body).withChunkedDribbleDelay(6, 3000)));

    RangeAnswer answer;
    try (RetrofitTransport transport =
        Fixtures.builder(server, new RecordingTokenSource("t"))
            .readTimeout(Duration.ofMillis(1500))
            .build()) {
      answer =
          transport.putRange(
              Fixtures.uploadUrl(server), new ContentRange(0, 300_000, 300_000), channel);
    }

    assertThat(answer)
        .isEqualTo(new RangeAnswer.Accepted(List.of(new ByteRange(300_000, -1)), null));
  }

  @Test
  void deadLinkFailsWithinTheReadTimeoutInsteadOfHanging() throws Exception {
    try (SilentServer silent = new SilentServer()) {
      String url = "http://127.0.0.1:" + silent.port() + "/session?tempauth=t0ken";

      try (RetrofitTransport transport =
          RetrofitTransport.builder()
              .tokens(new RecordingTokenSource("t"))
              .environment(Map.of())
              .jvmProxySelector(null)
              .readTimeout(Duration.ofMillis(300))
              .build()) {
        assertThatThrownBy(
                () -> transport.putRange(url, new ContentRange(0, 1000, 300_000), channel))
            .isInstanceOf(SocketTimeoutException.class)
            .hasMessageStartingWith(
                "No complete answer to PUT http://127.0.0.1:"
                    + silent.port()
                    + "/session?tempauth=REDACTED: the connection made no progress within the"
                    + " timeout");
      }
      assertThat(silent.bytesReceived()).as("the request reached the server").isPositive();
    }
  }

  /** Accepts one connection and reads what comes, but never answers. */
  private static final class SilentServer implements AutoCloseable {
    private final ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    private final CountDownLatch received = new CountDownLatch(1);
    private volatile long bytes;
    private final Thread reader;

    SilentServer() throws IOException {
      reader = new Thread(this::readForever, "silent-server");
      reader.setDaemon(true);
      reader.start();
    }

    int port() {
      return socket.getLocalPort();
    }

    long bytesReceived() throws InterruptedException {
      received.await(10, TimeUnit.SECONDS);
      return bytes;
    }

    private void readForever() {
      try (Socket connection = socket.accept();
          InputStream in = connection.getInputStream()) {
        byte[] buffer = new byte[8192];
        int read;
        while ((read = in.read(buffer)) != -1) {
          bytes += read;
          received.countDown();
        }
      } catch (IOException e) {
        // Closed by the test; nothing to do.
      } finally {
        received.countDown();
      }
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }
}
