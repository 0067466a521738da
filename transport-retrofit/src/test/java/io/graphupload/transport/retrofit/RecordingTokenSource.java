package io.graphupload.transport.retrofit;

import io.graphupload.core.spi.AccessTokenSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * A token source for tests: hands out the given tokens in order, the last one again once they run
 * out, and records the scopes asked for and the tokens invalidated.
 */
final class RecordingTokenSource implements AccessTokenSource {
  private final Deque<String> tokens;
  private final List<Set<String>> scopesAsked = new ArrayList<>();
  private final List<String> invalidated = new ArrayList<>();
  private String last;

  RecordingTokenSource(String... tokens) {
    this.tokens = new ArrayDeque<>(Arrays.asList(tokens));
    this.last = tokens[tokens.length - 1];
  }

  @Override
  public synchronized String token(Set<String> scopes) {
    scopesAsked.add(Set.copyOf(scopes));
    if (!tokens.isEmpty()) {
      last = tokens.removeFirst();
    }
    return last;
  }

  @Override
  public synchronized void invalidate(String token) {
    invalidated.add(token);
  }

  synchronized List<Set<String>> scopesAsked() {
    return List.copyOf(scopesAsked);
  }

  synchronized List<String> invalidated() {
    return List.copyOf(invalidated);
  }
}
