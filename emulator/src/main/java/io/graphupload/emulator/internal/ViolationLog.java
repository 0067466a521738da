package io.graphupload.emulator.internal;

import io.graphupload.emulator.ClientRule;
import io.graphupload.emulator.Violation;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every rule any client broke, in order. Thread-safe. */
public final class ViolationLog {
  private static final Logger log = LoggerFactory.getLogger(ViolationLog.class);
  private final List<Violation> violations = new ArrayList<>();

  Violation record(ClientRule rule, String detail, String sessionId, HttpCall call) {
    Violation violation =
        new Violation(
            rule,
            detail,
            sessionId,
            call.method() + " " + call.redactedTarget(),
            call.receivedAt());
    synchronized (this) {
      violations.add(violation);
    }
    log.warn("Client broke rule {}: {}", rule.jsonName(), detail);
    return violation;
  }

  public synchronized List<Violation> all() {
    return List.copyOf(violations);
  }

  synchronized void clear() {
    violations.clear();
  }
}
