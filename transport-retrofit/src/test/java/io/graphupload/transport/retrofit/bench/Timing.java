package io.graphupload.transport.retrofit.bench;

/**
 * When one upload started, sent its first range, and ended, from {@link System#nanoTime()}.
 *
 * @param started before anything of the upload happened
 * @param rangesStarted when the session existed and its first range was about to go out
 * @param ended when the last range had been answered
 */
record Timing(long started, long rangesStarted, long ended) {

  /** Returns the whole upload's throughput in megabytes (10^6 bytes) per second. */
  double uploadRate(long bytes) {
    return rate(bytes, ended - started);
  }

  /** Returns the throughput of the ranges alone, from the first PUT to the last answer. */
  double rangeRate(long bytes) {
    return rate(bytes, ended - rangesStarted);
  }

  double seconds() {
    return (ended - started) / 1e9;
  }

  double rangeSeconds() {
    return (ended - rangesStarted) / 1e9;
  }

  private static double rate(long bytes, long nanos) {
    return bytes / 1e6 / (nanos / 1e9);
  }
}
