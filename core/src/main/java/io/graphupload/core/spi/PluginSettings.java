package io.graphupload.core.spi;

import io.graphupload.core.Nullable;
import java.util.Map;
import java.util.TreeMap;

/**
 * String settings handed to a plugin when it is created, such as {@code state-dir} or {@code
 * token}. Frontends fill them from flags, environment variables and configuration files.
 *
 * <p>{@link #toString()} lists keys only, since values may be secrets.
 */
public record PluginSettings(Map<String, String> values) {
  public static final PluginSettings EMPTY = new PluginSettings(Map.of());

  public PluginSettings {
    values = Map.copyOf(values);
  }

  public static PluginSettings of(Map<String, String> values) {
    return new PluginSettings(values);
  }

  /** Returns the value of {@code key}, or null when it is not set. */
  public @Nullable String get(String key) {
    return values.get(key);
  }

  /**
   * Returns the value of {@code key}.
   *
   * @throws IllegalArgumentException naming the key and what it is for, when it is not set
   */
  public String require(String key, String purpose) {
    String value = values.get(key);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("Setting '" + key + "' is required: " + purpose);
    }
    return value;
  }

  /** Returns a copy with {@code key} set to {@code value}. */
  public PluginSettings with(String key, String value) {
    Map<String, String> copy = new TreeMap<>(values);
    copy.put(key, value);
    return new PluginSettings(copy);
  }

  @Override
  public String toString() {
    return "PluginSettings" + new TreeMap<>(values).keySet();
  }
}
