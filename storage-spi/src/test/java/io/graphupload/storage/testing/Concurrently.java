package io.graphupload.storage.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs one task on several threads released at the same instant, and gathers what they return. */
final class Concurrently {
  private Concurrently() {}

  /** What the {@code thread}-th thread runs, at the same moment as the others. */
  interface Task<T> {
    T run(int thread) throws Exception;
  }

  /**
   * Runs {@code task} on {@code threads} threads at once and returns their results in thread order.
   *
   * @throws Exception the first failure, by thread order, of any thread
   */
  static <T> List<T> run(int threads, Task<T> task) throws Exception {
    ExecutorService executor = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<T>> futures = new ArrayList<>();
      for (int thread = 0; thread < threads; thread++) {
        int index = thread;
        Callable<T> call =
            () -> {
              start.await();
              return task.run(index);
            };
        futures.add(executor.submit(call));
      }
      start.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> future : futures) {
        results.add(unwrap(future));
      }
      return results;
    } finally {
      executor.shutdownNow();
    }
  }

  private static <T> T unwrap(Future<T> future) throws Exception {
    try {
      return future.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Exception cause) {
        throw cause;
      }
      throw new AssertionError(e.getCause());
    }
  }
}
