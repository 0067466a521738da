package io.graphupload.storage;

import io.graphupload.core.spi.PluginSettings;
import io.graphupload.core.spi.ResumeStore;
import io.graphupload.core.spi.ResumeStoreProvider;

/**
 * Provides {@link InMemoryResumeStore}, named {@code memory}. Its priority, -10, is below the file
 * store's, so it is used only when chosen by name. Settings are ignored; each store is new and
 * empty.
 */
public final class InMemoryResumeStoreProvider implements ResumeStoreProvider {
  public static final String NAME = "memory";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public int priority() {
    return -10;
  }

  @Override
  public ResumeStore create(PluginSettings settings) {
    return InMemoryResumeStore.create();
  }
}
