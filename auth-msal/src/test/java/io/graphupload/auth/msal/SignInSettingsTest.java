package io.graphupload.auth.msal;

import static io.graphupload.auth.msal.FakeEntra.CLIENT_ID;
import static io.graphupload.auth.msal.FakeEntra.SECRET;
import static io.graphupload.auth.msal.FakeEntra.TENANT_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.graphupload.auth.msal.SignInSettings.CertificateFile;
import io.graphupload.auth.msal.SignInSettings.ClientSecret;
import io.graphupload.core.Cloud;
import io.graphupload.core.spi.PluginSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SignInSettingsTest {
  @TempDir Path state;

  @Test
  void environmentFillsWhatSettingsLeaveOut() {
    SignInSettings settings =
        read(
            Map.of(MsalTokenSourceProvider.STATE_DIR, state.toString()),
            Map.of(
                "GRAPH_UPLOAD_TENANT_ID", TENANT_ID,
                "GRAPH_UPLOAD_CLIENT_ID", CLIENT_ID,
                "GRAPH_UPLOAD_CLIENT_SECRET", SECRET));

    assertThat(settings.flow()).isEqualTo(Flow.CLIENT_SECRET);
    assertThat(settings.tenant()).isEqualTo(TENANT_ID);
    assertThat(settings.clientId()).isEqualTo(CLIENT_ID);
    assertThat(settings.credential()).isEqualTo(new ClientSecret(SECRET));
    assertThat(settings.authority())
        .isEqualTo("https://login.microsoftonline.com/" + TENANT_ID + "/");
    assertThat(settings.cacheFile()).isEqualTo(state.resolve("msal-token-cache.json"));
  }

  @Test
  void settingsWinOverEnvironment() {
    SignInSettings settings =
        read(
            Map.of(
                MsalTokenSourceProvider.FLOW, "device-code",
                MsalTokenSourceProvider.CLIENT_ID, "from-settings",
                MsalTokenSourceProvider.STATE_DIR, state.toString()),
            Map.of("GRAPH_UPLOAD_CLIENT_ID", "from-environment"));

    assertThat(settings.clientId()).isEqualTo("from-settings");
  }

  @Test
  void delegatedFlowDefaultsToCommonTenantAndDeviceCode() {
    SignInSettings settings =
        read(
            Map.of(
                MsalTokenSourceProvider.CLIENT_ID,
                CLIENT_ID,
                MsalTokenSourceProvider.STATE_DIR,
                state.toString()),
            Map.of());

    assertThat(settings.flow()).isEqualTo(Flow.DEVICE_CODE);
    assertThat(settings.tenant()).isEqualTo("common");
    assertThat(settings.credential()).isNull();
    assertThat(settings.interactive()).isTrue();
  }

  @Test
  void certificateChoosesTheCertificateFlowAndKeepsItsPasswordHidden() {
    SignInSettings settings =
        read(
            Map.of(
                MsalTokenSourceProvider.TENANT_ID, TENANT_ID,
                MsalTokenSourceProvider.CLIENT_ID, CLIENT_ID,
                MsalTokenSourceProvider.STATE_DIR, state.toString()),
            Map.of(
                "GRAPH_UPLOAD_CERTIFICATE",
                state.resolve("app.p12").toString(),
                "GRAPH_UPLOAD_CERTIFICATE_PASSWORD",
                "p12-password"));

    assertThat(settings.flow()).isEqualTo(Flow.CERTIFICATE);
    assertThat(settings.credential())
        .isEqualTo(new CertificateFile(state.resolve("app.p12"), "p12-password"));
    assertThat(settings.toString()).doesNotContain("p12-password").contains("password=REDACTED");
  }

  @Test
  void chinaCloudPicksItsAuthority() {
    SignInSettings settings =
        read(
            Map.of(
                MsalTokenSourceProvider.CLOUD,
                "China",
                MsalTokenSourceProvider.CLIENT_ID,
                CLIENT_ID,
                MsalTokenSourceProvider.TENANT_ID,
                "organizations",
                MsalTokenSourceProvider.STATE_DIR,
                state.toString()),
            Map.of());

    assertThat(settings.cloud()).isEqualTo(Cloud.CHINA);
    assertThat(settings.authority()).isEqualTo("https://login.chinacloudapi.cn/organizations/");
    assertThat(settings.graphEndpoint()).hasToString("https://microsoftgraph.chinacloudapi.cn");
  }

  @Test
  void authorityWithoutPathGetsTheTenant() {
    SignInSettings settings =
        read(
            Map.of(
                MsalTokenSourceProvider.AUTHORITY,
                "https://login.partner.example",
                MsalTokenSourceProvider.CLIENT_ID,
                CLIENT_ID,
                MsalTokenSourceProvider.STATE_DIR,
                state.toString()),
            Map.of());

    assertThat(settings.authority()).isEqualTo("https://login.partner.example/common/");
  }

  @Test
  void secretFromFileAndToStringWithoutIt() throws Exception {
    Path file = Files.writeString(state.resolve("secret.txt"), SECRET + "\n");
    SignInSettings settings =
        read(
            Map.of(
                MsalTokenSourceProvider.TENANT_ID,
                TENANT_ID,
                MsalTokenSourceProvider.CLIENT_ID,
                CLIENT_ID,
                MsalTokenSourceProvider.CLIENT_SECRET_FILE,
                file.toString(),
                MsalTokenSourceProvider.STATE_DIR,
                state.toString()),
            Map.of());

    assertThat(settings.credential()).isEqualTo(new ClientSecret(SECRET));
    assertThat(settings.toString())
        .isEqualTo(
            "SignInSettings[flow=client-secret, cloud=global, tenant="
                + TENANT_ID
                + ", clientId="
                + CLIENT_ID
                + ", credential=ClientSecret[REDACTED],"
                + " authority=https://login.microsoftonline.com/"
                + TENANT_ID
                + "/, cacheFile="
                + state.resolve("msal-token-cache.json")
                + ", interactive=true]");
  }

  @Test
  void atFileSecretIsReadFromTheFile() throws Exception {
    Path file = Files.writeString(state.resolve("secret.txt"), SECRET);
    SignInSettings settings =
        read(
            Map.of(
                MsalTokenSourceProvider.TENANT_ID,
                TENANT_ID,
                MsalTokenSourceProvider.CLIENT_ID,
                CLIENT_ID,
                MsalTokenSourceProvider.CLIENT_SECRET,
                "@" + file,
                MsalTokenSourceProvider.STATE_DIR,
                state.toString()),
            Map.of());

    assertThat(settings.credential()).isEqualTo(new ClientSecret(SECRET));
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    assertThatThrownBy(
            () ->
                read(
                    Map.of(
                        MsalTokenSourceProvider.FLOW, "client-secret",
                        MsalTokenSourceProvider.CLOUD, "usgov",
                        MsalTokenSourceProvider.AUTHORITY, "http://login.example"),
                    Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            String.join(
                System.lineSeparator(),
                "5 problems with the sign-in settings:",
                "1) Setting 'cloud' is 'usgov'; use global or china (Outlook upload sessions are"
                    + " not offered in the US Government clouds).",
                "2) Setting 'authority' is 'http://login.example'; give an https URL without"
                    + " query, such as https://login.microsoftonline.com or"
                    + " https://login.microsoftonline.com/contoso.onmicrosoft.com.",
                "3) The client-secret flow needs the tenant: set 'tenant-id' or"
                    + " GRAPH_UPLOAD_TENANT_ID to the directory (tenant) id or a domain such as"
                    + " contoso.onmicrosoft.com.",
                "4) The client-secret flow needs the app registration's client id: set"
                    + " 'client-id' or GRAPH_UPLOAD_CLIENT_ID (the README's Sign in section says"
                    + " how to register the app).",
                "5) The client-secret flow needs the secret: set GRAPH_UPLOAD_CLIENT_SECRET, or"
                    + " 'client-secret-file' to a file that holds it."));
  }

  @Test
  void applicationFlowRefusesAccountKindTenants() {
    assertThatThrownBy(
            () ->
                read(
                    Map.of(
                        MsalTokenSourceProvider.TENANT_ID, "common",
                        MsalTokenSourceProvider.CLIENT_ID, CLIENT_ID,
                        MsalTokenSourceProvider.CLIENT_SECRET, SECRET),
                    Map.of()))
        .hasMessage(
            "The client-secret flow cannot use tenant 'common', which works only for delegated"
                + " sign-in; set 'tenant-id' to the directory (tenant) id or a domain such as"
                + " contoso.onmicrosoft.com.");
  }

  @Test
  void secretAndCertificateTogetherNeedAChoice() {
    assertThatThrownBy(
            () ->
                read(
                    Map.of(
                        MsalTokenSourceProvider.TENANT_ID, TENANT_ID,
                        MsalTokenSourceProvider.CLIENT_ID, CLIENT_ID,
                        MsalTokenSourceProvider.CLIENT_SECRET, SECRET,
                        MsalTokenSourceProvider.CERTIFICATE, "app.pem"),
                    Map.of()))
        .hasMessage(
            "Both a client secret and a certificate are set; pick one with flow=client-secret or"
                + " flow=certificate.");
  }

  @Test
  void unknownFlowListsTheFlows() {
    assertThatThrownBy(
            () ->
                read(
                    Map.of(
                        MsalTokenSourceProvider.FLOW,
                        "password",
                        MsalTokenSourceProvider.CLIENT_ID,
                        CLIENT_ID),
                    Map.of()))
        .hasMessage(
            "Setting 'flow' is 'password'; use one of client-secret, certificate, device-code,"
                + " browser, managed-identity.");
  }

  @Test
  void managedIdentityNeedsNeitherTenantNorClientId() {
    SignInSettings settings =
        read(
            Map.of(
                MsalTokenSourceProvider.FLOW,
                "managed-identity",
                MsalTokenSourceProvider.STATE_DIR,
                state.toString()),
            Map.of());

    assertThat(settings.tenant()).isNull();
    assertThat(settings.clientId()).isNull();
  }

  @Test
  void defaultStateDirectoryFollowsXdgStateHome() {
    assertThat(SignInSettings.defaultStateDirectory(Map.of("XDG_STATE_HOME", "/xdg"), "/home/u"))
        .isEqualTo(Path.of("/xdg/graph-upload"));
    assertThat(SignInSettings.defaultStateDirectory(Map.of("XDG_STATE_HOME", "rel"), "/home/u"))
        .isEqualTo(Path.of("/home/u/.local/state/graph-upload"));
  }

  private static SignInSettings read(Map<String, String> values, Map<String, String> env) {
    return SignInSettings.from(PluginSettings.of(values), env);
  }
}
