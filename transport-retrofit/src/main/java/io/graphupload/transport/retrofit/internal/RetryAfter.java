package io.graphupload.transport.retrofit.internal;

import io.graphupload.core.Nullable;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Reads a {@code Retry-After} header: a number of seconds, or an HTTP date. */
public final class RetryAfter {
  private RetryAfter() {}

  /**
   * Returns how long {@code value} asks to wait from {@code now}; a date in the past means zero.
   *
   * @return the wait, or null when the header is absent or neither form
   */
  public static @Nullable Duration parse(@Nullable String value, Instant now) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String text = value.trim();
    try {
      long seconds = Long.parseLong(text);
      return seconds < 0 ? null : Duration.ofSeconds(seconds);
    } catch (NumberFormatException notSeconds) {
      try {
        Instant until = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration wait = Duration.between(now, until);
        return wait.isNegative() ? Duration.ZERO : wait;
      } catch (DateTimeParseException notDate) {
        return null;
      }
    }
  }
}
