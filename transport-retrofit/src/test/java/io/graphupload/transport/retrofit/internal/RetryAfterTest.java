package io.graphupload.transport.retrofit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryAfterTest {
  private static final Instant NOW = Instant.parse("2015-10-21T07:28:00Z");

  @Test
  void secondsAreRead() {
    assertThat(RetryAfter.parse("120", NOW)).isEqualTo(Duration.ofSeconds(120));
    assertThat(RetryAfter.parse(" 0 ", NOW)).isEqualTo(Duration.ZERO);
  }

  @Test
  void anHttpDateIsTheTimeUntilIt() {
    assertThat(RetryAfter.parse("Wed, 21 Oct 2015 07:28:30 GMT", NOW))
        .isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void aDateInThePastMeansNoWait() {
    assertThat(RetryAfter.parse("Wed, 21 Oct 2015 07:00:00 GMT", NOW)).isEqualTo(Duration.ZERO);
  }

  @Test
  void absentNegativeOrUnreadableValuesAreNoAdvice() {
    assertThat(RetryAfter.parse(null, NOW)).isNull();
    assertThat(RetryAfter.parse("", NOW)).isNull();
    assertThat(RetryAfter.parse("-5", NOW)).isNull();
    assertThat(RetryAfter.parse("soon", NOW)).isNull();
  }
}
