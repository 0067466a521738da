package io.graphupload.core;

import static io.graphupload.core.Harness.DRAFT;
import static io.graphupload.core.Harness.MIB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RateLimitTest {
  private static final long SECOND = 1_000_000_000L;

  @TempDir Path dir;

  @Test
  void firstSecondOfBytesGoesAtOnceThenEachWaitsItsTurn() {
    RateLimit limit = new RateLimit(1000);

    assertThat(limit.reserve(1000, 5 * SECOND)).isEqualTo(Duration.ZERO);
    assertThat(limit.reserve(500, 5 * SECOND)).isEqualTo(Duration.ofMillis(500));
    assertThat(limit.reserve(500, 5 * SECOND)).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void idleTimeRefillsAtMostOneSecond() {
    RateLimit limit = new RateLimit(1000);
    limit.reserve(1000, 0);

    assertThat(limit.reserve(1000, 60 * SECOND)).isEqualTo(Duration.ZERO);
    assertThat(limit.reserve(1000, 60 * SECOND)).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void hugeReservationsDoNotOverflow() {
    RateLimit limit = new RateLimit(1);

    assertThat(limit.reserve(150L * MIB, 0).toSeconds()).isEqualTo(150L * MIB - 1);
  }

  @Test
  void rateMustBePositive() {
    assertThatThrownBy(() -> new RateLimit(0))
        .hasMessage("The rate limit must be at least 1 byte per second, got 0");
  }

  @Test
  void limitedUploadSendsOneSecondRangesAndWaitsBetweenThem() throws Exception {
    Harness harness = new Harness(dir);
    Path file = harness.file("big.bin", 3L * MIB + 5);
    Uploader uploader = harness.uploader(builder -> builder.rateLimit(MIB));

    uploader.upload(UploadRequest.of(file, DRAFT));

    assertThat(harness.putHeaders())
        .containsExactly(
            "bytes 0-1048575/3145733",
            "bytes 1048576-2097151/3145733",
            "bytes 2097152-3145727/3145733",
            "bytes 3145728-3145732/3145733");
    assertThat(harness.time.sleeps)
        .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofNanos(4768));
  }
}
