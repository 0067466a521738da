package io.graphupload.transport.retrofit.internal;

import io.graphupload.core.Attachment;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.Buffer;
import okio.BufferedSink;

/**
 * The JSON of a {@code fileAttachment} whose {@code contentBytes} is base64-encoded while it is
 * written, straight from the file: memory holds one chunk, never the file or its encoding, and the
 * length is known before the first byte goes out.
 *
 * <p>One-shot: OkHttp must not repeat a POST that creates an attachment on its own, since a repeat
 * that reached the service would create a second attachment.
 */
public final class FileAttachmentBody extends RequestBody {
  /** Bytes read per chunk: a multiple of 3, so that chunks encode without padding. */
  static final int CHUNK_BYTES = 3 * 16 * 1024;

  private static final MediaType JSON = MediaType.get("application/json; charset=UTF-8");

  private final FileChannel channel;
  private final long size;
  private final byte[] head;
  private final byte[] tail;

  public FileAttachmentBody(FileChannel channel, Attachment attachment) {
    this.channel = channel;
    this.size = attachment.size();
    StringBuilder json = new StringBuilder();
    json.append("{\"@odata.type\":\"#microsoft.graph.fileAttachment\"");
    json.append(",\"name\":").append(quote(attachment.name()));
    json.append(",\"contentType\":").append(quote(attachment.contentType()));
    json.append(",\"isInline\":").append(attachment.inline());
    if (attachment.contentId() != null) {
      json.append(",\"contentId\":").append(quote(attachment.contentId()));
    }
    json.append(",\"contentBytes\":\"");
    this.head = json.toString().getBytes(StandardCharsets.UTF_8);
    this.tail = "\"}".getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public MediaType contentType() {
    return JSON;
  }

  @Override
  public long contentLength() {
    return head.length + 4 * ((size + 2) / 3) + tail.length;
  }

  @Override
  public boolean isOneShot() {
    return true;
  }

  @Override
  public void writeTo(BufferedSink sink) throws IOException {
    sink.write(head);
    Base64.Encoder encoder = Base64.getEncoder();
    ByteBuffer chunk = ByteBuffer.allocate((int) Math.min(CHUNK_BYTES, Math.max(size, 1)));
    long position = 0;
    while (position < size) {
      chunk.clear().limit((int) Math.min(chunk.capacity(), size - position));
      while (chunk.hasRemaining()) {
        int read = channel.read(chunk, position + chunk.position());
        if (read < 0) {
          throw new FileChangedException(position + chunk.position(), size);
        }
      }
      chunk.flip();
      sink.write(encoder.encode(chunk));
      position += chunk.limit();
    }
    sink.write(tail);
  }

  private static String quote(String value) {
    Buffer buffer = new Buffer();
    try (com.squareup.moshi.JsonWriter writer = com.squareup.moshi.JsonWriter.of(buffer)) {
      writer.value(value);
    } catch (IOException e) {
      throw new AssertionError("Writing to a memory buffer does not fail", e);
    }
    return buffer.readUtf8();
  }
}
