package io.graphupload.guice;

import io.graphupload.core.Attachment;
import io.graphupload.core.Draft;
import io.graphupload.core.Mailbox;
import io.graphupload.core.Nullable;
import io.graphupload.core.OutlookItem;
import io.graphupload.core.UploadException;
import io.graphupload.core.UploadSession;
import io.graphupload.core.UploadTarget;
import io.graphupload.core.spi.ContentRange;
import io.graphupload.core.spi.RangeAnswer;
import io.graphupload.core.spi.Transport;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Creates the transport plugin on the first request, so that work which sends none (listing pending
 * uploads, refusing bad input) does not pay for an HTTP stack: loading OkHttp, Retrofit, Moshi and
 * the TLS trust store is a large share of a command's start-up.
 *
 * <p>Thread-safe. Closing it before any request creates nothing.
 */
final class LazyTransport implements Transport {
  private final Supplier<Transport> factory;
  private @Nullable Transport created;
  private boolean closed;

  LazyTransport(Supplier<Transport> factory) {
    this.factory = factory;
  }

  private synchronized Transport transport() {
    if (closed) {
      throw new IllegalStateException("The transport is closed");
    }
    if (created == null) {
      created = factory.get();
    }
    return created;
  }

  @Override
  public UploadSession createSession(UploadTarget target, Attachment attachment)
      throws IOException, UploadException {
    return transport().createSession(target, attachment);
  }

  @Override
  public RangeAnswer putRange(String uploadUrl, ContentRange range, FileChannel source)
      throws IOException, UploadException {
    return transport().putRange(uploadUrl, range, source);
  }

  @Override
  public Optional<UploadSession> querySession(String uploadUrl)
      throws IOException, UploadException {
    return transport().querySession(uploadUrl);
  }

  @Override
  public void deleteSession(String uploadUrl) throws IOException, UploadException {
    transport().deleteSession(uploadUrl);
  }

  @Override
  public String postAttachment(UploadTarget target, Attachment attachment, FileChannel source)
      throws IOException, UploadException {
    return transport().postAttachment(target, attachment, source);
  }

  @Override
  public String createDraft(Mailbox mailbox, Draft draft) throws IOException, UploadException {
    return transport().createDraft(mailbox, draft);
  }

  @Override
  public void sendDraft(OutlookItem message) throws IOException, UploadException {
    transport().sendDraft(message);
  }

  @Override
  public void close() throws IOException {
    Transport toClose;
    synchronized (this) {
      closed = true;
      toClose = created;
    }
    if (toClose != null) {
      toClose.close();
    }
  }

  @Override
  public synchronized String toString() {
    return created != null ? created.toString() : "LazyTransport[not created yet]";
  }
}
