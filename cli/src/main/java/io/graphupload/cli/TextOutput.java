package io.graphupload.cli;

import io.graphupload.core.Nullable;
import io.graphupload.core.UploadEvent;
import io.graphupload.core.UploadException;
import io.graphupload.core.UploadException.Category;
import io.graphupload.core.UploadResult;
import io.graphupload.core.UploadResult.Route;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Output for people: a result line per finished file on stdout, and on stderr either progress bars
 * redrawn in place (on a terminal), a progress line every few seconds per file (in a pipe or CI
 * log), or nothing but errors (quiet).
 */
final class TextOutput implements Output {
  /** How the progress of a running upload shows. */
  enum Progress {
    /** Bars redrawn in place: for a terminal. */
    BARS,
    /** A line every few seconds per file: for pipes and CI logs. */
    LINES,
    /** Nothing; results are attachment ids only, errors still show. */
    QUIET
  }

  static final Duration LINE_INTERVAL = Duration.ofSeconds(5);

  private final Streams streams;
  private final Progress progress;
  private final Clock clock;
  private final ProgressBars bars;
  private final Map<String, Tracker> running = new LinkedHashMap<>();
  private final Function<String, String> resumeCommand;
  private final Failures failures;
  private final Set<String> stopping = new HashSet<>();
  private boolean failuresToCommand;

  /**
   * @param resumeCommand gives the command line that resumes an upload id
   */
  TextOutput(
      Streams streams,
      Progress progress,
      Clock clock,
      int columns,
      Function<String, String> resumeCommand,
      Failures failures) {
    this.streams = streams;
    this.failures = failures;
    this.resumeCommand = resumeCommand;
    this.progress = progress;
    this.clock = clock;
    this.bars = new ProgressBars(streams, columns);
  }

  @Override
  public synchronized void onEvent(UploadEvent event) {
    if (event instanceof UploadEvent.Started started) {
      started(started);
    } else if (event instanceof UploadEvent.RangeAcknowledged acknowledged) {
      advanced(acknowledged);
    } else if (event instanceof UploadEvent.RetryScheduled retry) {
      Tracker tracker = running.get(retry.uploadId());
      if (tracker != null) {
        tracker.status = "retrying in " + seconds(retry.delay()) + " (" + retry.reason() + ")";
      }
      noteAbove(
          name(retry.file().getFileName())
              + ": "
              + retry.reason()
              + "; trying again in "
              + seconds(retry.delay())
              + " (retry "
              + retry.attempt()
              + ").");
    } else if (event instanceof UploadEvent.SessionRestarted restarted) {
      Tracker tracker = running.get(restarted.uploadId());
      if (tracker != null) {
        tracker.restart(clock.instant());
      }
      noteAbove(
          name(restarted.file().getFileName())
              + ": "
              + restarted.reason()
              + "; starting over in a new session from byte 0.");
    } else if (event instanceof UploadEvent.Completed completed) {
      running.remove(completed.uploadId());
      printAbove(() -> streams.out(resultLine(completed)));
    } else if (event instanceof UploadEvent.Failed failed) {
      Tracker tracker = running.remove(failed.uploadId());
      if (stopping.contains(failed.uploadId()) || failuresToCommand) {
        // The command says what became of it, with more to tell than this upload knows.
        printAbove(() -> {});
        return;
      }
      String sentence = failures.sentence(failed.uploadId(), failed.error());
      printAbove(() -> streams.error(sentence, failed.error()));
      if (failed.error().category() == Category.TRANSIENT) {
        noteAbove(
            tracker != null && tracker.route == Route.UPLOAD_SESSION
                ? "Resume it later with: " + resumeCommand.apply(failed.uploadId())
                : "Run the command again later to attach "
                    + name(failed.file().getFileName())
                    + ".");
      }
    }
  }

  private void started(UploadEvent.Started started) {
    Tracker tracker =
        new Tracker(
            name(started.file().getFileName()),
            started.route(),
            started.attachment().size(),
            started.resumedFrom(),
            clock.instant());
    running.put(started.uploadId(), tracker);
    String size = ByteSize.format(started.attachment().size());
    if (started.resumedFrom() > 0) {
      noteAbove(
          "Resuming "
              + tracker.name
              + " at "
              + ByteSize.format(started.resumedFrom())
              + " of "
              + size
              + " (upload "
              + started.uploadId()
              + ").");
    } else {
      noteAbove(
          "Uploading "
              + tracker.name
              + " ("
              + size
              + ") to "
              + started.target().describe()
              + (started.route() == Route.SINGLE_REQUEST ? " in one request." : "."));
    }
  }

  private void advanced(UploadEvent.RangeAcknowledged acknowledged) {
    Tracker tracker = running.get(acknowledged.uploadId());
    if (tracker == null) {
      return;
    }
    Instant now = clock.instant();
    tracker.bytesDone = acknowledged.bytesDone();
    tracker.status = null;
    if (progress == Progress.BARS) {
      bars.draw(running.values(), now);
    } else if (progress == Progress.LINES
        && Duration.between(tracker.lastLine, now).compareTo(LINE_INTERVAL) >= 0) {
      tracker.lastLine = now;
      streams.err(tracker.progressLine(now));
    }
  }

  private String resultLine(UploadEvent.Completed completed) {
    UploadResult result = completed.result();
    if (progress == Progress.QUIET) {
      return result.attachmentId();
    }
    return "Attached "
        + name(completed.file().getFileName())
        + " ("
        + ByteSize.format(result.bytes())
        + ") as "
        + result.attachmentId();
  }

  @Override
  public synchronized void rejected(
      @Nullable Path file, @Nullable String uploadId, UploadException e) {
    printAbove(() -> streams.error(failures.sentence(uploadId, e), e));
  }

  @Override
  public synchronized void note(String sentence) {
    noteAbove(sentence);
  }

  @Override
  public synchronized void error(String sentence, @Nullable Throwable cause) {
    printAbove(() -> streams.error(sentence, cause));
  }

  @Override
  public synchronized void stopping(String uploadId) {
    stopping.add(uploadId);
  }

  @Override
  public synchronized void leaveFailuresToCommand() {
    failuresToCommand = true;
  }

  @Override
  public synchronized void finish() {
    bars.erase();
  }

  private void noteAbove(String sentence) {
    if (progress != Progress.QUIET) {
      printAbove(() -> streams.err(sentence));
    }
  }

  /** Prints a line, keeping the bars below the text rather than under it. */
  private void printAbove(Runnable print) {
    bars.erase();
    print.run();
    if (progress == Progress.BARS && !running.isEmpty()) {
      bars.draw(running.values(), clock.instant());
    }
  }

  private static String name(@Nullable Object fileName) {
    return String.valueOf(fileName);
  }

  static String seconds(Duration duration) {
    return String.format(java.util.Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
  }

  /** One running upload, as far as the screen knows it. Guarded by the output's lock. */
  static final class Tracker {
    final String name;
    final Route route;
    final long total;
    long startedFrom;
    Instant startedAt;
    Instant lastLine;
    long bytesDone;
    @Nullable String status;

    Tracker(String name, Route route, long total, long resumedFrom, Instant now) {
      this.name = name;
      this.route = route;
      this.total = total;
      this.startedFrom = resumedFrom;
      this.bytesDone = resumedFrom;
      this.startedAt = now;
      this.lastLine = now;
    }

    void restart(Instant now) {
      startedFrom = 0;
      bytesDone = 0;
      startedAt = now;
    }

    int percent() {
      return (int) (bytesDone * 100 / Math.max(total, 1));
    }

    /** Returns bytes per second over this run, or 0 before there is anything to tell. */
    double rate(Instant now) {
      long millis = Duration.between(startedAt, now).toMillis();
      return millis <= 0 ? 0 : (bytesDone - startedFrom) * 1000.0 / millis;
    }

    String progressLine(Instant now) {
      double rate = rate(now);
      return name
          + ": "
          + ByteSize.format(bytesDone)
          + " of "
          + ByteSize.format(total)
          + " ("
          + percent()
          + "%)"
          + (rate > 0 ? ", " + ByteSize.format(Math.round(rate)) + "/s" : "");
    }
  }
}
