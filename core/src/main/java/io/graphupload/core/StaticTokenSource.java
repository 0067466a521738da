package io.graphupload.core;

import io.graphupload.core.spi.AccessTokenSource;
import java.util.Set;

/**
 * Hands out one fixed bearer token, for scripts, tests and the emulator. It cannot refresh: once
 * the token expires, Graph answers 401 and the upload fails with an authentication error.
 */
public final class StaticTokenSource implements AccessTokenSource {
  private final String token;

  public StaticTokenSource(String token) {
    if (token.isBlank()) {
      throw new IllegalArgumentException(
          "The access token is blank; pass a bearer token with --token or GRAPH_UPLOAD_TOKEN");
    }
    this.token = token.strip();
  }

  @Override
  public String token(Set<String> scopes) {
    return token;
  }

  @Override
  public String toString() {
    return "StaticTokenSource[token=" + Redaction.MASK + "]";
  }
}
