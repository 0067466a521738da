package io.graphupload.emulator.internal;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Counts the requests being handled, so that a test can wait until the emulator has finished with
 * every request a client sent before it died. Thread-safe.
 */
public final class RequestsInFlight {
  private int count;

  synchronized void enter() {
    count++;
  }

  synchronized void exit() {
    count--;
    if (count == 0) {
      notifyAll();
    }
  }

  /** Returns how many requests are being handled now. */
  public synchronized int count() {
    return count;
  }

  /**
   * Waits until no request is being handled.
   *
   * @return whether that happened within {@code timeout}
   */
  public synchronized boolean awaitIdle(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (count > 0) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    return true;
  }
}
