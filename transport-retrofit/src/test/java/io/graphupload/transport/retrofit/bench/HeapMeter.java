package io.graphupload.transport.retrofit.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * The heap one run used. The heap only grows between collections, so its peak is the largest
 * occupancy that a collection found when it began; the collections report it. Also what stayed in
 * use after a full collection once the run ended.
 */
final class HeapMeter {
  private static final String EXPLICIT = "System.gc()";

  private final Set<String> heapPools =
      ManagementFactory.getMemoryPoolMXBeans().stream()
          .filter(pool -> pool.getType() == MemoryType.HEAP)
          .map(MemoryPoolMXBean::getName)
          .collect(Collectors.toUnmodifiableSet());
  private final AtomicLong peak = new AtomicLong();
  private final AtomicInteger collections = new AtomicInteger();
  private final Semaphore explicitCollections = new Semaphore(0);

  /**
   * What a run used.
   *
   * @param peak the most heap in use at once, in bytes
   * @param afterGc the heap still in use after a full collection at the end, in bytes
   * @param collections how many collections the run itself caused
   */
  record Usage(long peak, long afterGc, int collections) {}

  HeapMeter() {
    for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
      ((NotificationEmitter) collector).addNotificationListener(this::collected, null, null);
    }
  }

  /** Collects garbage and forgets earlier peaks, so that the next reading covers one run. */
  void start() throws InterruptedException {
    collect();
    peak.set(heapUsed());
    collections.set(0);
  }

  /** Returns the peak since {@link #start()}, then collects and reads what is still in use. */
  Usage stop() throws InterruptedException {
    peak.accumulateAndGet(heapUsed(), Math::max);
    int during = collections.get();
    collect();
    return new Usage(peak.get(), heapUsed(), during);
  }

  /** Runs a full collection and waits until its report has been counted. */
  private void collect() throws InterruptedException {
    explicitCollections.drainPermits();
    System.gc();
    if (!explicitCollections.tryAcquire(10, TimeUnit.SECONDS)) {
      throw new IllegalStateException("The JVM did not report the requested collection");
    }
  }

  private void collected(Notification notification, Object handback) {
    if (!notification
        .getType()
        .equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
      return;
    }
    GarbageCollectionNotificationInfo info =
        GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
    long before = 0;
    for (Map.Entry<String, MemoryUsage> pool :
        info.getGcInfo().getMemoryUsageBeforeGc().entrySet()) {
      if (heapPools.contains(pool.getKey())) {
        before += pool.getValue().getUsed();
      }
    }
    peak.accumulateAndGet(before, Math::max);
    if (EXPLICIT.equals(info.getGcCause())) {
      explicitCollections.release();
    } else {
      collections.incrementAndGet();
    }
  }

  private static long heapUsed() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
