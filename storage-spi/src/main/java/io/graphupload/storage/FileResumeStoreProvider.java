package io.graphupload.storage;

import io.graphupload.core.spi.PluginSettings;
import io.graphupload.core.spi.ResumeStore;
import io.graphupload.core.spi.ResumeStoreProvider;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Provides {@link FileResumeStore}, named {@code file}: the default resume store. It keeps
 * checkpoints under the {@value ResumeStoreProvider#STATE_DIR} setting, or under {@link
 * FileResumeStore#defaultStateDirectory()} when that is not set.
 */
public final class FileResumeStoreProvider implements ResumeStoreProvider {
  private static final Logger log = LoggerFactory.getLogger(FileResumeStoreProvider.class);

  public static final String NAME = "file";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public int priority() {
    return 0;
  }

  /**
   * Returns a store under the configured state directory. Nothing is created on disk yet.
   *
   * @throws IllegalArgumentException if {@code state-dir} is not a valid path
   */
  @Override
  public ResumeStore create(PluginSettings settings) {
    String configured = settings.get(STATE_DIR);
    Path directory =
        configured == null || configured.isBlank()
            ? FileResumeStore.defaultStateDirectory()
            : parse(configured);
    FileResumeStore store = FileResumeStore.create(directory);
    log.debug("Keeping checkpoints in {}", store.checkpointDirectory());
    return store;
  }

  private static Path parse(String directory) {
    try {
      return Path.of(directory);
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException(
          "Setting '"
              + STATE_DIR
              + "' is not a usable directory: '"
              + directory
              + "' ("
              + e.getReason()
              + "). Give a directory path, or leave it unset to use "
              + FileResumeStore.defaultStateDirectory(),
          e);
    }
  }
}
