package io.graphupload.cli;

import io.graphupload.core.Nullable;
import io.graphupload.core.Upload;
import io.graphupload.core.UploadException;
import io.graphupload.core.UploadException.Category;
import io.graphupload.core.UploadException.Phase;
import io.graphupload.core.UploadRequest;
import io.graphupload.core.Uploader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Prepares a command's uploads, runs them one by one or a few at a time, and turns what happened
 * into an exit code. The uploading itself is core's; this only schedules and counts.
 */
final class UploadBatch {
  /** Outlook serves at most four concurrent requests per mailbox. */
  static final int MAX_PARALLEL = 4;

  /** One upload to prepare: attaching a file, or resuming an upload by id. */
  interface Preparation {
    /** Returns the file to attach, or null when resuming by upload id. */
    @Nullable
    Path file();

    /** Returns the upload id to resume, or null when attaching a file. */
    @Nullable
    String uploadId();

    Upload prepare() throws UploadException;

    /** Creates the preparation of attaching {@code request}'s file. */
    static Preparation attach(Uploader uploader, UploadRequest request) {
      return new Preparation() {
        @Override
        public Path file() {
          return request.file();
        }

        @Override
        public @Nullable String uploadId() {
          return null;
        }

        @Override
        public Upload prepare() throws UploadException {
          return uploader.prepare(request);
        }
      };
    }

    /** Creates the preparation of resuming upload {@code id}. */
    static Preparation resume(Uploader uploader, String id) {
      return new Preparation() {
        @Override
        public @Nullable Path file() {
          return null;
        }

        @Override
        public String uploadId() {
          return id;
        }

        @Override
        public Upload prepare() throws UploadException {
          return uploader.prepareResume(id);
        }
      };
    }
  }

  private final Session session;
  private final Output output;
  private final boolean allOrNothing;
  private final int parallel;
  private final boolean resumable;
  // Uploads not ended yet, waiting or running; guarded by itself.
  private final Set<Upload> pending = new LinkedHashSet<>();
  // Uploads that a stop ended or kept from starting; guarded by pending.
  private final Set<Upload> interrupted = new LinkedHashSet<>();
  private @Nullable InterruptNotice notice;

  /**
   * @param allOrNothing when one preparation fails, upload nothing: a typo in the third file name
   *     should not leave the first two attached and the command half done
   * @param parallel how many uploads run at once, from 1 to {@link #MAX_PARALLEL}
   * @param resumable whether an interrupted upload can be resumed later, so Ctrl-C says how
   */
  UploadBatch(Session session, boolean allOrNothing, int parallel, boolean resumable) {
    this.session = session;
    this.output = session.output();
    this.allOrNothing = allOrNothing;
    this.parallel = parallel;
    this.resumable = resumable;
  }

  /** Prepares and runs every upload, and returns the exit code. */
  int run(List<? extends Preparation> preparations) {
    List<Category> failures = new ArrayList<>();
    List<Upload> uploads = prepare(preparations, failures);
    if (!failures.isEmpty() && allOrNothing) {
      if (!uploads.isEmpty()) {
        output.note(
            "Nothing was uploaded, because "
                + failures.size()
                + " of "
                + preparations.size()
                + " files could not be; fix that and run the command again.");
      }
      return ExitCode.worst(failures).code();
    }
    synchronized (pending) {
      pending.addAll(uploads);
    }
    try (InterruptNotice installed = InterruptNotice.install(session, this, resumable)) {
      notice = installed;
      failures.addAll(
          parallel > 1 && uploads.size() > 1 ? runParallel(uploads) : runInOrder(uploads));
      if (installed.stopRequested()) {
        installed.tell();
        return ExitCode.INTERRUPTED.code();
      }
    }
    return ExitCode.worst(failures).code();
  }

  /** Returns the uploads that have not ended yet. */
  List<Upload> unfinished() {
    synchronized (pending) {
      List<Upload> all = new ArrayList<>(interrupted);
      all.addAll(pending);
      return all;
    }
  }

  /** Waits until every upload has ended, or {@code timeout} passed. */
  void awaitSettled(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (pending) {
      while (!pending.isEmpty()) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return;
        }
        try {
          TimeUnit.NANOSECONDS.timedWait(pending, left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  private List<Upload> prepare(List<? extends Preparation> preparations, List<Category> failures) {
    List<Upload> uploads = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (Preparation preparation : preparations) {
      try {
        Upload upload = preparation.prepare();
        session.failures().target(upload.id(), upload.target());
        if (!ids.add(upload.id())) {
          throw new UploadException(
              Category.INVALID_INPUT,
              Phase.PREPARE,
              (preparation.file() != null ? preparation.file() : "Upload " + upload.id())
                  + " is given twice; give each once.");
        }
        uploads.add(upload);
      } catch (UploadException e) {
        output.rejected(preparation.file(), preparation.uploadId(), e);
        failures.add(e.category());
      }
    }
    return uploads;
  }

  private List<Category> runInOrder(List<Upload> uploads) {
    List<Category> failures = new ArrayList<>();
    for (Upload upload : uploads) {
      Category failure = runOne(upload);
      if (failure != null) {
        failures.add(failure);
        int left = unfinished().size();
        if (failure == Category.AUTHENTICATION && left > 0) {
          output.note(
              "Stopped before the other "
                  + left
                  + " files, which would fail the same way; fix the sign-in and run the"
                  + " command again.");
          return failures;
        }
      }
    }
    return failures;
  }

  private List<Category> runParallel(List<Upload> uploads) {
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallel, uploads.size()));
    try {
      List<Future<Category>> results = new ArrayList<>();
      for (Upload upload : uploads) {
        results.add(pool.submit(() -> runOne(upload)));
      }
      List<Category> failures = new ArrayList<>();
      for (Future<Category> result : results) {
        Category failure = result.get();
        if (failure != null) {
          failures.add(failure);
        }
      }
      return failures;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return List.of(Category.CANCELLED);
    } catch (ExecutionException e) {
      throw new IllegalStateException("An upload thread failed", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /** Runs one upload; returns null on success, else what kind of failure it was. */
  private @Nullable Category runOne(Upload upload) {
    if (notice != null && notice.stopRequested()) {
      ended(upload, true);
      return Category.CANCELLED;
    }
    boolean stopped = false;
    try {
      upload.run();
      return null;
    } catch (UploadException e) {
      // The engine's Failed event has shown the error already.
      stopped = notice != null && notice.stopRequested() && e.category() == Category.TRANSIENT;
      return e.category();
    } catch (RuntimeException e) {
      output.error(
          "Uploading "
              + upload.file()
              + " failed unexpectedly: "
              + e
              + ". This is a bug; please report it with the output of --verbose.",
          e);
      return Category.PERMANENT;
    } finally {
      ended(upload, stopped);
    }
  }

  private void ended(Upload upload, boolean interruptedByStop) {
    synchronized (pending) {
      pending.remove(upload);
      if (interruptedByStop) {
        interrupted.add(upload);
      }
      pending.notifyAll();
    }
  }
}
