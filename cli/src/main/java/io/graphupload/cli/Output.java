package io.graphupload.cli;

import io.graphupload.core.Nullable;
import io.graphupload.core.UploadException;
import io.graphupload.core.UploadListener;
import java.nio.file.Path;

/**
 * Shows uploads to whoever reads the command's output: a person at a terminal, a log, or a program
 * reading JSON. Receives the engine's events as a listener, plus what happens before an upload can
 * start.
 *
 * <p>Results go to stdout and everything else (progress, notes, errors) to stderr, so that {@code
 * id=$(graph-upload attach ...)} captures only results. Thread-safe: parallel uploads share one
 * output.
 */
interface Output extends UploadListener {

  /**
   * Reports that an upload could not start: the error sentence on stderr, and in JSON a {@code
   * failed} event.
   *
   * @param file the file, when known (attach), else null
   * @param uploadId the upload's id, when known (resume, cancel), else null
   */
  void rejected(@Nullable Path file, @Nullable String uploadId, UploadException error);

  /** Tells a person something on stderr; programs reading JSON or quiet runs do not see it. */
  void note(String sentence);

  /** Reports an error that belongs to no file, as one sentence on stderr. */
  void error(String sentence, @Nullable Throwable cause);

  /**
   * Says that upload {@code uploadId} is being stopped on request (Ctrl-C), so that its ending is
   * not shown as a failure: the command says what became of it.
   */
  void stopping(String uploadId);

  /**
   * Leaves the sentence for a failed upload to the command, which says more (such as what became of
   * the message being sent); JSON still gets its {@code failed} event.
   */
  void leaveFailuresToCommand();

  /** Finishes what is on screen, such as progress bars, before the command returns. */
  default void finish() {}
}
