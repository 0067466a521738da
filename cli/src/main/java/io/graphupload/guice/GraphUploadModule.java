package io.graphupload.guice;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import io.graphupload.core.LargestRangePlanner;
import io.graphupload.core.Nullable;
import io.graphupload.core.Plugins;
import io.graphupload.core.Sleeper;
import io.graphupload.core.StaticTokenSourceProvider;
import io.graphupload.core.UploadListener;
import io.graphupload.core.Uploader;
import io.graphupload.core.spi.AccessTokenSource;
import io.graphupload.core.spi.AccessTokenSourceProvider;
import io.graphupload.core.spi.ChunkPlanner;
import io.graphupload.core.spi.ChunkPlannerProvider;
import io.graphupload.core.spi.PluginSettings;
import io.graphupload.core.spi.ResumeStore;
import io.graphupload.core.spi.ResumeStoreProvider;
import io.graphupload.core.spi.Transport;
import io.graphupload.core.spi.TransportProvider;
import io.graphupload.core.spi.TransportSettings;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binds {@link Uploader} and the plugins it runs on, found with {@link java.util.ServiceLoader}
 * through {@link Plugins}: a plugin named in the settings wins, otherwise the highest priority.
 *
 * <p>Frontends add {@link UploadListener}s with {@code Multibinder.newSetBinder(binder(),
 * UploadListener.class)}, and may override {@link Sleeper} or {@link Clock} with {@code
 * Modules.override}. Plugins are created when first injected, once per injector, and the transport
 * when the first request goes out; the frontend closes the {@link Transport} when done.
 *
 * <p>Two modules with equal settings and class loader are equal, so installing the module twice
 * (say, by a frontend and by a library it uses) binds everything once.
 */
public final class GraphUploadModule extends AbstractModule {
  private static final Logger log = LoggerFactory.getLogger(GraphUploadModule.class);

  private final UploadSettings settings;
  private final ClassLoader pluginLoader;
  private final @Nullable AccessTokenSource tokenSource;

  /** Returns a module that finds plugins through this module's own class loader. */
  public GraphUploadModule(UploadSettings settings) {
    this(settings, GraphUploadModule.class.getClassLoader());
  }

  /** Returns a module that finds plugins through {@code pluginLoader}. */
  public GraphUploadModule(UploadSettings settings, ClassLoader pluginLoader) {
    this(settings, pluginLoader, null);
  }

  private GraphUploadModule(
      UploadSettings settings, ClassLoader pluginLoader, @Nullable AccessTokenSource tokenSource) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.pluginLoader = Objects.requireNonNull(pluginLoader, "pluginLoader");
    this.tokenSource = tokenSource;
  }

  /**
   * Returns a module like this one whose Graph calls take tokens from {@code tokens}, an instance
   * the frontend made (with its own sign-in prompt, say), instead of a plugin found by name or
   * priority. Cheaper than overriding the binding with {@code Modules.override}.
   */
  public GraphUploadModule withTokenSource(AccessTokenSource tokens) {
    return new GraphUploadModule(settings, pluginLoader, Objects.requireNonNull(tokens, "tokens"));
  }

  @Override
  protected void configure() {
    bind(UploadSettings.class).toInstance(settings);
    // Declared here so that the set exists, empty, when no frontend adds a listener.
    Multibinder.newSetBinder(binder(), UploadListener.class);
  }

  @Provides
  Sleeper sleeper() {
    return Sleeper.SYSTEM;
  }

  @Provides
  Clock clock() {
    return Clock.systemUTC();
  }

  @Provides
  @Singleton
  AccessTokenSource accessTokenSource() {
    return tokenSource != null ? tokenSource : new DeferredTokenSource(this::resolveTokenSource);
  }

  @Provides
  @Singleton
  Transport transport(AccessTokenSource tokens) {
    // Picked now, so that a wrong name fails at once; created at the first request.
    TransportProvider provider =
        Plugins.select(TransportProvider.class, settings.transport(), pluginLoader);
    log.debug("Transport: {}", provider.name());
    return new LazyTransport(
        () ->
            provider.create(
                new TransportSettings(
                    settings.graphEndpoint(), settings.apiVersion(), tokens, pluginSettings())));
  }

  @Provides
  @Singleton
  ResumeStore resumeStore() {
    ResumeStoreProvider provider =
        Plugins.select(ResumeStoreProvider.class, settings.resumeStore(), pluginLoader);
    log.debug("Resume store: {} in {}", provider.name(), settings.stateDirectory());
    return provider.create(
        pluginSettings().with(ResumeStoreProvider.STATE_DIR, settings.stateDirectory().toString()));
  }

  @Provides
  @Singleton
  ChunkPlanner chunkPlanner() {
    ChunkPlannerProvider provider =
        Plugins.select(ChunkPlannerProvider.class, settings.chunkPlanner(), pluginLoader);
    PluginSettings plannerSettings = pluginSettings();
    if (settings.chunkSize() != null) {
      plannerSettings =
          plannerSettings.with(LargestRangePlanner.CHUNK_SIZE, settings.chunkSize().toString());
    }
    return provider.create(plannerSettings);
  }

  @Provides
  @Singleton
  Uploader uploader(
      Transport transport,
      ResumeStore store,
      ChunkPlanner planner,
      Set<UploadListener> listeners,
      Sleeper sleeper,
      Clock clock) {
    Uploader.Builder builder =
        Uploader.builder()
            .transport(transport)
            .resumeStore(store)
            .chunkPlanner(planner)
            .retryPolicy(settings.retryPolicy())
            .maxSessionRestarts(settings.maxSessionRestarts())
            .cloud(settings.cloud())
            .sleeper(sleeper)
            .clock(clock);
    if (settings.rateLimit() != null) {
      builder.rateLimit(settings.rateLimit());
    }
    listeners.forEach(builder::listener);
    return builder.build();
  }

  private PluginSettings pluginSettings() {
    return PluginSettings.of(settings.pluginOptions());
  }

  private AccessTokenSource resolveTokenSource() {
    PluginSettings tokenSettings = pluginSettings();
    if (settings.token() != null) {
      tokenSettings = tokenSettings.with(StaticTokenSourceProvider.TOKEN, settings.token());
    }
    String name = settings.tokenSource();
    if (name == null && settings.token() != null) {
      name = "static";
    }
    if (name != null) {
      return Plugins.select(AccessTokenSourceProvider.class, name, pluginLoader)
          .create(tokenSettings);
    }
    return signInPlugin().create(tokenSettings);
  }

  /** Returns the sign-in plugin of highest priority; the static one needs a token, so not it. */
  private AccessTokenSourceProvider signInPlugin() {
    List<AccessTokenSourceProvider> found =
        Plugins.discover(AccessTokenSourceProvider.class, pluginLoader).stream()
            .filter(provider -> !provider.name().equalsIgnoreCase("static"))
            .toList();
    return found.stream()
        .max(Comparator.comparingInt(AccessTokenSourceProvider::priority))
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "No access token for Microsoft Graph: pass one with graph-upload's --token"
                        + " option or the GRAPH_UPLOAD_TOKEN environment variable, or add a"
                        + " sign-in plugin such as graph-upload-auth-msal."));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof GraphUploadModule module
        && module.settings.equals(settings)
        && module.pluginLoader == pluginLoader
        && module.tokenSource == tokenSource;
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        settings, System.identityHashCode(pluginLoader), System.identityHashCode(tokenSource));
  }

  @Override
  public String toString() {
    return "GraphUploadModule[" + settings + "]";
  }
}
