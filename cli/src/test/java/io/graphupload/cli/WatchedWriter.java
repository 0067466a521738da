package io.graphupload.cli;

import java.io.Writer;
import java.util.concurrent.TimeUnit;

/** Collects text, and lets another thread wait until some text has been written. */
final class WatchedWriter extends Writer {
  private final StringBuilder text = new StringBuilder();

  @Override
  public synchronized void write(char[] chars, int offset, int length) {
    text.append(chars, offset, length);
    notifyAll();
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}

  /**
   * Waits until the text contains {@code fragment}.
   *
   * @return whether it did within {@code seconds}
   */
  synchronized boolean awaitText(String fragment, long seconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (text.indexOf(fragment) < 0) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    return true;
  }

  @Override
  public synchronized String toString() {
    return text.toString();
  }
}
