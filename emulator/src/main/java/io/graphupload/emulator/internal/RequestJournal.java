package io.graphupload.emulator.internal;

import io.graphupload.emulator.RecordedRequest;
import io.graphupload.emulator.RequestKind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The last requests received, and the one-line-per-request log. Thread-safe. */
public final class RequestJournal {
  private static final Logger log = LoggerFactory.getLogger("io.graphupload.emulator.requests");
  private static final int CAPACITY = 10_000;
  private final Deque<RecordedRequest> requests = new ArrayDeque<>();

  void record(HttpCall call, RequestKind kind) {
    int status = call.answerDropped() ? 0 : call.status();
    String target = call.redactedTarget();
    if (log.isInfoEnabled()) {
      log.info(
          "{} {} -> {} ({} bytes in, {} ms)",
          call.method(),
          target,
          status == 0 ? "connection dropped" : Integer.toString(status),
          call.bytesIn(),
          call.elapsedMillis());
    }
    if (kind == null) {
      return;
    }
    RecordedRequest request =
        new RecordedRequest(
            call.receivedAt(),
            call.method(),
            target,
            kind,
            status,
            call.bytesIn(),
            call.header("Authorization") != null);
    synchronized (this) {
      if (requests.size() == CAPACITY) {
        requests.removeFirst();
      }
      requests.addLast(request);
    }
  }

  public synchronized List<RecordedRequest> all() {
    return new ArrayList<>(requests);
  }

  public synchronized void clear() {
    requests.clear();
  }
}
