package io.graphupload.cli;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.graphupload.core.Attachment;
import io.graphupload.core.Draft;
import io.graphupload.core.Mailbox;
import io.graphupload.core.OutlookItem;
import io.graphupload.core.Plugins;
import io.graphupload.core.UploadException;
import io.graphupload.core.UploadSession;
import io.graphupload.core.UploadTarget;
import io.graphupload.core.spi.AccessTokenSource;
import io.graphupload.core.spi.ContentRange;
import io.graphupload.core.spi.PluginSettings;
import io.graphupload.core.spi.RangeAnswer;
import io.graphupload.core.spi.Transport;
import io.graphupload.core.spi.TransportProvider;
import io.graphupload.core.spi.TransportSettings;
import io.graphupload.guice.UploadSettings;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * The real transport, with a hook that runs before each range PUT leaves: the test can act while a
 * range is on its way, deterministically.
 */
final class InterceptingTransport implements Transport {
  private final Transport delegate;
  private final IntConsumer beforePut;
  private final AtomicInteger puts = new AtomicInteger();

  private InterceptingTransport(Transport delegate, IntConsumer beforePut) {
    this.delegate = delegate;
    this.beforePut = beforePut;
  }

  /**
   * Returns a module that wraps the transport the wiring finds.
   *
   * @param beforePut receives the number of each range PUT, from 1, before it is sent
   */
  static AbstractModule module(IntConsumer beforePut) {
    return new AbstractModule() {
      @Provides
      @Singleton
      Transport transport(UploadSettings settings, AccessTokenSource tokens) {
        Transport real =
            Plugins.select(TransportProvider.class, null, getClass().getClassLoader())
                .create(
                    new TransportSettings(
                        settings.graphEndpoint(),
                        settings.apiVersion(),
                        tokens,
                        PluginSettings.EMPTY));
        return new InterceptingTransport(real, beforePut);
      }
    };
  }

  @Override
  public UploadSession createSession(UploadTarget target, Attachment attachment)
      throws IOException, UploadException {
    return delegate.createSession(target, attachment);
  }

  @Override
  public RangeAnswer putRange(String uploadUrl, ContentRange range, FileChannel source)
      throws IOException, UploadException {
    beforePut.accept(puts.incrementAndGet());
    return delegate.putRange(uploadUrl, range, source);
  }

  @Override
  public Optional<UploadSession> querySession(String uploadUrl)
      throws IOException, UploadException {
    return delegate.querySession(uploadUrl);
  }

  @Override
  public void deleteSession(String uploadUrl) throws IOException, UploadException {
    delegate.deleteSession(uploadUrl);
  }

  @Override
  public String postAttachment(UploadTarget target, Attachment attachment, FileChannel source)
      throws IOException, UploadException {
    return delegate.postAttachment(target, attachment, source);
  }

  @Override
  public String createDraft(Mailbox mailbox, Draft draft) throws IOException, UploadException {
    return delegate.createDraft(mailbox, draft);
  }

  @Override
  public void sendDraft(OutlookItem message) throws IOException, UploadException {
    delegate.sendDraft(message);
  }

  @Override
  public void close() throws IOException {
    delegate.close();
  }
}
