package io.graphupload.emulator;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/** Raw HTTP against an emulator with the JDK client, so tests control every header. */
final class GraphHttp {
  static final String TOKEN = "test-token";
  static final int MIB = 1024 * 1024;
  private static final JsonAdapter<Object> JSON = new Moshi.Builder().build().adapter(Object.class);

  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final URI base;

  GraphHttp(Emulator emulator) {
    this.base = emulator.baseUri();
  }

  /** A Graph call under /v1.0 with the test bearer token. */
  Response graph(String method, String path, Object json) {
    return send(method, base + "/v1.0" + path, json == null ? null : toJson(json), auth(TOKEN));
  }

  Response graphAs(String token, String method, String path, Object json) {
    return send(method, base + "/v1.0" + path, json == null ? null : toJson(json), auth(token));
  }

  /** A range PUT as a correct client sends it. */
  Response put(String uploadUrl, byte[] content, long start, long end) {
    byte[] body = java.util.Arrays.copyOfRange(content, (int) start, (int) end + 1);
    return send(
        "PUT",
        uploadUrl,
        body,
        Map.of("Content-Range", "bytes " + start + "-" + end + "/" + content.length));
  }

  Response send(String method, String url, byte[] body, Map<String, String> headers) {
    HttpRequest.BodyPublisher publisher =
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(body);
    return send(method, url, publisher, headers);
  }

  /** Sends a body of unknown length (chunked). */
  Response sendStream(
      String method, String url, Supplier<InputStream> body, Map<String, String> h) {
    return send(method, url, HttpRequest.BodyPublishers.ofInputStream(body), h);
  }

  Response send(
      String method, String url, HttpRequest.BodyPublisher body, Map<String, String> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).method(method, body);
    headers.forEach(request::header);
    try {
      HttpResponse<byte[]> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Response(response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Creates a draft in the signed-in user's mailbox and returns its id. */
  String createDraft() {
    return graph("POST", "/me/messages", Map.of("subject", "test")).string("id");
  }

  /** Creates an upload session for a message and returns its upload URL. */
  String createSession(String messageId, String name, long size) {
    Response response =
        graph(
            "POST",
            "/me/messages/" + messageId + "/attachments/createUploadSession",
            attachmentItem(name, size));
    if (response.status() != 201) {
      throw new AssertionError(
          "createUploadSession answered " + response.status() + ": " + response.text());
    }
    return response.string("uploadUrl");
  }

  static Map<String, Object> attachmentItem(String name, long size) {
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("attachmentType", "file");
    item.put("name", name);
    item.put("size", size);
    return Map.of("AttachmentItem", item);
  }

  static Map<String, String> auth(String token) {
    return Map.of("Authorization", "Bearer " + token, "Content-Type", "application/json");
  }

  static byte[] toJson(Object value) {
    return JSON.toJson(value).getBytes(StandardCharsets.UTF_8);
  }

  static byte[] randomBytes(int size, long seed) {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** An answer, with JSON helpers. */
  static final class Response {
    private final HttpResponse<byte[]> response;

    Response(HttpResponse<byte[]> response) {
      this.response = response;
    }

    int status() {
      return response.statusCode();
    }

    byte[] body() {
      return response.body();
    }

    String text() {
      return new String(response.body(), StandardCharsets.UTF_8);
    }

    String header(String name) {
      return response.headers().firstValue(name).orElse(null);
    }

    @SuppressWarnings("unchecked") // JSON objects come back from Moshi as maps.
    Map<String, Object> json() {
      try {
        return (Map<String, Object>) JSON.fromJson(text());
      } catch (IOException e) {
        throw new UncheckedIOException("Not JSON: " + text(), e);
      }
    }

    String string(String key) {
      return (String) json().get(key);
    }

    @SuppressWarnings("unchecked") // Graph errors are {"error": {"code": ...}}.
    String errorCode() {
      return (String) ((Map<String, Object>) json().get("error")).get("code");
    }

    @SuppressWarnings("unchecked") // nextExpectedRanges is a JSON array of strings.
    List<String> ranges(String key) {
      return (List<String>) json().get(key);
    }
  }
}
