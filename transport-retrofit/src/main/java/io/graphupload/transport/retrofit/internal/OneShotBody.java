package io.graphupload.transport.retrofit.internal;

import io.graphupload.core.Nullable;
import java.io.IOException;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.BufferedSink;
import okio.ByteString;

/**
 * A small request body that OkHttp must never send twice on its own: a repeated POST that reached
 * the service would create a second draft, or send a message twice. Only a request that never left
 * (a failed connect) is still retried by OkHttp.
 */
final class OneShotBody extends RequestBody {
  private static final MediaType JSON = MediaType.get("application/json; charset=UTF-8");

  private final @Nullable MediaType type;
  private final ByteString content;

  private OneShotBody(@Nullable MediaType type, ByteString content) {
    this.type = type;
    this.content = content;
  }

  static OneShotBody json(ByteString json) {
    return new OneShotBody(JSON, json);
  }

  /** Returns an empty body without a content type, sent with {@code Content-Length: 0}. */
  static OneShotBody empty() {
    return new OneShotBody(null, ByteString.EMPTY);
  }

  @Override
  public @Nullable MediaType contentType() {
    return type;
  }

  @Override
  public long contentLength() {
    return content.size();
  }

  @Override
  public boolean isOneShot() {
    return true;
  }

  @Override
  public void writeTo(BufferedSink sink) throws IOException {
    sink.write(content);
  }
}
