package io.graphupload.emulator.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class WireFormatsTest {

  @Test
  void contentRangeReadsStartEndAndTotal() {
    assertThat(ContentRange.parse("bytes 0-4194303/10485760"))
        .isEqualTo(new ContentRange(0, 4_194_303, 10_485_760));
    assertThat(ContentRange.parse("Bytes  5-5/6").length()).isEqualTo(1);
  }

  @Test
  void contentRangeRejectsOtherForms() {
    assertThat(ContentRange.parse(null)).isNull();
    assertThat(ContentRange.parse("bytes=0-1/2")).isNull();
    assertThat(ContentRange.parse("bytes */10")).isNull();
    assertThat(ContentRange.parse("bytes 9-3/10")).isNull();
    assertThat(ContentRange.parse("bytes 0-1")).isNull();
  }

  @Test
  void intervalSetCountsOffsetsSeenBefore() {
    IntervalSet seen = new IntervalSet();

    assertThat(seen.add(0, 100)).isZero();
    assertThat(seen.add(100, 200)).isZero();
    assertThat(seen.add(50, 150)).isEqualTo(100);
    assertThat(seen.add(300, 400)).isZero();
    assertThat(seen.add(150, 350)).isEqualTo(100);
    assertThat(seen.add(0, 400)).isEqualTo(400);
  }

  @Test
  void redactionHidesUploadSecretsOnly() {
    assertThat(Redaction.pathAndQuery("/api/v2.0/x", "authtoken=eyJabc&other=1"))
        .isEqualTo("/api/v2.0/x?authtoken=REDACTED&other=1");
    assertThat(Redaction.pathAndQuery("/_api/v2.0/y", "guid='g'&TempAuth=secret"))
        .isEqualTo("/_api/v2.0/y?guid='g'&TempAuth=REDACTED");
    assertThat(Redaction.pathAndQuery("/v1.0/me", null)).isEqualTo("/v1.0/me");
  }

  @Test
  void outlookExpiryHasSevenFractionalDigits() {
    Instant instant = Instant.parse("2019-09-25T01:09:30.767170712Z");

    assertThat(Timestamps.outlook(instant)).isEqualTo("2019-09-25T01:09:30.7671707Z");
    assertThat(Timestamps.drive(instant)).isEqualTo("2019-09-25T01:09:30.767Z");
  }

  @Test
  void outlookIdsKeepTheirPadding() {
    assertThat(Ids.outlookId()).startsWith("AAMk").endsWith("=").doesNotContain("+", "/");
  }
}
