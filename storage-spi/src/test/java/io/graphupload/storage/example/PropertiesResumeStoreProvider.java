package io.graphupload.storage.example;

import io.graphupload.core.spi.PluginSettings;
import io.graphupload.core.spi.ResumeStore;
import io.graphupload.core.spi.ResumeStoreProvider;
import java.nio.file.Path;

/**
 * Makes {@link PropertiesResumeStore} available as {@code example-properties}. Listed in this
 * module's test resources under {@code
 * META-INF/services/io.graphupload.core.spi.ResumeStoreProvider}, which is all a plugin jar needs.
 * Its priority is below the built-in stores', so it is used only when chosen by name.
 */
public final class PropertiesResumeStoreProvider implements ResumeStoreProvider {
  public static final String NAME = "example-properties";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public int priority() {
    return -20;
  }

  @Override
  public ResumeStore create(PluginSettings settings) {
    String directory =
        settings.require(STATE_DIR, "the directory for example-checkpoints.properties");
    return new PropertiesResumeStore(Path.of(directory, "example-checkpoints.properties"));
  }
}
