package io.graphupload.auth.msal;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.graphupload.auth.msal.FakeEntra.CLIENT_ID;
import static io.graphupload.auth.msal.FakeEntra.TENANT_ID;
import static io.graphupload.auth.msal.FakeEntra.USERNAME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.graphupload.core.UploadException;
import io.graphupload.core.UploadException.Category;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class DeviceCodeSignInTest {
  private static final String PENDING =
      "AADSTS70016: OAuth 2.0 device flow error. Authorization is pending. Continue polling.";

  @RegisterExtension static WireMockExtension entra = FakeEntra.server();

  @TempDir Path state;

  private final List<DeviceCodePrompt> prompts = new CopyOnWriteArrayList<>();

  @Test
  void pollingWaitsForTheUserThenReturnsTheToken() throws Exception {
    stubDeviceCode("common", 900);
    stubTokenAnswers(
        "common",
        FakeEntra.error(400, "authorization_pending", PENDING),
        FakeEntra.error(400, "authorization_pending", PENDING),
        FakeEntra.userToken("user-token-1", "refresh-1"));

    String token = source(FakeEntra.deviceCodeSettings(state)).token(Set.of("Mail.ReadWrite"));

    assertThat(token).isEqualTo("user-token-1");
    assertThat(prompts)
        .containsExactly(
            new DeviceCodePrompt(
                "To sign in, use a web browser to open the page https://microsoft.com/devicelogin"
                    + " and enter the code FAKE-CODE to authenticate.",
                "FAKE-CODE",
                URI.create("https://microsoft.com/devicelogin"),
                Duration.ofSeconds(900)));
    List<Map<String, String>> polls = FakeEntra.tokenRequests(entra, "common");
    assertThat(polls).hasSize(3);
    assertThat(polls)
        .allSatisfy(
            form ->
                assertThat(form)
                    .containsEntry("grant_type", "device_code")
                    .containsEntry("device_code", "device-code-secret")
                    .containsEntry("client_id", CLIENT_ID));
    Map<String, String> codeRequest = deviceCodeRequest("common");
    assertThat(codeRequest).containsEntry("client_id", CLIENT_ID);
    assertThat(FakeEntra.scopes(codeRequest))
        .containsExactly("https://graph.microsoft.com/Mail.ReadWrite");
  }

  @Test
  void leastPrivilegeScopesFollowTheCloudAndTenant() throws Exception {
    stubDeviceCode("organizations", 900);
    stubTokenAnswers(
        "organizations",
        FakeEntra.userToken(
            "china-user-token",
            "refresh-1",
            "https://microsoftgraph.chinacloudapi.cn/Calendars.ReadWrite"
                + " https://microsoftgraph.chinacloudapi.cn/Mail.ReadWrite",
            3599));
    SignInSettings settings =
        FakeEntra.settings(
            state,
            Map.of(
                MsalTokenSourceProvider.FLOW, "device-code",
                MsalTokenSourceProvider.CLOUD, "china",
                MsalTokenSourceProvider.TENANT_ID, "organizations",
                MsalTokenSourceProvider.CLIENT_ID, CLIENT_ID));

    source(settings).token(Set.of("Mail.ReadWrite", "Calendars.ReadWrite", "offline_access"));

    assertThat(FakeEntra.scopes(deviceCodeRequest("organizations")))
        .containsExactly(
            "https://microsoftgraph.chinacloudapi.cn/Calendars.ReadWrite",
            "https://microsoftgraph.chinacloudapi.cn/Mail.ReadWrite");
    assertThat(
            entra
                .findAll(postRequestedFor(urlPathEqualTo("/organizations/oauth2/v2.0/devicecode")))
                .get(0)
                .getHeader(LoopbackHttpClient.ORIGINAL_HOST))
        .isEqualTo("login.chinacloudapi.cn");
  }

  @Test
  void declinedSignInSaysSoInPlainWords() {
    stubDeviceCode("common", 900);
    stubTokenAnswers(
        "common",
        FakeEntra.error(400, "authorization_pending", PENDING),
        FakeEntra.error(
            400, "authorization_declined", "AADSTS70000: The user declined to authorize."));
    MsalTokenSource source = source(FakeEntra.deviceCodeSettings(state));

    assertThatThrownBy(() -> source.token(Set.of("Mail.ReadWrite")))
        .isInstanceOfSatisfying(
            UploadException.class, e -> assertThat(e.category()).isEqualTo(Category.AUTHENTICATION))
        .hasMessage(
            "The sign-in was declined: the user cancelled it or refused the permissions asked for."
                + " Sign in again and accept, or ask an administrator to grant consent for the app."
                + " (Entra ID: AADSTS70000, correlation id c0ffee00-1111-2222-3333-444455556666)");
  }

  @Test
  void expiredCodeSaysToSignInAgain() {
    stubDeviceCode("common", 900);
    stubTokenAnswers(
        "common",
        FakeEntra.error(400, "authorization_pending", PENDING),
        FakeEntra.error(
            400,
            "expired_token",
            "AADSTS70020: The provided value for the input parameter 'device_code' is not valid."
                + " This device code has expired."));
    MsalTokenSource source = source(FakeEntra.deviceCodeSettings(state));

    assertThatThrownBy(() -> source.token(Set.of("Mail.ReadWrite")))
        .hasMessage(
            "The device code expired before the sign-in was finished. Sign in again and enter the"
                + " new code within its lifetime (about 15 minutes). (Entra ID: AADSTS70020,"
                + " correlation id c0ffee00-1111-2222-3333-444455556666)");
  }

  @Test
  void codeThatExpiresBeforeAnyPollIsReportedByMsal() {
    stubDeviceCode("common", 0);
    MsalTokenSource source = source(FakeEntra.deviceCodeSettings(state));

    assertThatThrownBy(() -> source.token(Set.of("Mail.ReadWrite")))
        .hasMessage(
            "The device code expired before the sign-in was finished. Sign in again and enter the"
                + " new code within its lifetime (about 15 minutes). (MSAL: code_expired)");
    assertThat(FakeEntra.tokenRequests(entra, "common")).isEmpty();
  }

  @Test
  void publicClientFlowsOffInAppRegistrationIsExplained() {
    stubDeviceCode("common", 900);
    stubTokenAnswers(
        "common",
        FakeEntra.error(
            401,
            "invalid_client",
            "AADSTS7000218: The request body must contain the following parameter:"
                + " 'client_assertion' or 'client_secret'."));
    MsalTokenSource source = source(FakeEntra.deviceCodeSettings(state));

    assertThatThrownBy(() -> source.token(Set.of("Mail.ReadWrite")))
        .hasMessage(
            "App "
                + CLIENT_ID
                + " does not allow public client flows. In the app registration, under"
                + " Authentication, set Allow public client flows to Yes. (Entra ID:"
                + " AADSTS7000218, correlation id c0ffee00-1111-2222-3333-444455556666)");
  }

  @Test
  void noPromptWhenInteractiveIsOff() {
    SignInSettings settings =
        FakeEntra.settings(
            state,
            Map.of(
                MsalTokenSourceProvider.FLOW, "device-code",
                MsalTokenSourceProvider.CLIENT_ID, CLIENT_ID,
                MsalTokenSourceProvider.INTERACTIVE, "false"));
    MsalTokenSource source = source(settings);

    assertThatThrownBy(() -> source.token(Set.of("Mail.ReadWrite")))
        .isInstanceOf(UploadException.class)
        .hasMessage(
            "Nobody is signed in with app "
                + CLIENT_ID
                + ", and prompting is off (interactive=false). Sign in first with the device-code"
                + " flow, or use an application flow for unattended runs.");
    assertThat(prompts).isEmpty();
    assertThat(entra.getAllServeEvents()).isEmpty();
  }

  @Test
  void signInPromptsEvenWhenInteractiveIsOffAndNamesTheUser() throws Exception {
    stubDeviceCode("common", 900);
    stubTokenAnswers("common", FakeEntra.userToken("user-token-1", "refresh-1"));
    SignInSettings settings =
        FakeEntra.settings(
            state,
            Map.of(
                MsalTokenSourceProvider.FLOW, "device-code",
                MsalTokenSourceProvider.CLIENT_ID, CLIENT_ID,
                MsalTokenSourceProvider.INTERACTIVE, "false"));

    Identity identity = source(settings).signIn(Set.of("Mail.ReadWrite"));

    assertThat(identity)
        .isEqualTo(new Identity(Identity.Kind.USER, USERNAME, TENANT_ID, Flow.DEVICE_CODE));
    assertThat(identity.describe()).isEqualTo("user " + USERNAME + " in tenant " + TENANT_ID);
    assertThat(prompts).hasSize(1);
  }

  private MsalTokenSource source(SignInSettings settings) {
    return FakeEntra.source(entra, settings).deviceCodePrompt(prompts::add).build();
  }

  private void stubDeviceCode(String tenant, long expiresIn) {
    entra.stubFor(
        post(urlPathEqualTo("/" + tenant + "/oauth2/v2.0/devicecode"))
            .willReturn(FakeEntra.deviceCode(expiresIn)));
  }

  /** Answers successive token requests with {@code answers}, in order; the last one repeats. */
  private void stubTokenAnswers(String tenant, ResponseDefinitionBuilder... answers) {
    String state = Scenario.STARTED;
    for (int i = 0; i < answers.length; i++) {
      String next = i == answers.length - 1 ? state : "answer-" + (i + 1);
      entra.stubFor(
          post(urlPathEqualTo(FakeEntra.tokenPath(tenant)))
              .inScenario("token answers")
              .whenScenarioStateIs(state)
              .willSetStateTo(next)
              .willReturn(answers[i]));
      state = next;
    }
  }

  private Map<String, String> deviceCodeRequest(String tenant) {
    return FakeEntra.form(
        entra
            .findAll(postRequestedFor(urlPathEqualTo("/" + tenant + "/oauth2/v2.0/devicecode")))
            .get(0)
            .getBodyAsString());
  }
}
