package io.graphupload.guice;

import io.graphupload.core.Nullable;
import io.graphupload.core.UploadException;
import io.graphupload.core.UploadException.Category;
import io.graphupload.core.UploadException.Phase;
import io.graphupload.core.spi.AccessTokenSource;
import java.io.IOException;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Finds the configured access-token source on first use, so that work which never calls Graph
 * (listing, cancelling or resuming uploads whose session is alive) needs no token at all.
 *
 * <p>Thread-safe.
 */
final class DeferredTokenSource implements AccessTokenSource {
  private final Supplier<AccessTokenSource> resolver;
  private @Nullable AccessTokenSource resolved;
  private @Nullable RuntimeException failure;

  DeferredTokenSource(Supplier<AccessTokenSource> resolver) {
    this.resolver = resolver;
  }

  @Override
  public String token(Set<String> scopes) throws IOException, UploadException {
    return source().token(scopes);
  }

  @Override
  public void invalidate(String token) {
    AccessTokenSource current;
    synchronized (this) {
      current = resolved;
    }
    if (current != null) {
      current.invalidate(token);
    }
  }

  private synchronized AccessTokenSource source() throws UploadException {
    if (resolved == null && failure == null) {
      try {
        resolved = resolver.get();
      } catch (RuntimeException e) {
        failure = e;
      }
    }
    if (failure != null) {
      throw new UploadException(
          Category.AUTHENTICATION, Phase.SIGN_IN, failure.getMessage(), failure);
    }
    return resolved;
  }

  @Override
  public String toString() {
    return "DeferredTokenSource[" + (resolved != null ? resolved : "not resolved yet") + "]";
  }
}
