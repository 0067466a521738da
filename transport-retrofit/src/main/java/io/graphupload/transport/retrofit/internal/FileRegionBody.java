package io.graphupload.transport.retrofit.internal;

import io.graphupload.core.spi.ContentRange;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.BufferedSink;

/**
 * A range of a file as a request body, streamed from the channel with positional reads of at most
 * {@value #CHUNK_BYTES} bytes, so that memory holds one chunk rather than the range; the channel's
 * own position is left alone.
 *
 * <p>Declared one-shot, so that OkHttp never resends a range on its own once sending began: a range
 * whose answer was lost may have been stored, and only the engine, after asking the service where
 * it stands, knows whether to send it again. OkHttp still retries a request that never left (a
 * failed connect). Each write reads the file afresh, so a new call can carry the same range.
 */
public final class FileRegionBody extends RequestBody {
  /** How many bytes one read takes from the file. */
  public static final int CHUNK_BYTES = 64 * 1024;

  private static final MediaType OCTET_STREAM = MediaType.get("application/octet-stream");

  private final FileChannel channel;
  private final ContentRange range;

  public FileRegionBody(FileChannel channel, ContentRange range) {
    this.channel = channel;
    this.range = range;
  }

  @Override
  public MediaType contentType() {
    return OCTET_STREAM;
  }

  @Override
  public long contentLength() {
    return range.length();
  }

  @Override
  public boolean isOneShot() {
    return true;
  }

  @Override
  public void writeTo(BufferedSink sink) throws IOException {
    long end = range.start() + range.length();
    ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(CHUNK_BYTES, range.length()));
    long position = range.start();
    while (position < end) {
      buffer.clear().limit((int) Math.min(buffer.capacity(), end - position));
      int read = channel.read(buffer, position);
      if (read < 0) {
        throw new FileChangedException(position, range.total());
      }
      buffer.flip();
      while (buffer.hasRemaining()) {
        sink.write(buffer);
      }
      position += read;
    }
  }
}
