package io.graphupload.core.internal;

import io.graphupload.core.FileIdentity;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/** Computes a file's identity, SHA-256 included, on a thread of its own. */
final class ContentHash {
  private final FutureTask<FileIdentity> task;

  ContentHash(Path file) {
    this.task = new FutureTask<>(() -> FileIdentity.of(file));
    Thread thread = new Thread(task, "graph-upload-hash");
    thread.setDaemon(true);
    thread.start();
  }

  boolean isDone() {
    return task.isDone();
  }

  /** Waits for the identity. */
  FileIdentity await() throws IOException, InterruptedException {
    try {
      return task.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new IllegalStateException("Hashing the file failed", e.getCause());
    } catch (CancellationException e) {
      throw new IOException("Hashing the file was cancelled", e);
    }
  }

  /** Stops hashing, when the upload ended first. */
  void cancel() {
    task.cancel(true);
  }
}
