package io.graphupload.guice;

import io.graphupload.core.Cloud;
import io.graphupload.core.Nullable;
import io.graphupload.core.RetryPolicy;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@link GraphUploadModule} builds an uploader from. Frontends fill it from flags, environment
 * variables and files; plugin names left null mean "the highest priority found".
 *
 * <p>{@link #toString()} hides the token and the values of plugin options, which may be secrets.
 *
 * @param graphEndpoint the Graph root without a version, such as {@code
 *     https://graph.microsoft.com}
 * @param apiVersion {@code v1.0} or {@code beta}
 * @param cloud the cloud, which decides what Outlook offers
 * @param token a bearer token for Graph calls, or null to get one from a sign-in plugin
 * @param tokenSource the access-token source plugin's name, or null
 * @param transport the transport plugin's name, or null
 * @param resumeStore the resume store plugin's name, or null
 * @param chunkPlanner the chunk planner plugin's name, or null
 * @param stateDirectory where the resume store keeps checkpoints
 * @param chunkSize the largest range to send, in bytes (the target's rules cap it), or null
 * @param rateLimit bytes per second shared by every upload, or null for no cap
 * @param retryPolicy how long one request is retried
 * @param maxSessionRestarts how often one upload may start over in a new session
 * @param pluginOptions further settings handed to every plugin, such as proxy settings
 */
public record UploadSettings(
    URI graphEndpoint,
    String apiVersion,
    Cloud cloud,
    @Nullable String token,
    @Nullable String tokenSource,
    @Nullable String transport,
    @Nullable String resumeStore,
    @Nullable String chunkPlanner,
    Path stateDirectory,
    @Nullable Long chunkSize,
    @Nullable Long rateLimit,
    RetryPolicy retryPolicy,
    int maxSessionRestarts,
    Map<String, String> pluginOptions) {

  public UploadSettings {
    pluginOptions = Map.copyOf(pluginOptions);
    if (chunkSize != null && chunkSize < 1) {
      throw new IllegalArgumentException("The chunk size must be positive, got " + chunkSize);
    }
    if (rateLimit != null && rateLimit < 1) {
      throw new IllegalArgumentException("The rate limit must be positive, got " + rateLimit);
    }
    if (maxSessionRestarts < 0) {
      throw new IllegalArgumentException("maxSessionRestarts must not be negative");
    }
  }

  /** Returns a builder with the defaults: the global cloud, v1.0, no token, default plugins. */
  public static Builder builder(Path stateDirectory) {
    return new Builder(stateDirectory);
  }

  /** Returns a builder holding these settings, to change some. */
  public Builder toBuilder() {
    Builder builder = new Builder(stateDirectory);
    builder.graphEndpoint = graphEndpoint;
    builder.apiVersion = apiVersion;
    builder.cloud = cloud;
    builder.token = token;
    builder.tokenSource = tokenSource;
    builder.transport = transport;
    builder.resumeStore = resumeStore;
    builder.chunkPlanner = chunkPlanner;
    builder.chunkSize = chunkSize;
    builder.rateLimit = rateLimit;
    builder.retryPolicy = retryPolicy;
    builder.maxSessionRestarts = maxSessionRestarts;
    builder.pluginOptions = new TreeMap<>(pluginOptions);
    return builder;
  }

  @Override
  public String toString() {
    return "UploadSettings[graphEndpoint="
        + graphEndpoint
        + ", apiVersion="
        + apiVersion
        + ", cloud="
        + cloud
        + ", token="
        + (token == null ? "none" : "REDACTED")
        + ", tokenSource="
        + tokenSource
        + ", transport="
        + transport
        + ", resumeStore="
        + resumeStore
        + ", chunkPlanner="
        + chunkPlanner
        + ", stateDirectory="
        + stateDirectory
        + ", chunkSize="
        + chunkSize
        + ", rateLimit="
        + rateLimit
        + ", retryPolicy="
        + retryPolicy
        + ", maxSessionRestarts="
        + maxSessionRestarts
        + ", pluginOptions="
        + new TreeMap<>(pluginOptions).keySet()
        + "]";
  }

  /** Collects settings. Not thread-safe. */
  public static final class Builder {
    private @Nullable URI graphEndpoint;
    private String apiVersion = "v1.0";
    private Cloud cloud = Cloud.GLOBAL;
    private @Nullable String token;
    private @Nullable String tokenSource;
    private @Nullable String transport;
    private @Nullable String resumeStore;
    private @Nullable String chunkPlanner;
    private Path stateDirectory;
    private @Nullable Long chunkSize;
    private @Nullable Long rateLimit;
    private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
    private int maxSessionRestarts = 3;
    private Map<String, String> pluginOptions = new TreeMap<>();

    private Builder(Path stateDirectory) {
      this.stateDirectory = stateDirectory;
    }

    /** Sets the Graph root; by default the cloud's own. */
    public Builder graphEndpoint(@Nullable URI value) {
      graphEndpoint = value;
      return this;
    }

    public Builder apiVersion(String value) {
      apiVersion = value;
      return this;
    }

    public Builder cloud(Cloud value) {
      cloud = value;
      return this;
    }

    public Builder token(@Nullable String value) {
      token = value;
      return this;
    }

    public Builder tokenSource(@Nullable String name) {
      tokenSource = name;
      return this;
    }

    public Builder transport(@Nullable String name) {
      transport = name;
      return this;
    }

    public Builder resumeStore(@Nullable String name) {
      resumeStore = name;
      return this;
    }

    public Builder chunkPlanner(@Nullable String name) {
      chunkPlanner = name;
      return this;
    }

    public Builder stateDirectory(Path value) {
      stateDirectory = value;
      return this;
    }

    public Builder chunkSize(@Nullable Long bytes) {
      chunkSize = bytes;
      return this;
    }

    /** Caps the bytes per second of all uploads together; null, the default, for no cap. */
    public Builder rateLimit(@Nullable Long bytesPerSecond) {
      rateLimit = bytesPerSecond;
      return this;
    }

    public Builder retryPolicy(RetryPolicy value) {
      retryPolicy = value;
      return this;
    }

    public Builder maxSessionRestarts(int value) {
      maxSessionRestarts = value;
      return this;
    }

    public Builder pluginOption(String key, String value) {
      pluginOptions.put(key, value);
      return this;
    }

    public UploadSettings build() {
      URI endpoint = graphEndpoint != null ? graphEndpoint : cloud.graphEndpoint();
      return new UploadSettings(
          endpoint,
          apiVersion,
          cloud,
          token,
          tokenSource,
          transport,
          resumeStore,
          chunkPlanner,
          stateDirectory,
          chunkSize,
          rateLimit,
          retryPolicy,
          maxSessionRestarts,
          pluginOptions);
    }
  }
}
