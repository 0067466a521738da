package io.graphupload.cli;

import io.graphupload.core.Nullable;
import io.graphupload.core.Redaction;
import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * The command's stdout and stderr. Every write locks this object, so that lines of parallel uploads
 * never interleave mid-line.
 */
final class Streams {
  private final PrintWriter out;
  private final PrintWriter err;
  private final boolean verbose;

  Streams(PrintWriter out, PrintWriter err, boolean verbose) {
    this.out = out;
    this.err = err;
    this.verbose = verbose;
  }

  boolean verbose() {
    return verbose;
  }

  synchronized void out(String line) {
    err.flush();
    out.println(line);
    out.flush();
  }

  synchronized void err(String line) {
    out.flush();
    err.println(line);
    err.flush();
  }

  /** Writes to stderr without a line break, for progress bars redrawn in place. */
  synchronized void errRaw(String text) {
    err.print(text);
    err.flush();
  }

  /**
   * Writes an error as one sentence, and its stack trace only with {@code --verbose}. Both pass
   * through {@link Redaction}, since a library's message may quote a URL with a token.
   */
  synchronized void error(String sentence, @Nullable Throwable cause) {
    err(Redaction.text(sentence));
    if (verbose && cause != null) {
      StringWriter trace = new StringWriter();
      cause.printStackTrace(new PrintWriter(trace));
      errRaw(Redaction.text(trace.toString()));
    }
  }
}
