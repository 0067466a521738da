package io.graphupload.emulator.internal;

import com.squareup.moshi.JsonWriter;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import okio.BufferedSink;
import okio.Okio;

/** One request and its answer: the handlers' view of a JDK {@link HttpExchange}. */
final class HttpCall {
  static final String JSON =
      "application/json;odata.metadata=minimal;odata.streaming=true;"
          + "IEEE754Compatible=false;charset=utf-8";
  private static final long DRAIN_LIMIT = 64L * 1024 * 1024;

  private final HttpExchange exchange;
  private final CountingStream body;
  private final String requestId = Ids.requestId();
  private final Instant receivedAt;
  private final long startNanos = System.nanoTime();
  private final Map<String, String> query;
  private int status;
  private boolean dropAnswer;
  private long pendingLatencyMillis;
  private final List<Runnable> beforeAnswer = new ArrayList<>();

  HttpCall(HttpExchange exchange, Instant receivedAt) {
    this.exchange = exchange;
    this.receivedAt = receivedAt;
    this.body = new CountingStream(exchange.getRequestBody());
    this.query = parseQuery(exchange.getRequestURI().getRawQuery());
  }

  String method() {
    return exchange.getRequestMethod();
  }

  /** The decoded path, so {@code %27} and {@code '} read alike. */
  String path() {
    return exchange.getRequestURI().getPath();
  }

  /** The query parameter's decoded value, or null. */
  String query(String name) {
    return query.get(name);
  }

  /** Path and query with upload secrets redacted: the only form that may be logged. */
  String redactedTarget() {
    return Redaction.pathAndQuery(
        exchange.getRequestURI().getRawPath(), exchange.getRequestURI().getRawQuery());
  }

  String header(String name) {
    return exchange.getRequestHeaders().getFirst(name);
  }

  String requestId() {
    return requestId;
  }

  Instant receivedAt() {
    return receivedAt;
  }

  long elapsedMillis() {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }

  InputStream body() {
    return body;
  }

  long bytesIn() {
    return body.count();
  }

  /** The status answered, or 0 when the connection was dropped before an answer. */
  int status() {
    return status;
  }

  /** Reads the whole body, answering 413 when it is larger than {@code limit}. */
  byte[] readBody(long limit) throws IOException {
    String declared = header("Content-Length");
    if (declared != null && parseLength(declared) > limit) {
      throw tooLarge(limit);
    }
    byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
    if (bytes.length > limit) {
      throw tooLarge(limit);
    }
    return bytes;
  }

  /** Reads and discards what is left of the body, so an early answer does not reset. */
  long drain() {
    long before = body.count();
    try {
      byte[] sink = new byte[64 * 1024];
      while (body.count() - before < DRAIN_LIMIT && body.read(sink) >= 0) {
        // discard
      }
    } catch (IOException e) {
      // The client went away: there is nobody left to answer.
    }
    return body.count() - before;
  }

  /** From now on, answering closes the connection instead: the store-then-drop fault. */
  void dropAnswer() {
    dropAnswer = true;
  }

  boolean answerDropped() {
    return dropAnswer;
  }

  void addLatency(long millis) {
    pendingLatencyMillis += millis;
  }

  /** Waits out any latency a fault asked for; only the first call waits. */
  void applyLatency() throws InterruptedIOException {
    long millis = pendingLatencyMillis;
    pendingLatencyMillis = 0;
    if (millis <= 0) {
      return;
    }
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("Interrupted while applying a latency fault");
    }
  }

  /**
   * Runs {@code release} just before the answer starts (or the connection drops), and at most once.
   * A client may send its next request the moment it reads an answer, so locks and slots must be
   * free by then.
   */
  Runnable beforeAnswer(Runnable release) {
    AtomicBoolean done = new AtomicBoolean();
    Runnable once =
        () -> {
          if (done.compareAndSet(false, true)) {
            release.run();
          }
        };
    beforeAnswer.add(once);
    return once;
  }

  private void releaseAll() {
    beforeAnswer.forEach(Runnable::run);
    beforeAnswer.clear();
  }

  void setHeader(String name, String value) {
    exchange.getResponseHeaders().set(name, value);
  }

  void sendJson(int code, Object value) throws IOException {
    byte[] bytes = Json.bytes(value);
    setHeader("Content-Type", JSON);
    start(code, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** Streams a JSON answer of unknown length, such as an attachment with its content. */
  void streamJson(int code, JsonBody writer) throws IOException {
    setHeader("Content-Type", JSON);
    start(code, 0);
    try (BufferedSink sink = Okio.buffer(Okio.sink(exchange.getResponseBody()));
        JsonWriter json = JsonWriter.of(sink)) {
      writer.write(json);
    }
  }

  void sendEmpty(int code) throws IOException {
    start(code, -1);
    exchange.getResponseBody().close();
  }

  void sendFile(int code, String contentType, Path file) throws IOException {
    setHeader("Content-Type", contentType);
    start(code, Files.size(file));
    try (OutputStream out = exchange.getResponseBody()) {
      Files.copy(file, out);
    }
  }

  void sendError(GraphException error) throws IOException {
    drain();
    error.headers().forEach(this::setHeader);
    sendJson(error.status(), GraphErrors.body(error, requestId, receivedAt, this));
  }

  /** Closes the connection without an answer. */
  ConnectionDropped drop(String reason) {
    releaseAll();
    dropAnswer = true;
    status = 0;
    return new ConnectionDropped(reason);
  }

  private void start(int code, long length) throws IOException {
    releaseAll();
    if (dropAnswer) {
      throw drop("answer dropped by a fault");
    }
    String clientRequestId = header("client-request-id");
    setHeader("request-id", requestId);
    setHeader("client-request-id", clientRequestId != null ? clientRequestId : requestId);
    status = code;
    exchange.sendResponseHeaders(code, code == 204 ? -1 : length);
  }

  private static GraphException tooLarge(long limit) {
    return new GraphException(
        413,
        "RequestEntityTooLarge",
        "The request body is larger than "
            + limit
            + " bytes. Attach files over 3 MB through an upload session.");
  }

  private static long parseLength(String value) {
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw GraphException.badRequest("BadRequest", "Content-Length is not a number: " + value);
    }
  }

  private static Map<String, String> parseQuery(String rawQuery) {
    Map<String, String> result = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return result;
    }
    for (String pair : rawQuery.split("&")) {
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      String value = equals < 0 ? "" : pair.substring(equals + 1);
      result.putIfAbsent(decode(name), decode(value));
    }
    return result;
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return text;
    }
  }

  /** Writes a JSON answer body. */
  interface JsonBody {
    void write(JsonWriter json) throws IOException;
  }
}
