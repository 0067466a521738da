package io.graphupload.transport.retrofit.bench;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

/**
 * The simplest client that can do the job, as the yardstick: the JDK's {@link HttpClient} creates
 * the session with a plain POST, then PUTs each 4 MiB range from a byte array that is filled from
 * the file before each request. No retries, no checkpoints, no redaction.
 */
final class SimpleClientUpload {
  static final int RANGE_BYTES = 4 * 1024 * 1024;

  private static final JsonAdapter<Map<String, Object>> JSON =
      new Moshi.Builder()
          .build()
          .adapter(Types.newParameterizedType(Map.class, String.class, Object.class));

  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final URI graph;
  private final String token;
  private final byte[] range = new byte[RANGE_BYTES];

  SimpleClientUpload(URI graph, String token) {
    this.graph = graph;
    this.token = token;
  }

  /** Uploads {@code file} as an attachment of message {@code messageId} in the user's mailbox. */
  Timing upload(String messageId, Path file) throws IOException, InterruptedException {
    long started = System.nanoTime();
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = channel.size();
      String uploadUrl = createSession(messageId, file.getFileName().toString(), size);
      long rangesStarted = System.nanoTime();
      for (long start = 0; start < size; start += RANGE_BYTES) {
        int length = (int) Math.min(RANGE_BYTES, size - start);
        read(channel, start, length);
        put(uploadUrl, start, length, size);
      }
      return new Timing(started, rangesStarted, System.nanoTime());
    }
  }

  private String createSession(String messageId, String name, long size)
      throws IOException, InterruptedException {
    String json =
        "{\"AttachmentItem\":{\"attachmentType\":\"file\",\"name\":\""
            + name
            + "\",\"size\":"
            + size
            + "}}";
    String path =
        "/v1.0/me/messages/"
            + URLEncoder.encode(messageId, StandardCharsets.UTF_8)
            + "/attachments/createUploadSession";
    HttpRequest request =
        HttpRequest.newBuilder(graph.resolve(path))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(BodyPublishers.ofString(json))
            .build();
    HttpResponse<String> answer = client.send(request, BodyHandlers.ofString());
    if (answer.statusCode() != 201) {
      throw new IOException("createUploadSession answered " + answer.statusCode());
    }
    return (String) JSON.fromJson(answer.body()).get("uploadUrl");
  }

  private void read(FileChannel channel, long start, int length) throws IOException {
    ByteBuffer into = ByteBuffer.wrap(range, 0, length);
    while (into.hasRemaining()) {
      if (channel.read(into, start + into.position()) < 0) {
        throw new IOException("The file ended early, at byte " + (start + into.position()));
      }
    }
  }

  private void put(String uploadUrl, long start, int length, long size)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(uploadUrl))
            .header("Content-Type", "application/octet-stream")
            .header("Content-Range", "bytes " + start + "-" + (start + length - 1) + "/" + size)
            .PUT(BodyPublishers.ofByteArray(range, 0, length))
            .build();
    int status = client.send(request, BodyHandlers.discarding()).statusCode();
    boolean last = start + length == size;
    if (status != (last ? 201 : 200)) {
      throw new IOException("The range at byte " + start + " was answered " + status);
    }
  }
}
