package io.graphupload.transport.retrofit.internal;

import io.graphupload.core.spi.PluginSettings;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a duration setting: {@code 30} (seconds), {@code 500ms}, {@code 30s}, {@code 2m}, ISO. */
public final class DurationSetting {
  private static final Pattern WITH_UNIT = Pattern.compile("(\\d+)\\s*(ms|s|m|h)?");

  private DurationSetting() {}

  /**
   * Returns the duration set under {@code key}, or empty when it is not set.
   *
   * @throws IllegalArgumentException naming the key and the accepted forms when unreadable
   */
  public static Optional<Duration> read(PluginSettings settings, String key) {
    String value = settings.get(key);
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(parse(key, value.trim()));
  }

  static Duration parse(String key, String value) {
    Matcher matcher = WITH_UNIT.matcher(value.toLowerCase(Locale.ROOT));
    try {
      if (matcher.matches()) {
        long amount = Long.parseLong(matcher.group(1));
        String unit = matcher.group(2) == null ? "s" : matcher.group(2);
        return switch (unit) {
          case "ms" -> Duration.ofMillis(amount);
          case "m" -> Duration.ofMinutes(amount);
          case "h" -> Duration.ofHours(amount);
          default -> Duration.ofSeconds(amount);
        };
      }
      Duration duration = Duration.parse(value);
      if (!duration.isNegative()) {
        return duration;
      }
    } catch (DateTimeParseException | ArithmeticException | NumberFormatException e) {
      // Falls through to the message below.
    }
    throw new IllegalArgumentException(
        "Setting '"
            + key
            + "' is '"
            + value
            + "', which is not a duration; use seconds (30), a unit (500ms, 30s, 2m, 1h) or"
            + " ISO-8601 (PT30S), and 0 for no limit");
  }
}
