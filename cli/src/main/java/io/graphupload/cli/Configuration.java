package io.graphupload.cli;

import io.graphupload.auth.msal.Flow;
import io.graphupload.auth.msal.MsalTokenSourceProvider;
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

  /** Exchange Online's default message size limit: 35 MB as Microsoft counts, 36,700,160 bytes. */
  static final long DEFAULT_MAX_MESSAGE_SIZE = 35L * 1024 * 1024;

  /** The highest message size limit an administrator can set: 150 MB, 157,286,400 bytes. */
  static final long HIGHEST_MAX_MESSAGE_SIZE = 150L * 1024 * 1024;

  /** The value of {@code --auth} that sends the given bearer token as it is. */
  static final String STATIC_AUTH = "static";

  /** Settings that hold secrets, which a file others can read must not hold. */
  private static final Set<Setting> SECRETS =
      Set.of(Setting.TOKEN, Setting.CLIENT_SECRET, Setting.CERTIFICATE_PASSWORD);

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
    for (Setting secret : SECRETS) {
      if (properties.containsKey(secret.key()) && othersCanRead(path)) {
        warn.accept(
            "Warning: "
                + path
                + " holds a "
                + (secret == Setting.TOKEN ? "token" : secret.key())
                + " that other users can read; make it private with: chmod 600 "
                + path);
        return;
      }
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
            .rateLimit(resolve(Setting.LIMIT_RATE, flags.rateLimit(), ByteSize::parse, null))
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

  /**
   * Returns the mailbox's message size limit that {@code send} checks the attachments against: the
   * flag, the setting, or Exchange Online's default of 35 MB.
   *
   * @throws UsageException when it is over the 150 MB an administrator can set at most
   */
  long maxMessageSize(@Nullable Long flag) {
    long limit = resolve(Setting.MAX_MESSAGE_SIZE, flag, ByteSize::parse, DEFAULT_MAX_MESSAGE_SIZE);
    if (limit > HIGHEST_MAX_MESSAGE_SIZE) {
      throw new UsageException(
          "The message size limit "
              + limit
              + " bytes is over the 150 MB ("
              + HIGHEST_MAX_MESSAGE_SIZE
              + " bytes) Exchange Online allows at most; give --max-message-size 150M or less.");
    }
    return limit;
  }

  /**
   * Returns how to sign in: {@code static}, a flow's name, or null for the default (static with a
   * token, else MSAL's own choice).
   */
  @Nullable
  String auth(SignInFlags flags) {
    return resolve(Setting.AUTH, flags.auth(), Configuration::auth, null);
  }

  /**
   * Returns the MSAL settings for this run: the plugin options, then the sign-in settings with
   * flags winning over the environment and the file, then the cloud and state directory.
   */
  Map<String, String> signInSettings(SignInFlags flags, UploadSettings upload) {
    Map<String, String> settings = new TreeMap<>(upload.pluginOptions());
    put(settings, MsalTokenSourceProvider.TENANT_ID, Setting.TENANT_ID, flags.tenant());
    put(settings, MsalTokenSourceProvider.CLIENT_ID, Setting.CLIENT_ID, flags.clientId());
    put(
        settings,
        MsalTokenSourceProvider.CLIENT_SECRET,
        Setting.CLIENT_SECRET,
        flags.clientSecret());
    put(settings, MsalTokenSourceProvider.CERTIFICATE, Setting.CERTIFICATE, flags.certificate());
    put(
        settings,
        MsalTokenSourceProvider.CERTIFICATE_PASSWORD,
        Setting.CERTIFICATE_PASSWORD,
        flags.certificatePassword());
    put(settings, MsalTokenSourceProvider.AUTHORITY, Setting.AUTHORITY, flags.authority());
    settings.put(MsalTokenSourceProvider.CLOUD, upload.cloud().name().toLowerCase(Locale.ROOT));
    settings.put(MsalTokenSourceProvider.STATE_DIR, upload.stateDirectory().toString());
    return settings;
  }

  private void put(
      Map<String, String> settings, String key, Setting setting, @Nullable String flag) {
    String value = resolve(setting, flag, String::strip, null);
    if (value != null) {
      settings.put(key, value);
    }
  }

  /**
   * Returns {@code static} or a sign-in flow's name for {@code text}.
   *
   * @throws IllegalArgumentException listing the choices
   */
  static String auth(String text) {
    String name = text.strip().toLowerCase(Locale.ROOT);
    if (name.equals(STATIC_AUTH)) {
      return STATIC_AUTH;
    }
    try {
      return Flow.parse(name).settingValue();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a way to sign in; use static, " + Flow.names());
    }
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
      @Nullable Long chunkSize,
      @Nullable Long rateLimit) {}

  /** The sign-in flags, which override settings; null when not given. */
  record SignInFlags(
      @Nullable String auth,
      @Nullable String tenant,
      @Nullable String clientId,
      @Nullable String clientSecret,
      @Nullable String certificate,
      @Nullable String certificatePassword,
      @Nullable String authority) {
    static final SignInFlags NONE = new SignInFlags(null, null, null, null, null, null, null);
  }
}
