package io.graphupload.storage.example;

import static org.assertj.core.api.Assertions.assertThat;

import io.graphupload.core.Attachment;
import io.graphupload.core.Checkpoint;
import io.graphupload.core.FileIdentity;
import io.graphupload.core.Mailbox;
import io.graphupload.core.OutlookItem;
import io.graphupload.core.Plugins;
import io.graphupload.core.spi.NamedProvider;
import io.graphupload.core.spi.PluginSettings;
import io.graphupload.core.spi.ResumeStore;
import io.graphupload.core.spi.ResumeStoreProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example plugin, end to end: found through ServiceLoader by name, created, used. */
class ExamplePluginTest {
  @TempDir Path stateDirectory;

  @Test
  void serviceLoaderFindsExampleStoreByName() throws Exception {
    ClassLoader loader = getClass().getClassLoader();

    ResumeStoreProvider provider =
        Plugins.select(ResumeStoreProvider.class, "example-properties", loader);
    ResumeStore store =
        provider.create(PluginSettings.of(Map.of("state-dir", stateDirectory.toString())));
    Checkpoint checkpoint = checkpoint();
    store.save(checkpoint);

    assertThat(provider).isInstanceOf(PropertiesResumeStoreProvider.class);
    assertThat(store.load("example-upload")).contains(checkpoint);
    assertThat(stateDirectory.resolve("example-checkpoints.properties")).exists();
    assertThat(Files.readString(stateDirectory.resolve("example-checkpoints.properties")))
        .contains("offset.example-upload=1024");
  }

  @Test
  void exampleStoreSitsBesideTheBuiltInOnes() {
    ClassLoader loader = getClass().getClassLoader();

    assertThat(Plugins.discover(ResumeStoreProvider.class, loader))
        .extracting(NamedProvider::name)
        .containsExactlyInAnyOrder("file", "memory", "example-properties");
    assertThat(Plugins.select(ResumeStoreProvider.class, null, loader).name()).isEqualTo("file");
  }

  private static Checkpoint checkpoint() {
    Instant now = Instant.parse("2024-05-01T09:00:00Z");
    return new Checkpoint(
        "example-upload",
        OutlookItem.message(Mailbox.me(), "AAMkAGI2"),
        Attachment.file("report.pdf", 4096, "application/pdf"),
        new FileIdentity(Path.of("/data/report.pdf"), 4096, now, "ab".repeat(32)),
        "https://outlook.office.com/api/v2.0/AttachmentSessions('x')?authtoken=secret",
        null,
        1024,
        now,
        now);
  }
}
