package io.graphupload.core.spi;

import io.graphupload.core.UploadException;
import java.io.IOException;
import java.util.Set;

/**
 * Supplies bearer tokens for Graph calls. Never used for upload URLs, which carry their own.
 *
 * <p>Implementations cache tokens and are thread-safe.
 */
public interface AccessTokenSource {

  /**
   * Returns a token good for {@code scopes}, such as {@code Mail.ReadWrite}.
   *
   * @throws UploadException with category AUTHENTICATION when no token can be had
   */
  String token(Set<String> scopes) throws IOException, UploadException;

  /**
   * Tells the source that Graph refused {@code token} as invalid or expired, so that the next
   * {@link #token} call gets a fresh one. Sources that cannot refresh ignore it.
   */
  default void invalidate(String token) {}
}
