package io.graphupload.auth.msal;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.graphupload.auth.msal.FakeEntra.CLIENT_ID;
import static io.graphupload.auth.msal.FakeEntra.SECRET;
import static io.graphupload.auth.msal.FakeEntra.TENANT_ID;
import static io.graphupload.auth.msal.FakeEntra.USERNAME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.graphupload.core.UploadException;
import io.graphupload.testing.RecordingLogs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.event.Level;

class TokenCacheTest {
  private static final String MAIL = "https://graph.microsoft.com/Mail.ReadWrite";

  @RegisterExtension static WireMockExtension entra = FakeEntra.server();

  @TempDir Path state;

  private final List<DeviceCodePrompt> prompts = new CopyOnWriteArrayList<>();

  @BeforeEach
  void stubDeviceCodeEndpoint() {
    entra.stubFor(
        post(urlPathEqualTo("/common/oauth2/v2.0/devicecode"))
            .willReturn(FakeEntra.deviceCode(900)));
    RecordingLogs.clear();
  }

  @Test
  void secondSourceReadsTheSavedTokenWithoutAskingEntra() throws Exception {
    stubGrant("device_code", FakeEntra.userToken("user-token-1", "refresh-1"));
    userSource(Map.of()).token(Set.of("Mail.ReadWrite"));
    int requests = entra.getAllServeEvents().size();

    MsalTokenSource second = userSource(Map.of(MsalTokenSourceProvider.INTERACTIVE, "false"));

    assertThat(second.token(Set.of("Mail.ReadWrite"))).isEqualTo("user-token-1");
    assertThat(entra.getAllServeEvents()).hasSize(requests);
    assertThat(second.account())
        .contains(new Identity(Identity.Kind.USER, USERNAME, TENANT_ID, Flow.DEVICE_CODE));
  }

  @Test
  void expiredAccessTokenIsRenewedWithTheRefreshTokenWithoutPrompt() throws Exception {
    // MSAL treats a token with less than five minutes left as expired.
    stubGrant("device_code", FakeEntra.userToken("short-lived", "refresh-1", MAIL, 60));
    stubGrant("refresh_token", FakeEntra.userToken("user-token-2", "refresh-2"));
    userSource(Map.of()).token(Set.of("Mail.ReadWrite"));

    MsalTokenSource second = userSource(Map.of(MsalTokenSourceProvider.INTERACTIVE, "false"));

    assertThat(second.token(Set.of("Mail.ReadWrite"))).isEqualTo("user-token-2");
    assertThat(FakeEntra.tokenRequests(entra, "common"))
        .extracting(form -> form.get("grant_type"), form -> form.get("refresh_token"))
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("device_code", null),
            org.assertj.core.groups.Tuple.tuple("refresh_token", "refresh-1"));
    assertThat(prompts).hasSize(1);
  }

  @Test
  void invalidatedUserTokenIsReplacedThroughTheRefreshToken() throws Exception {
    stubGrant("device_code", FakeEntra.userToken("user-token-1", "refresh-1"));
    stubGrant("refresh_token", FakeEntra.userToken("user-token-2", "refresh-2"));
    MsalTokenSource source = userSource(Map.of());
    String refused = source.token(Set.of("Mail.ReadWrite"));

    source.invalidate(refused);

    assertThat(source.token(Set.of("Mail.ReadWrite"))).isEqualTo("user-token-2");
    assertThat(source.token(Set.of("Mail.ReadWrite"))).isEqualTo("user-token-2");
    assertThat(FakeEntra.tokenRequests(entra, "common"))
        .extracting(form -> form.get("grant_type"))
        .containsExactly("device_code", "refresh_token");
    assertThat(prompts).hasSize(1);
  }

  @Test
  void invalidatingAnOlderTokenKeepsTheCurrentOne() throws Exception {
    stubGrant("device_code", FakeEntra.userToken("user-token-1", "refresh-1"));
    MsalTokenSource source = userSource(Map.of());
    source.token(Set.of("Mail.ReadWrite"));

    source.invalidate("a-token-from-before");

    assertThat(source.token(Set.of("Mail.ReadWrite"))).isEqualTo("user-token-1");
    assertThat(FakeEntra.tokenRequests(entra, "common")).hasSize(1);
  }

  @Test
  void invalidatedAppTokenIsReplacedByANewOne() throws Exception {
    entra.stubFor(
        post(urlPathEqualTo(FakeEntra.tokenPath(TENANT_ID)))
            .inScenario("app tokens")
            .whenScenarioStateIs(Scenario.STARTED)
            .willSetStateTo("second")
            .willReturn(FakeEntra.appToken("app-token-1")));
    entra.stubFor(
        post(urlPathEqualTo(FakeEntra.tokenPath(TENANT_ID)))
            .inScenario("app tokens")
            .whenScenarioStateIs("second")
            .willReturn(FakeEntra.appToken("app-token-2")));
    MsalTokenSource source = FakeEntra.source(entra, FakeEntra.appSettings(state)).build();
    String refused = source.token(Set.of());

    source.invalidate(refused);

    assertThat(source.token(Set.of())).isEqualTo("app-token-2");
    assertThat(source.token(Set.of())).isEqualTo("app-token-2");
    assertThat(FakeEntra.tokenRequests(entra, TENANT_ID)).hasSize(2);
  }

  @Test
  void cacheFileLockFileAndNewDirectoryAreOwnerOnly() throws Exception {
    stubGrant("device_code", FakeEntra.userToken("user-token-1", "refresh-1"));
    Path file = state.resolve("tokens").resolve("cache.json");

    userSource(Map.of(MsalTokenSourceProvider.CACHE_FILE, file.toString()))
        .token(Set.of("Mail.ReadWrite"));

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(file.resolveSibling("cache.json.lock"))))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
        .isEqualTo("rwx------");
    assertThat(listing(file.getParent())).containsExactly("cache.json", "cache.json.lock");
    assertThat(Files.readString(file)).contains("user-token-1").contains("refresh-1");
  }

  @Test
  void cacheFileOpenToOthersIsRestrictedWithAWarning() throws Exception {
    stubGrant("device_code", FakeEntra.userToken("user-token-1", "refresh-1"));
    userSource(Map.of()).token(Set.of("Mail.ReadWrite"));
    Path file = state.resolve(SignInSettings.CACHE_FILE_NAME);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

    userSource(Map.of()).token(Set.of("Mail.ReadWrite"));

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(RecordingLogs.lines())
        .filteredOn(line -> line.level() == Level.WARN)
        .extracting(RecordingLogs.Line::text)
        .contains(
            "The token cache "
                + file
                + " was open to other users (rw-r--r--); restricted it to its owner (rw-------),"
                + " since it holds refresh tokens");
  }

  @Test
  void signOutForgetsTheAccountAndDeletesTheFile() throws Exception {
    stubGrant("device_code", FakeEntra.userToken("user-token-1", "refresh-1"));
    MsalTokenSource source = userSource(Map.of());
    source.token(Set.of("Mail.ReadWrite"));

    SignOutResult result = source.signOut();

    Path file = state.resolve(SignInSettings.CACHE_FILE_NAME);
    assertThat(result)
        .isEqualTo(
            new SignOutResult(
                List.of(new Identity(Identity.Kind.USER, USERNAME, TENANT_ID, Flow.DEVICE_CODE)),
                file,
                true));
    assertThat(file).doesNotExist();
    assertThat(source.account()).isEmpty();
    assertThat(source.accounts()).isEmpty();
  }

  @Test
  void otherSourcesStopUsingTheirTokensAfterSignOut() throws Exception {
    stubGrant("device_code", FakeEntra.userToken("user-token-1", "refresh-1"));
    MsalTokenSource signedIn = userSource(Map.of());
    signedIn.token(Set.of("Mail.ReadWrite"));
    MsalTokenSource other = userSource(Map.of(MsalTokenSourceProvider.INTERACTIVE, "false"));
    other.token(Set.of("Mail.ReadWrite"));

    signedIn.signOut();

    assertThatThrownBy(() -> other.token(Set.of("Mail.ReadWrite")))
        .isInstanceOf(UploadException.class)
        .hasMessageStartingWith("Nobody is signed in with app " + CLIENT_ID);
    assertThat(state.resolve(SignInSettings.CACHE_FILE_NAME)).doesNotExist();
  }

  @Test
  void severalSignedInPeopleNeedTheUsernameSetting() throws Exception {
    String bob = "bob@contoso.com";
    stubGrant("device_code", FakeEntra.userToken("ada-token", "refresh-ada"));
    userSource(Map.of()).token(Set.of("Mail.ReadWrite"));
    entra.resetMappings();
    stubDeviceCodeEndpoint();
    stubGrant(
        "device_code",
        FakeEntra.userToken("bob-token", "refresh-bob", MAIL, 3599, bob, "bob-object-id"));
    userSource(Map.of(MsalTokenSourceProvider.USERNAME, bob)).token(Set.of("Mail.ReadWrite"));

    MsalTokenSource unnamed = userSource(Map.of());

    assertThatThrownBy(() -> unnamed.token(Set.of("Mail.ReadWrite")))
        .isInstanceOf(UploadException.class)
        .hasMessage(
            "2 people are signed in with app "
                + CLIENT_ID
                + " (ada@contoso.com, bob@contoso.com); set 'username' to the one to use, or sign"
                + " out and sign in again.");
    assertThat(unnamed.accounts())
        .extracting(Identity::name)
        .containsExactly("ada@contoso.com", "bob@contoso.com");
    assertThat(
            userSource(Map.of(MsalTokenSourceProvider.USERNAME, USERNAME))
                .token(Set.of("Mail.ReadWrite")))
        .isEqualTo("ada-token");
  }

  @Test
  void damagedCacheFileIsSetAsideAndSignInStartsOver() throws Exception {
    stubGrant("device_code", FakeEntra.userToken("user-token-1", "refresh-1"));
    Path file = state.resolve(SignInSettings.CACHE_FILE_NAME);
    Files.writeString(file, "{\"AccessToken\": {\"broken");

    String token = userSource(Map.of()).token(Set.of("Mail.ReadWrite"));

    assertThat(token).isEqualTo("user-token-1");
    assertThat(listing(state))
        .hasSize(3)
        .contains(SignInSettings.CACHE_FILE_NAME, SignInSettings.CACHE_FILE_NAME + ".lock")
        .anyMatch(name -> name.startsWith(SignInSettings.CACHE_FILE_NAME + ".corrupt-"));
    assertThat(RecordingLogs.lines())
        .filteredOn(line -> line.level() == Level.WARN)
        .extracting(RecordingLogs.Line::text)
        .anyMatch(text -> text.startsWith("The token cache " + file + " could not be read"));
  }

  @Test
  void sourcesWritingAtOnceKeepEveryonesTokens() throws Exception {
    List<String> tenants = List.of("tenant-a", "tenant-b", "tenant-c", "tenant-d");
    for (String tenant : tenants) {
      FakeEntra.stubToken(entra, tenant, FakeEntra.appToken("token-of-" + tenant));
    }
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(tenants.size());
    try {
      List<Future<String>> results = new ArrayList<>();
      for (String tenant : tenants) {
        MsalTokenSource source = appSource(tenant);
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  return source.token(Set.of());
                }));
      }
      start.countDown();
      for (int i = 0; i < tenants.size(); i++) {
        assertThat(results.get(i).get()).isEqualTo("token-of-" + tenants.get(i));
      }
    } finally {
      pool.shutdownNow();
    }
    int requests = entra.getAllServeEvents().size();

    for (String tenant : tenants) {
      assertThat(appSource(tenant).token(Set.of())).isEqualTo("token-of-" + tenant);
    }
    assertThat(entra.getAllServeEvents()).hasSize(requests);
  }

  private MsalTokenSource userSource(Map<String, String> extra) {
    Map<String, String> values = new HashMap<>(extra);
    values.put(MsalTokenSourceProvider.FLOW, "device-code");
    values.put(MsalTokenSourceProvider.CLIENT_ID, CLIENT_ID);
    return FakeEntra.source(entra, FakeEntra.settings(state, values))
        .deviceCodePrompt(prompts::add)
        .build();
  }

  private MsalTokenSource appSource(String tenant) {
    SignInSettings settings =
        FakeEntra.settings(
            state,
            Map.of(
                MsalTokenSourceProvider.TENANT_ID, tenant,
                MsalTokenSourceProvider.CLIENT_ID, CLIENT_ID,
                MsalTokenSourceProvider.CLIENT_SECRET, SECRET));
    return FakeEntra.source(entra, settings).build();
  }

  private void stubGrant(String grantType, ResponseDefinitionBuilder answer) {
    entra.stubFor(
        post(urlPathEqualTo(FakeEntra.tokenPath("common")))
            .withRequestBody(containing("grant_type=" + grantType))
            .willReturn(answer));
  }

  private static List<String> listing(Path directory) throws Exception {
    try (Stream<Path> files = Files.list(directory)) {
      return files.map(path -> path.getFileName().toString()).sorted().toList();
    }
  }
}
