package io.graphupload.cli;

import io.graphupload.core.Nullable;
import io.graphupload.core.UploadEvent;
import io.graphupload.core.UploadListener;
import io.graphupload.core.UploadResult.Route;
import io.graphupload.core.UploadTarget;
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
  record Running(
      String uploadId,
      Path file,
      UploadTarget target,
      Route route,
      long bytesDone,
      long totalBytes) {
    Running advanced(long bytes) {
      return new Running(uploadId, file, target, route, bytes, totalBytes);
    }
  }

  private final Map<String, Running> running = new ConcurrentHashMap<>();
  private final Map<String, Running> lastKnown = new ConcurrentHashMap<>();
  private final Map<String, String> attachmentIds = new ConcurrentHashMap<>();
  private volatile @Nullable Running latest;

  @Override
  public void onEvent(UploadEvent event) {
    if (event instanceof UploadEvent.Started started) {
      running.put(
          started.uploadId(),
          new Running(
              started.uploadId(),
              started.file(),
              started.target(),
              started.route(),
              started.resumedFrom(),
              started.attachment().size()));
    } else if (event instanceof UploadEvent.RangeAcknowledged acknowledged) {
      running.computeIfPresent(
          acknowledged.uploadId(), (id, upload) -> upload.advanced(acknowledged.bytesDone()));
    } else if (event instanceof UploadEvent.SessionRestarted restarted) {
      running.computeIfPresent(restarted.uploadId(), (id, upload) -> upload.advanced(0));
    } else if (event instanceof UploadEvent.Completed completed) {
      attachmentIds.put(completed.uploadId(), completed.result().attachmentId());
      running.remove(event.uploadId());
    } else if (event instanceof UploadEvent.Failed) {
      running.remove(event.uploadId());
    }
    Running now = running.get(event.uploadId());
    if (now != null) {
      lastKnown.put(event.uploadId(), now);
      latest = now;
    }
  }

  /** Returns the upload heard of last, running or not; or null before any started. */
  @Nullable
  Running latest() {
    return latest;
  }

  /** Returns how far upload {@code uploadId} got when last heard of, running or not; or null. */
  @Nullable
  Running lastKnown(String uploadId) {
    return lastKnown.get(uploadId);
  }

  /** Returns how many uploads completed. */
  int completed() {
    return attachmentIds.size();
  }

  /** Returns the uploads running now, in no particular order. */
  List<Running> now() {
    return List.copyOf(running.values());
  }
}
