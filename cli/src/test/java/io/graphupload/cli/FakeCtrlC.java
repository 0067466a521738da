package io.graphupload.cli;

import java.util.concurrent.atomic.AtomicInteger;

/** Ctrl-C that a test presses; the second press runs what it would run, but never halts. */
final class FakeCtrlC implements CtrlC {
  private volatile Runnable first;
  private volatile Runnable second;
  private final AtomicInteger presses = new AtomicInteger();

  @Override
  public Registration onPress(Runnable first, Runnable second) {
    this.first = first;
    this.second = second;
    return () -> {
      this.first = null;
      this.second = null;
    };
  }

  /** Presses Ctrl-C, on the calling thread, as the signal thread would; false when unwatched. */
  boolean press() {
    Runnable first = this.first;
    Runnable second = this.second;
    if (first == null) {
      return false;
    }
    (presses.getAndIncrement() == 0 ? first : second).run();
    return true;
  }

  boolean watched() {
    return first != null;
  }
}
