package io.graphupload.cli;

import io.graphupload.core.Cloud;
import io.graphupload.core.Nullable;
import io.graphupload.core.RetryPolicy;
import io.graphupload.guice.UploadSettings;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Settings from the environment ({@code GRAPH_UPLOAD_*}) and the optional configuration file
 * ({@code $XDG_CONFIG_HOME/graph-upload/config.properties}), under the flags, which win.
 */
final class Configuration {
  private static final String APPLICATION = "graph-upload";

  private final Map<String, String> environment;
  private final Properties file;
  private final @Nullable Path filePath;
  private final Path userHome;

  private Configuration(
      Map<String, String> environment, Properties file, @Nullable Path filePath, Path userHome) {
    this.environment = environment;
    this.file = file;
    this.filePath = filePath;
    this.userHome = userHome;
  }

  /**
   * Reads the configuration file, when it exists, and the environment.
   *
   * @param configFile the file to read, or null for the default location
   * @param warn receives warnings for a person, such as a token in a file others can read
   * @throws UsageException when the file exists but cannot be read
   */
  static Configuration load(
      Map<String, String> environment,
      @Nullable Path configFile,
      Path userHome,
      Consumer<String> warn) {
    Path path = configFile != null ? configFile : defaultConfigFile(environment, userHome);
    Properties properties = new Properties();
    if (Files.isRegularFile(path)) {
      try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
        properties.load(reader);
      } catch (IOException | IllegalArgumentException e) {
        throw new UsageException(
            "Cannot read the configuration file " + path + ": " + e.getMessage() + ".", e);
      }
      check(properties, path, warn);
      return new Configuration(environment, properties, path, userHome);
    }
    return new Configuration(environment, properties, null, userHome);
  }

  static Path defaultConfigFile(Map<String, String> environment, Path userHome) {
    return xdg(environment, "XDG_CONFIG_HOME", userHome.resolve(".config"))
        .resolve(APPLICATION)
        .resolve("config.properties");
  }

  private static Path xdg(Map<String, String> environment, String variable, Path fallback) {
    String value = environment.get(variable);
    // The XDG base directory specification calls relative values invalid, to be ignored.
    if (value != null && !value.isBlank() && Path.of(value).isAbsolute()) {
      return Path.of(value);
    }
    return fallback;
  }

  private static void check(Properties properties, Path path, Consumer<String> warn) {
    for (String key : properties.stringPropertyNames()) {
      if (!Setting.isKey(key) && !key.startsWith(Setting.PLUGIN_PREFIX)) {
        warn.accept(
            "Warning: "
                + path
                + " has an unknown setting '"
                + key
                + "', which is ignored; known settings: "
                + knownKeys()
                + ".");
      }
    }
    if (properties.containsKey(Setting.TOKEN.key()) && othersCanRead(path)) {
      warn.accept(
          "Warning: "
              + path
              + " holds a token that other users can read; make it private with: chmod 600 "
              + path);
    }
  }

  private static String knownKeys() {
    StringBuilder keys = new StringBuilder();
    for (Setting setting : Setting.values()) {
      keys.append(keys.length() == 0 ? "" : ", ").append(setting.key());
    }
    return keys + " and plugin.*";
  }

  private static boolean othersCanRead(Path path) {
    try {
      Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
      return permissions.contains(PosixFilePermission.GROUP_READ)
          || permissions.contains(PosixFilePermission.OTHERS_READ);
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }

  /** Returns the settings for the uploader, with {@code flags} winning over everything else. */
  UploadSettings uploadSettings(Flags flags) {
    Cloud cloud = resolve(Setting.CLOUD, flags.cloud(), Configuration::cloud, Cloud.GLOBAL);
    URI endpoint = resolve(Setting.ENDPOINT, flags.endpoint(), Endpoints::parse, null);
    Long chunkSize = resolve(Setting.CHUNK_SIZE, flags.chunkSize(), ByteSize::parse, null);
    RetryPolicy defaults = RetryPolicy.DEFAULT;
    int retries = resolve(Setting.RETRIES, null, Configuration::retries, defaults.maxAttempts());
    UploadSettings.Builder builder =
        UploadSettings.builder(stateDirectory(flags))
            .cloud(cloud)
            .graphEndpoint(endpoint)
            .apiVersion(resolve(Setting.API_VERSION, null, Function.identity(), "v1.0"))
            .token(resolve(Setting.TOKEN, flags.token(), String::strip, null))
            .tokenSource(text(Setting.TOKEN_SOURCE))
            .transport(text(Setting.TRANSPORT))
            .resumeStore(text(Setting.STORE))
            .chunkPlanner(text(Setting.CHUNK_PLANNER))
            .chunkSize(chunkSize)
            .retryPolicy(
                new RetryPolicy(
                    retries, defaults.maxElapsed(), defaults.initialDelay(), defaults.maxDelay()));
    propertiesMap()
        .forEach(
            (key, value) -> {
              if (key.startsWith(Setting.PLUGIN_PREFIX)) {
                builder.pluginOption(key.substring(Setting.PLUGIN_PREFIX.length()), value.strip());
              }
            });
    return builder.build();
  }

  /** Returns the state directory: the flag, the setting, or the XDG state home's. */
  Path stateDirectory(Flags flags) {
    Path configured = resolve(Setting.STATE_DIR, flags.stateDirectory(), Configuration::path, null);
    return configured != null ? configured.toAbsolutePath().normalize() : defaultStateDirectory();
  }

  Path defaultStateDirectory() {
    return xdg(environment, "XDG_STATE_HOME", userHome.resolve(".local").resolve("state"))
        .resolve(APPLICATION);
  }

  private @Nullable String text(Setting setting) {
    return resolve(setting, null, String::strip, null);
  }

  private Map<String, String> propertiesMap() {
    Map<String, String> map = new TreeMap<>();
    for (String key : file.stringPropertyNames()) {
      map.put(key, file.getProperty(key));
    }
    return map;
  }

  /**
   * Returns the flag when given, else the environment's value, else the file's, else {@code
   * fallback}; a value that does not parse is a usage error naming where it came from.
   */
  private <T> T resolve(
      Setting setting, @Nullable T flag, Function<String, T> parser, @Nullable T fallback) {
    if (flag != null) {
      return flag;
    }
    String fromEnvironment = environment.get(setting.environmentVariable());
    if (fromEnvironment != null && !fromEnvironment.isBlank()) {
      return parse(parser, fromEnvironment, setting.environmentVariable());
    }
    String fromFile = file.getProperty(setting.key());
    if (fromFile != null && !fromFile.isBlank()) {
      return parse(parser, fromFile.strip(), setting.key() + " in " + filePath);
    }
    return fallback;
  }

  private static <T> T parse(Function<String, T> parser, String text, String source) {
    try {
      return parser.apply(text);
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw new UsageException("Invalid value for " + source + ": " + e.getMessage() + ".", e);
    }
  }

  static Cloud cloud(String name) {
    return switch (name.strip().toLowerCase(Locale.ROOT)) {
      case "global" -> Cloud.GLOBAL;
      case "china" -> Cloud.CHINA;
      default ->
          throw new IllegalArgumentException(
              "'" + name + "' is not a cloud with Outlook upload sessions; use global or china");
    };
  }

  private static Integer retries(String text) {
    try {
      int tries = Integer.parseInt(text.strip());
      if (tries >= 1 && tries <= 100) {
        return tries;
      }
    } catch (NumberFormatException e) {
      // Reported below with the accepted range.
    }
    throw new IllegalArgumentException("'" + text + "' is not a number of tries from 1 to 100");
  }

  private static Path path(String text) {
    try {
      return Path.of(text);
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException("'" + text + "' is not a path: " + e.getReason());
    }
  }

  /** The flags that override settings; null when not given. */
  record Flags(
      @Nullable URI endpoint,
      @Nullable Cloud cloud,
      @Nullable String token,
      @Nullable Path stateDirectory,
      @Nullable Long chunkSize) {}
}
