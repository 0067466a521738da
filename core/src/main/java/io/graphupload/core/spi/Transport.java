package io.graphupload.core.spi;

import io.graphupload.core.Attachment;
import io.graphupload.core.Draft;
import io.graphupload.core.GraphServiceException;
import io.graphupload.core.Mailbox;
import io.graphupload.core.OutlookItem;
import io.graphupload.core.UploadException;
import io.graphupload.core.UploadSession;
import io.graphupload.core.UploadTarget;
import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.Optional;

/**
 * Speaks HTTP to Microsoft Graph and to upload URLs.
 *
 * <p>Every method either returns what the service answered or throws: {@link GraphServiceException}
 * when the service answered with an error (with its status, code and {@code Retry-After}), {@link
 * UploadException} for other failures it can classify (such as a token that could not be had), and
 * {@link IOException} when no answer arrived at all, so that the engine knows to find out where the
 * server stands.
 *
 * <p>Calls to an upload URL must never carry an {@code Authorization} header; Graph calls must.
 * Implementations are thread-safe: several uploads share one transport. {@link #close()} releases
 * connections; the transport is unusable after it.
 */
public interface Transport extends Closeable {

  /** Creates an upload session for {@code attachment} on {@code target}. */
  UploadSession createSession(UploadTarget target, Attachment attachment)
      throws IOException, UploadException;

  /**
   * PUTs {@code range} of {@code source} to {@code uploadUrl}, streaming it from the channel with
   * positional reads (the channel's own position is left alone).
   */
  RangeAnswer putRange(String uploadUrl, ContentRange range, FileChannel source)
      throws IOException, UploadException;

  /**
   * Asks where a session stands.
   *
   * @return the session's status, or empty when the service does not answer status queries
   */
  Optional<UploadSession> querySession(String uploadUrl) throws IOException, UploadException;

  /** Deletes a session; a session that no longer exists is not an error. */
  void deleteSession(String uploadUrl) throws IOException, UploadException;

  /**
   * Posts a small attachment in one request, its content base64-encoded in the body.
   *
   * @return the new attachment's id
   */
  String postAttachment(UploadTarget target, Attachment attachment, FileChannel source)
      throws IOException, UploadException;

  /**
   * Creates a draft message in {@code mailbox} ({@code POST .../messages}).
   *
   * @return the new message's id
   * @throws UnsupportedOperationException if this transport cannot create messages
   */
  default String createDraft(Mailbox mailbox, Draft draft) throws IOException, UploadException {
    throw new UnsupportedOperationException(
        getClass().getName() + " cannot create messages; use the retrofit transport");
  }

  /**
   * Sends a draft ({@code POST .../messages/{id}/send}), which moves it to Sent Items.
   *
   * @throws UnsupportedOperationException if this transport cannot send messages
   */
  default void sendDraft(OutlookItem message) throws IOException, UploadException {
    throw new UnsupportedOperationException(
        getClass().getName() + " cannot send messages; use the retrofit transport");
  }

  @Override
  default void close() throws IOException {}
}
