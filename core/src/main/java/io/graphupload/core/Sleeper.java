package io.graphupload.core;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Waits between retries. Tests substitute one that only records, so no test really waits. */
@FunctionalInterface
public interface Sleeper {
  /** Waits on the wall clock, waking early when the upload is cancelled. */
  Sleeper SYSTEM = (duration, wakeUp) -> wakeUp.await(duration.toNanos(), TimeUnit.NANOSECONDS);

  /**
   * Waits for {@code duration}, returning early when {@code wakeUp} reaches zero, which happens
   * when the upload is cancelled.
   */
  void sleep(Duration duration, CountDownLatch wakeUp) throws InterruptedException;
}
