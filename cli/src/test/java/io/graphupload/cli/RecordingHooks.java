package io.graphupload.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Shutdown hooks that are only recorded, for a test to run as an interruption would. */
final class RecordingHooks implements ShutdownHooks {
  private final List<Thread> hooks = new ArrayList<>();
  private final CountDownLatch added = new CountDownLatch(1);

  @Override
  public synchronized void add(Thread hook) {
    hooks.add(hook);
    added.countDown();
  }

  @Override
  public synchronized void remove(Thread hook) {
    hooks.remove(hook);
  }

  synchronized List<Thread> registered() {
    return List.copyOf(hooks);
  }

  /** Runs every registered hook on the calling thread, as the JVM would on Ctrl-C. */
  void interrupt() {
    registered().forEach(Thread::run);
  }

  /** Waits until a hook is added, which commands do once they run. */
  boolean awaitFirst(long seconds) throws InterruptedException {
    return added.await(seconds, TimeUnit.SECONDS);
  }
}
