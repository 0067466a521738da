package io.graphupload.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.graphupload.auth.msal.FakeEntraRoute;
import io.graphupload.auth.msal.Flow;
import io.graphupload.auth.msal.GraphRefusals;
import io.graphupload.emulator.AttachmentInfo;
import io.graphupload.emulator.Emulator;
import io.graphupload.emulator.EmulatorExtension;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code login}, {@code whoami}, {@code logout} and uploads signed in with MSAL, against a fake
 * Entra ID on WireMock that MSAL's HTTP is routed to, and the emulator for Graph.
 */
class SignInCommandsTest {
  static final String CLIENT_ID = "11111111-2222-3333-4444-555555555555";
  static final String TENANT_ID = "72f988bf-86f1-41af-91ab-2d7cd011db47";
  static final String USER = "ada@contoso.com";
  static final String ACCESS_TOKEN = "user-access-token-never-shown";
  static final String REFRESH_TOKEN = "user-refresh-token-never-shown";
  static final String PROMPT =
      "To sign in, use a web browser to open the page https://microsoft.com/devicelogin and"
          + " enter the code FAKE-CODE to authenticate.";

  @RegisterExtension
  static WireMockExtension entra =
      WireMockExtension.newInstance()
          .options(WireMockConfiguration.wireMockConfig().dynamicPort().gzipDisabled(true))
          .build();

  // Graph takes only the token the fake Entra ID hands out.
  @RegisterExtension
  static EmulatorExtension graph =
      new EmulatorExtension(builder -> builder.requiredTokens(Set.of(ACCESS_TOKEN, "app-token")));

  @TempDir Path home;
  Emulator emulator;
  TestCli cli;

  @BeforeEach
  void setUp(Emulator emulator) {
    this.emulator = emulator;
    cli = new TestCli(home);
    cli.signIn = FakeEntraRoute.to(entra.baseUrl());
    cli.environment.put("GRAPH_UPLOAD_ENDPOINT", emulator.baseUri().toString());
    cli.environment.put("GRAPH_UPLOAD_CLIENT_ID", CLIENT_ID);
    entra.stubFor(
        post(urlPathEqualTo("/common/oauth2/v2.0/devicecode")).willReturn(json(deviceCode())));
    entra.stubFor(post(urlPathEqualTo("/common/oauth2/v2.0/token")).willReturn(json(userToken())));
  }

  @Test
  void loginShowsTheDeviceCodeOnStderrAndAsksForMailAndCalendarsAtOnce() throws IOException {
    TestCli.Result result = cli.run("login");

    Path cache = cli.stateDirectory().resolve("msal-token-cache.json");
    assertThat(result.code()).isZero();
    assertThat(result.err()).isEqualTo(PROMPT + "\n");
    assertThat(result.out())
        .isEqualTo(
            "Signed in as user "
                + USER
                + " in tenant "
                + TENANT_ID
                + " (device-code); the tokens are cached in "
                + cache
                + ".\n");
    String scope =
        form(
            entra
                .findAll(postRequestedFor(urlPathEqualTo("/common/oauth2/v2.0/devicecode")))
                .get(0)
                .getBodyAsString(),
            "scope");
    assertThat(List.of(scope.split(" ")))
        .contains(
            "https://graph.microsoft.com/Mail.ReadWrite",
            "https://graph.microsoft.com/Calendars.ReadWrite");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cache)))
        .isEqualTo("rw-------");
    assertThat(Files.readString(cache)).contains(CLIENT_ID);
  }

  @Test
  void whoamiReadsTheCacheWithoutAskingEntraId() {
    cli.run("login");
    int requestsBefore = entra.getAllServeEvents().size();

    TestCli.Result text = cli.run("whoami");
    TestCli.Result json = cli.run("whoami", "--json");

    Path cache = cli.stateDirectory().resolve("msal-token-cache.json");
    assertThat(text.code()).isZero();
    assertThat(text.out())
        .isEqualTo("user " + USER + " in tenant " + TENANT_ID + " (signed in with device-code)\n");
    assertThat(json.out())
        .isEqualTo(
            "{\"event\":\"identity\",\"kind\":\"user\",\"name\":\""
                + USER
                + "\",\"tenantId\":\""
                + TENANT_ID
                + "\",\"flow\":\"device-code\",\"cacheFile\":\""
                + cache
                + "\"}\n");
    assertThat(text.out() + text.err() + json.out() + json.err())
        .doesNotContain(ACCESS_TOKEN)
        .doesNotContain(REFRESH_TOKEN);
    assertThat(entra.getAllServeEvents()).hasSize(requestsBefore);
  }

  @Test
  void logoutDeletesTheCacheAndSaysWhatWentThenWhoamiSaysNotSignedIn() {
    cli.run("login");
    Path cache = cli.stateDirectory().resolve("msal-token-cache.json");

    TestCli.Result logout = cli.run("logout");
    TestCli.Result again = cli.run("logout");
    TestCli.Result whoami = cli.run("whoami");

    assertThat(logout.code()).isZero();
    assertThat(logout.out())
        .isEqualTo("Signed out " + USER + "; deleted the token cache " + cache + ".\n");
    assertThat(cache).doesNotExist();
    assertThat(again.out())
        .isEqualTo("There was no token cache at " + cache + "; nothing to remove.\n");
    assertThat(whoami.code()).isEqualTo(4);
    assertThat(whoami.err())
        .isEqualTo(
            "Not signed in: the token cache "
                + cache
                + " holds no account for this app; run: graph-upload login\n");
  }

  @Test
  void logoutWorksWithoutSignInSettings() throws IOException {
    cli.environment.remove("GRAPH_UPLOAD_CLIENT_ID");
    Path cache = Files.createDirectories(cli.stateDirectory()).resolve("msal-token-cache.json");
    Files.writeString(cache, "{}");

    TestCli.Result result = cli.run("logout");

    assertThat(result.code()).isZero();
    assertThat(result.out()).isEqualTo("Signed out; deleted the token cache " + cache + ".\n");
    assertThat(cache).doesNotExist();
  }

  @Test
  void attachAfterLoginUsesTheCachedTokenSilently() throws IOException {
    cli.run("login");
    String draft = emulator.mailboxes().me().createDraft("signed in");
    Path file = TestFiles.random(home.resolve("deck.pdf"), 3_100_000, 1);
    int requestsBefore = entra.getAllServeEvents().size();

    TestCli.Result result = cli.run("attach", file.toString(), "--message", draft, "-q");

    AttachmentInfo stored = emulator.mailboxes().me().attachments(draft).get(0);
    assertThat(result.code()).as(result.err()).isZero();
    assertThat(result.err()).isEmpty();
    assertThat(stored.sha256()).isEqualTo(TestFiles.sha256(file));
    assertThat(entra.getAllServeEvents()).hasSize(requestsBefore);
  }

  @Test
  void withoutATerminalAnUploadFailsInsteadOfPrompting() throws IOException {
    String draft = emulator.mailboxes().me().createDraft("unattended");
    Path file = TestFiles.random(home.resolve("deck.pdf"), 3_100_000, 2);

    TestCli.Result result = cli.run("attach", file.toString(), "--message", draft);

    assertThat(result.code()).isEqualTo(4);
    assertThat(result.err()).doesNotContain("FAKE-CODE");
    assertThat(entra.findAll(postRequestedFor(urlPathEqualTo("/common/oauth2/v2.0/devicecode"))))
        .isEmpty();
    assertThat(emulator.mailboxes().me().attachments(draft)).isEmpty();
  }

  @Test
  void refusalByGraphNamesTheDelegatedPermissionItNeeds() throws IOException {
    cli.run("login");
    String shared = "shared@contoso.onmicrosoft.com";
    String draft = emulator.mailboxes().user(shared).createDraft("shared");
    Path file = TestFiles.random(home.resolve("deck.pdf"), 3_100_000, 3);

    TestCli.Result result =
        cli.run("attach", file.toString(), "--message", draft, "--user", shared);

    assertThat(result.code()).isEqualTo(4);
    assertThat(result.errLines())
        .contains(
            GraphRefusals.explain(
                403, "ErrorAccessDenied", Set.of("Mail.ReadWrite"), Flow.DEVICE_CODE));
    assertThat(
            GraphRefusals.explain(
                403, "ErrorAccessDenied", Set.of("Mail.ReadWrite"), Flow.DEVICE_CODE))
        .startsWith(
            "Microsoft Graph answered HTTP 403 ErrorAccessDenied: the signed-in user's token"
                + " lacks the delegated permission Mail.ReadWrite, or the mailbox is not the"
                + " user's own.");
  }

  @Test
  void clientSecretTypedOnTheCommandLineIsWarnedAboutAndNeverShown() {
    String secret = "Qx8Q~s3cr3t.Value_that-must-never-show";
    entra.stubFor(
        post(urlPathEqualTo("/" + TENANT_ID + "/oauth2/v2.0/token"))
            .willReturn(
                json(
                    "{\"token_type\":\"Bearer\",\"expires_in\":3599,\"ext_expires_in\":3599,"
                        + "\"access_token\":\"app-token\"}")));

    TestCli.Result result =
        cli.run(
            "login",
            "--auth",
            "client-secret",
            "--tenant",
            TENANT_ID,
            "--client-secret",
            secret,
            "--json");

    assertThat(result.code()).isZero();
    assertThat(result.err())
        .isEqualTo(
            "Warning: The secret given with --client-secret is visible in your shell history and,"
                + " while graph-upload runs, to other users of this machine. Set"
                + " GRAPH_UPLOAD_CLIENT_SECRET instead, or write the secret to an owner-only file"
                + " and pass --client-secret @path/to/file.\n");
    assertThat(result.out())
        .startsWith(
            "{\"event\":\"signedIn\",\"kind\":\"application\",\"name\":\""
                + CLIENT_ID
                + "\",\"tenantId\":\""
                + TENANT_ID
                + "\",\"flow\":\"client-secret\"");
    assertThat(result.out() + result.err()).doesNotContain("app-token");
    assertThat(
            form(
                entra
                    .findAll(
                        postRequestedFor(urlPathEqualTo("/" + TENANT_ID + "/oauth2/v2.0/token")))
                    .get(0)
                    .getBodyAsString(),
                "client_secret"))
        .isEqualTo(secret);
  }

  @Test
  void loginWithAStaticTokenIsAUsageError() {
    TestCli.Result result = cli.run("--token", "abc", "login");

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.errLines().get(0))
        .isEqualTo(
            "This run uses the bearer token given with --token or GRAPH_UPLOAD_TOKEN (--auth"
                + " static), which has no sign-in; leave the token out, or choose a flow with"
                + " --auth.");
  }

  @Test
  void unknownAuthIsAUsageErrorListingTheChoices() {
    TestCli.Result result = cli.run("--auth", "password", "whoami");

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.errLines().get(0))
        .isEqualTo(
            "Invalid value for option '--auth': 'password' is not a way to sign in; use static,"
                + " client-secret, certificate, device-code, browser, managed-identity");
  }

  private static ResponseDefinitionBuilder json(String body) {
    return aResponse()
        .withStatus(200)
        .withHeader("Content-Type", "application/json; charset=utf-8")
        .withBody(body);
  }

  private static String deviceCode() {
    return "{\"user_code\":\"FAKE-CODE\",\"device_code\":\"device-code-secret\","
        + "\"verification_uri\":\"https://microsoft.com/devicelogin\",\"expires_in\":900,"
        + "\"interval\":0,\"message\":\""
        + PROMPT
        + "\"}";
  }

  private static String userToken() {
    String oid = "00000000-0000-0000-66f3-3332eca7ea81";
    String idToken =
        base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}")
            + "."
            + base64Url(
                "{\"aud\":\""
                    + CLIENT_ID
                    + "\",\"iss\":\"https://login.microsoftonline.com/"
                    + TENANT_ID
                    + "/v2.0\",\"iat\":1700000000,\"nbf\":1700000000,\"exp\":4102444800,"
                    + "\"name\":\"Ada\",\"oid\":\""
                    + oid
                    + "\",\"preferred_username\":\""
                    + USER
                    + "\",\"sub\":\"subject\",\"tid\":\""
                    + TENANT_ID
                    + "\",\"ver\":\"2.0\"}")
            + ".";
    return "{\"token_type\":\"Bearer\",\"scope\":\"https://graph.microsoft.com/Mail.ReadWrite"
        + " https://graph.microsoft.com/Calendars.ReadWrite\",\"expires_in\":3599,"
        + "\"ext_expires_in\":3599,\"access_token\":\""
        + ACCESS_TOKEN
        + "\",\"refresh_token\":\""
        + REFRESH_TOKEN
        + "\",\"id_token\":\""
        + idToken
        + "\",\"client_info\":\""
        + base64Url("{\"uid\":\"" + oid + "\",\"utid\":\"" + TENANT_ID + "\"}")
        + "\"}";
  }

  private static String base64Url(String text) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String form(String body, String key) {
    for (String pair : body.split("&")) {
      int equals = pair.indexOf('=');
      if (equals > 0
          && URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8).equals(key)) {
        return URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
      }
    }
    throw new AssertionError("No " + key + " in " + body);
  }
}
