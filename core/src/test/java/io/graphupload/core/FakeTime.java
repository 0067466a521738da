package io.graphupload.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** A clock that only moves when the engine "sleeps", and records every sleep. */
final class FakeTime extends Clock implements Sleeper {
  final List<Duration> sleeps = new ArrayList<>();
  private Instant now = Instant.parse("2026-12-03T10:00:00Z");
  Runnable onSleep = () -> {};

  @Override
  public void sleep(Duration duration, CountDownLatch wakeUp) {
    sleeps.add(duration);
    now = now.plus(duration);
    onSleep.run();
  }

  void advance(Duration duration) {
    now = now.plus(duration);
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
