package io.graphupload.storage;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves unusable checkpoint files out of the way, keeping them for inspection, and tells the user
 * what happened and what to do. Nothing here throws: a bad file must never stop the others.
 */
final class SetAside {
  private static final Logger log = LoggerFactory.getLogger(SetAside.class);

  // Colons are not allowed in Windows file names, so no ISO-8601 extended format here.
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final Clock clock;

  SetAside(Clock clock) {
    this.clock = clock;
  }

  /** Sets aside {@code file}, which could not be read at all, as {@code <name>.corrupt-<time>}. */
  void unreadable(String uploadId, Path file, String reason) {
    moveAndReport(uploadId, file, "corrupt", reason, 0);
  }

  /** Sets aside {@code file}, whose content is not a checkpoint this release can use. */
  void unusable(String uploadId, Path file, CheckpointFormatException problem) {
    int version = problem.unsupportedVersion();
    String label = version == 0 ? "corrupt" : "version-" + version;
    moveAndReport(uploadId, file, label, problem.getMessage(), version);
  }

  private void moveAndReport(String uploadId, Path file, String label, String reason, int version) {
    Path aside;
    try {
      aside = move(file, label);
    } catch (NoSuchFileException e) {
      return; // another thread or process set it aside, or deleted it, first
    } catch (IOException e) {
      log.warn(
          "Checkpoint file {} is unusable ({}) and could not be moved aside ({}); ignoring it."
              + " Delete it, or fix the permissions of {} so that it can be moved.",
          file,
          reason,
          IoReasons.describe(e),
          file.getParent());
      return;
    }

    if (version == 0) {
      log.warn(
          "Checkpoint file {} is unusable: {}. Moved it to {}. Upload '{}' cannot resume from it:"
              + " start that upload again, and delete the moved file once you no longer need it.",
          file,
          reason,
          aside,
          uploadId);
    } else {
      log.warn(
          "Checkpoint file {} is not in a format this release reads: {}. Moved it to {}. To"
              + " resume upload '{}', rename it back to {} and use the graph-upload release that"
              + " wrote it.",
          file,
          reason,
          aside,
          uploadId,
          file.getFileName());
    }
  }

  private Path move(Path file, String label) throws IOException {
    String base = file.getFileName() + "." + label + "-" + STAMP.format(clock.instant());
    for (int copy = 1; ; copy++) {
      Path aside = file.resolveSibling(copy == 1 ? base : base + "-" + copy);
      try {
        Files.move(file, aside);
        DurableFiles.forceDirectory(file.getParent());
        return aside;
      } catch (FileAlreadyExistsException e) {
        // set aside twice within one second: take the next free name
      }
    }
  }
}
