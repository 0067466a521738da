package io.graphupload.core.spi;

/**
 * Creates {@link ResumeStore}s; registered in {@code META-INF/services}.
 *
 * <p>Frontends pass at least {@code state-dir}, the directory for the user's upload state.
 */
public interface ResumeStoreProvider extends NamedProvider {
  /** The setting that names the directory for upload state. */
  String STATE_DIR = "state-dir";

  ResumeStore create(PluginSettings settings);
}
