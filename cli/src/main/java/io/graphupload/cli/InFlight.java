package io.graphupload.cli;

import io.graphupload.core.UploadEvent;
import io.graphupload.core.UploadListener;
import io.graphupload.core.UploadResult.Route;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Knows which uploads are running and how far each got, so that an interrupted command can say what
 * to resume. Thread-safe.
 */
final class InFlight implements UploadListener {
  /** A running upload. */
  record Running(String uploadId, Path file, Route route, long bytesDone, long totalBytes) {
    Running advanced(long bytes) {
      return new Running(uploadId, file, route, bytes, totalBytes);
    }
  }

  private final Map<String, Running> running = new ConcurrentHashMap<>();

  @Override
  public void onEvent(UploadEvent event) {
    if (event instanceof UploadEvent.Started started) {
      running.put(
          started.uploadId(),
          new Running(
              started.uploadId(),
              started.file(),
              started.route(),
              started.resumedFrom(),
              started.attachment().size()));
    } else if (event instanceof UploadEvent.RangeAcknowledged acknowledged) {
      running.computeIfPresent(
          acknowledged.uploadId(), (id, upload) -> upload.advanced(acknowledged.bytesDone()));
    } else if (event instanceof UploadEvent.SessionRestarted restarted) {
      running.computeIfPresent(restarted.uploadId(), (id, upload) -> upload.advanced(0));
    } else if (event instanceof UploadEvent.Completed || event instanceof UploadEvent.Failed) {
      running.remove(event.uploadId());
    }
  }

  /** Returns the uploads running now, in no particular order. */
  List<Running> now() {
    return List.copyOf(running.values());
  }
}
