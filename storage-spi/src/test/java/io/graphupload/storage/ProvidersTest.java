package io.graphupload.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.graphupload.core.Plugins;
import io.graphupload.core.spi.PluginSettings;
import io.graphupload.core.spi.ResumeStore;
import io.graphupload.core.spi.ResumeStoreProvider;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProvidersTest {
  private final ClassLoader loader = getClass().getClassLoader();

  @TempDir Path stateDirectory;

  @Test
  void fileStoreIsChosenWhenNobodyPicks() {
    ResumeStoreProvider chosen = Plugins.select(ResumeStoreProvider.class, null, loader);

    assertThat(chosen).isInstanceOf(FileResumeStoreProvider.class);
    assertThat(chosen.name()).isEqualTo("file");
    assertThat(chosen.priority()).isZero();
  }

  @Test
  void fileStoreKeepsCheckpointsUnderStateDirSetting() {
    PluginSettings settings = PluginSettings.of(Map.of("state-dir", stateDirectory.toString()));

    ResumeStore store = Plugins.select(ResumeStoreProvider.class, "file", loader).create(settings);

    assertThat(store).isInstanceOf(FileResumeStore.class);
    assertThat(((FileResumeStore) store).checkpointDirectory())
        .isEqualTo(stateDirectory.resolve("uploads"));
  }

  @Test
  void fileStoreWithoutStateDirUsesTheDefault() {
    ResumeStore store = new FileResumeStoreProvider().create(PluginSettings.EMPTY);

    assertThat(((FileResumeStore) store).stateDirectory())
        .isEqualTo(FileResumeStore.defaultStateDirectory());
  }

  @Test
  void stateDirThatIsNoPathIsRefusedWithTheFix() {
    PluginSettings settings = PluginSettings.of(Map.of("state-dir", "state\u0000dir"));

    assertThatThrownBy(() -> new FileResumeStoreProvider().create(settings))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Setting 'state-dir' is not a usable directory: 'state\u0000dir' (Nul character not"
                + " allowed). Give a directory path, or leave it unset to use "
                + FileResumeStore.defaultStateDirectory());
  }

  @Test
  void memoryStoreIsChosenByName() {
    ResumeStoreProvider chosen = Plugins.select(ResumeStoreProvider.class, "memory", loader);

    assertThat(chosen.priority()).isEqualTo(-10);
    assertThat(chosen.create(PluginSettings.EMPTY)).isInstanceOf(InMemoryResumeStore.class);
  }
}
