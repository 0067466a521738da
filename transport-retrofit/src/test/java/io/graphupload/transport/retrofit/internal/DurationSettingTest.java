package io.graphupload.transport.retrofit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.graphupload.core.spi.PluginSettings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DurationSettingTest {

  @Test
  void readsSecondsUnitsAndIso() {
    assertThat(DurationSetting.parse("k", "30")).isEqualTo(Duration.ofSeconds(30));
    assertThat(DurationSetting.parse("k", "500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(DurationSetting.parse("k", "45s")).isEqualTo(Duration.ofSeconds(45));
    assertThat(DurationSetting.parse("k", "2m")).isEqualTo(Duration.ofMinutes(2));
    assertThat(DurationSetting.parse("k", "1H")).isEqualTo(Duration.ofHours(1));
    assertThat(DurationSetting.parse("k", "PT1M30S")).isEqualTo(Duration.ofSeconds(90));
    assertThat(DurationSetting.parse("k", "0")).isEqualTo(Duration.ZERO);
  }

  @Test
  void unsetIsEmpty() {
    assertThat(DurationSetting.read(PluginSettings.EMPTY, "read-timeout")).isEmpty();
  }

  @Test
  void unreadableValueNamesTheSettingAndTheAcceptedForms() {
    PluginSettings settings = PluginSettings.of(Map.of("read-timeout", "-PT1S"));

    assertThatThrownBy(() -> DurationSetting.read(settings, "read-timeout"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Setting 'read-timeout' is '-PT1S', which is not a duration; use seconds (30), a unit"
                + " (500ms, 30s, 2m, 1h) or ISO-8601 (PT30S), and 0 for no limit");
  }
}
