package io.graphupload.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.graphupload.core.Cloud;
import io.graphupload.guice.UploadSettings;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigurationTest {
  static final Configuration.Flags NO_FLAGS =
      new Configuration.Flags(null, null, null, null, null, null);

  @TempDir Path home;
  final Map<String, String> environment = new HashMap<>();
  final List<String> warnings = new ArrayList<>();

  @Test
  void flagsWinOverTheEnvironmentWhichWinsOverTheFile() throws IOException {
    writeConfig("endpoint=https://file.example.com\ncloud=china\nchunk-size=256K\n");
    environment.put("GRAPH_UPLOAD_ENDPOINT", "https://env.example.com");
    environment.put("GRAPH_UPLOAD_CHUNK_SIZE", "1M");
    Configuration.Flags flags =
        new Configuration.Flags(
            URI.create("https://flag.example.com"), null, null, null, null, null);

    UploadSettings settings = load().uploadSettings(flags);

    assertThat(settings.graphEndpoint()).isEqualTo(URI.create("https://flag.example.com"));
    assertThat(settings.chunkSize()).isEqualTo(1024L * 1024);
    assertThat(settings.cloud()).isEqualTo(Cloud.CHINA);
    assertThat(warnings).isEmpty();
  }

  @Test
  void endpointDefaultsToTheClouds() throws IOException {
    environment.put("GRAPH_UPLOAD_CLOUD", "China");

    UploadSettings settings = load().uploadSettings(NO_FLAGS);

    assertThat(settings.graphEndpoint())
        .isEqualTo(URI.create("https://microsoftgraph.chinacloudapi.cn"));
  }

  @Test
  void stateDirectoryFollowsXdgStateHome() {
    environment.put("XDG_STATE_HOME", "/var/lib/me");

    assertThat(load().stateDirectory(NO_FLAGS)).isEqualTo(Path.of("/var/lib/me/graph-upload"));
  }

  @Test
  void relativeXdgStateHomeIsIgnoredAsTheSpecificationSays() {
    environment.put("XDG_STATE_HOME", "relative/state");

    assertThat(load().stateDirectory(NO_FLAGS))
        .isEqualTo(home.resolve(".local/state/graph-upload"));
  }

  @Test
  void pluginKeysInTheFileGoToPlugins() throws IOException {
    writeConfig("plugin.read-timeout=30s\nretries=3\n");

    UploadSettings settings = load().uploadSettings(NO_FLAGS);

    assertThat(settings.pluginOptions()).containsExactly(Map.entry("read-timeout", "30s"));
    assertThat(settings.retryPolicy().maxAttempts()).isEqualTo(3);
  }

  @Test
  void unknownKeyInTheFileIsAWarningThatListsTheKnownOnes() throws IOException {
    Path file = writeConfig("endpiont=https://x.example.com\n");

    load();

    assertThat(warnings)
        .containsExactly(
            "Warning: "
                + file
                + " has an unknown setting 'endpiont', which is ignored; known settings: endpoint,"
                + " cloud, token, state-dir, chunk-size, limit-rate, max-message-size, auth,"
                + " tenant-id, client-id, client-secret, certificate, certificate-password,"
                + " authority, retries, api-version, transport, store, token-source, chunk-planner"
                + " and plugin.*.");
  }

  @Test
  void tokenInAFileOthersCanReadIsAWarning() throws IOException {
    Path file = writeConfig("token=abc\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

    UploadSettings settings = load().uploadSettings(NO_FLAGS);

    assertThat(settings.token()).isEqualTo("abc");
    assertThat(warnings)
        .containsExactly(
            "Warning: "
                + file
                + " holds a token that other users can read; make it private with: chmod 600 "
                + file);
  }

  @Test
  void badValueInTheFileNamesTheKeyAndTheFile() throws IOException {
    Path file = writeConfig("retries=many\n");

    assertThatThrownBy(() -> load().uploadSettings(NO_FLAGS))
        .isInstanceOf(UsageException.class)
        .hasMessage(
            "Invalid value for retries in "
                + file
                + ": 'many' is not a number of tries from 1 to 100.");
  }

  @Test
  void endpointWithAVersionIsRefusedWithTheRoot() {
    environment.put("GRAPH_UPLOAD_ENDPOINT", "https://graph.microsoft.com/v1.0");

    assertThatThrownBy(() -> load().uploadSettings(NO_FLAGS))
        .hasMessage(
            "Invalid value for GRAPH_UPLOAD_ENDPOINT: 'https://graph.microsoft.com/v1.0' ends"
                + " with an API version; give the root without it, such as"
                + " https://graph.microsoft.com.");
  }

  @Test
  void signInSettingsFollowFlagsThenEnvironmentThenFileWithCloudAndStateDirectory()
      throws IOException {
    writeConfig(
        "tenant-id=file-tenant\nclient-id=file-client\nauthority=https://login.example.com\n"
            + "cloud=china\n");
    environment.put("GRAPH_UPLOAD_TENANT_ID", "env-tenant");
    Configuration.SignInFlags flags =
        new Configuration.SignInFlags(null, null, "flag-client", null, null, null, null);
    Configuration configuration = load();

    Map<String, String> settings =
        configuration.signInSettings(flags, configuration.uploadSettings(NO_FLAGS));

    assertThat(settings)
        .containsExactly(
            Map.entry("authority", "https://login.example.com"),
            Map.entry("client-id", "flag-client"),
            Map.entry("cloud", "china"),
            Map.entry("state-dir", home.resolve(".local/state/graph-upload").toString()),
            Map.entry("tenant-id", "env-tenant"));
  }

  @Test
  void clientSecretInAFileOthersCanReadIsAWarning() throws IOException {
    Path file = writeConfig("client-secret=s3cret\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));

    load();

    assertThat(warnings)
        .containsExactly(
            "Warning: "
                + file
                + " holds a client-secret that other users can read; make it private with: chmod"
                + " 600 "
                + file);
  }

  @Test
  void messageSizeLimitDefaultsToThirtyFiveMegabytesAndStopsAtOneHundredFifty() {
    environment.put("GRAPH_UPLOAD_MAX_MESSAGE_SIZE", "150M");

    assertThat(load().maxMessageSize(null)).isEqualTo(157_286_400L);
    assertThat(Configuration.load(Map.of(), null, home, warnings::add).maxMessageSize(null))
        .isEqualTo(36_700_160L);
    assertThatThrownBy(() -> load().maxMessageSize(151L * 1024 * 1024))
        .isInstanceOf(UsageException.class)
        .hasMessage(
            "The message size limit 158334976 bytes is over the 150 MB (157286400 bytes) Exchange"
                + " Online allows at most; give --max-message-size 150M or less.");
  }

  @Test
  void authNamesStaticOrAFlow() {
    assertThat(Configuration.auth("Device-Code")).isEqualTo("device-code");
    assertThat(Configuration.auth("static")).isEqualTo("static");
    assertThatThrownBy(() -> Configuration.auth("kerberos"))
        .hasMessage(
            "'kerberos' is not a way to sign in; use static, client-secret, certificate,"
                + " device-code, browser, managed-identity");
  }

  private Configuration load() {
    return Configuration.load(environment, null, home, warnings::add);
  }

  private Path writeConfig(String text) throws IOException {
    Path file = Configuration.defaultConfigFile(environment, home);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    return file;
  }
}
