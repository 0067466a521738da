package io.graphupload.emulator.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;

/** An emulator core and server without the public API, so tests can watch its insides. */
final class ServerFixture implements AutoCloseable {
  final EmulatorCore core;
  final EmulatorServer server;
  final String base;
  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  ServerFixture() throws IOException {
    Settings settings =
        new Settings(
            "127.0.0.1",
            0,
            Files.createTempDirectory("emulator-internal-test-"),
            true,
            Set.of(),
            "adele@contoso.onmicrosoft.com",
            List.of(),
            "127.0.0.1",
            Clock.systemUTC(),
            true,
            Settings.MAXIMUM_MESSAGE_SIZE_LIMIT,
            4,
            Duration.ofMinutes(15));
    core = new EmulatorCore(settings);
    server = new EmulatorServer(core);
    server.start();
    base = server.graphBase();
  }

  /** Creates a draft and an upload session for it; returns the upload URL. */
  String session(long size) {
    String messageId = new MailAccess(core).create(core.mail.signedIn(), false, "s");
    String body =
        "{\"AttachmentItem\": {\"attachmentType\": \"file\", \"name\": \"a.bin\", \"size\": "
            + size
            + "}}";
    HttpResponse<String> created =
        send(
            HttpRequest.newBuilder(
                    URI.create(
                        base
                            + "/v1.0/me/messages/"
                            + messageId
                            + "/attachments/createUploadSession"))
                .header("Authorization", "Bearer t")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    String json = created.body();
    int start = json.indexOf("\"uploadUrl\":\"") + 13;
    return json.substring(start, json.indexOf('"', start));
  }

  /**
   * Starts a one-byte range PUT on a raw socket and sends its headers but not its byte, so the
   * server holds the request until {@link StalledPut#finish()} sends the byte.
   */
  StalledPut stalledPut(String url, long size) throws IOException {
    URI uri = URI.create(url);
    Socket socket = new Socket(uri.getHost(), uri.getPort());
    String head =
        "PUT "
            + uri.getRawPath()
            + "?"
            + uri.getRawQuery()
            + " HTTP/1.1\r\nHost: "
            + uri.getHost()
            + ":"
            + uri.getPort()
            + "\r\nContent-Range: bytes 0-0/"
            + size
            + "\r\nContent-Length: 1\r\n\r\n";
    socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
    socket.getOutputStream().flush();
    return new StalledPut(socket);
  }

  /** A PUT waiting for its last byte. */
  static final class StalledPut {
    private final Socket socket;

    StalledPut(Socket socket) {
      this.socket = socket;
    }

    /** Sends the byte and returns the status line of the answer. */
    String finish() throws IOException {
      try (socket) {
        socket.getOutputStream().write(7);
        socket.getOutputStream().flush();
        return new BufferedReader(
                new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
            .readLine();
      }
    }
  }

  HttpResponse<String> put(String url, byte[] body, String contentRange) {
    return send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Range", contentRange)
            .PUT(HttpRequest.BodyPublishers.ofByteArray(body))
            .build());
  }

  HttpResponse<String> get(String path) {
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Authorization", "Bearer t")
            .build());
  }

  HttpResponse<String> send(HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Waits for a condition the server reaches on its own threads; fails after ten seconds. */
  static void awaitCondition(BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Timed out waiting until " + what);
      }
      Thread.onSpinWait();
      Thread.yield();
    }
  }

  @Override
  public void close() {
    server.close();
  }
}
