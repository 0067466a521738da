package io.graphupload.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.graphupload.core.spi.AccessTokenSourceProvider;
import io.graphupload.core.spi.ChunkPlannerProvider;
import io.graphupload.core.spi.PluginSettings;
import io.graphupload.core.spi.ResumeStoreProvider;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PluginsTest {
  private final ClassLoader loader = PluginsTest.class.getClassLoader();

  @Test
  void builtInProvidersAreFoundThroughServiceLoader() {
    assertThat(Plugins.select(ChunkPlannerProvider.class, null, loader).name())
        .isEqualTo("largest");
    AccessTokenSourceProvider tokens =
        Plugins.select(AccessTokenSourceProvider.class, "STATIC", loader);
    assertThat(tokens.create(PluginSettings.of(Map.of("token", "abc"))).toString())
        .isEqualTo("StaticTokenSource[token=REDACTED]");
  }

  @Test
  void unknownNameListsWhatWasFoundAndHowToAddOne() {
    assertThatThrownBy(() -> Plugins.select(ChunkPlannerProvider.class, "adaptive", loader))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "No ChunkPlannerProvider named 'adaptive'. Found: largest (priority 0). Add a plugin"
                + " jar that lists its provider in"
                + " META-INF/services/io.graphupload.core.spi.ChunkPlannerProvider to the class"
                + " path, or pick one of those found by name.");
  }

  @Test
  void missingKindSaysNoneWasFound() {
    assertThatThrownBy(() -> Plugins.select(ResumeStoreProvider.class, null, loader))
        .hasMessageStartingWith("No ResumeStoreProvider at all. Found: none.");
  }

  @Test
  void missingRequiredSettingNamesItsPurpose() {
    AccessTokenSourceProvider tokens =
        Plugins.select(AccessTokenSourceProvider.class, null, loader);

    assertThatThrownBy(() -> tokens.create(PluginSettings.EMPTY))
        .hasMessage("Setting 'token' is required: the bearer token to send to Graph");
    assertThat(PluginSettings.of(Map.of("token", "abc")).toString())
        .isEqualTo("PluginSettings[token]");
  }
}
