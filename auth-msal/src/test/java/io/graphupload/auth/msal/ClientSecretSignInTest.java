package io.graphupload.auth.msal;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.graphupload.auth.msal.FakeEntra.CLIENT_ID;
import static io.graphupload.auth.msal.FakeEntra.SECRET;
import static io.graphupload.auth.msal.FakeEntra.TENANT_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.graphupload.core.UploadException;
import io.graphupload.core.UploadException.Category;
import io.graphupload.core.UploadException.Phase;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class ClientSecretSignInTest {
  @RegisterExtension static WireMockExtension entra = FakeEntra.server();

  @TempDir Path state;

  @Test
  void secretBuysAppTokenForGraphDefaultScope() throws Exception {
    FakeEntra.stubToken(entra, TENANT_ID, FakeEntra.appToken("app-token-1"));
    MsalTokenSource source = FakeEntra.source(entra, FakeEntra.appSettings(state)).build();

    String token = source.token(Set.of("Mail.ReadWrite"));

    assertThat(token).isEqualTo("app-token-1");
    assertThat(FakeEntra.tokenRequests(entra, TENANT_ID))
        .singleElement()
        .satisfies(
            form -> {
              assertThat(form)
                  .containsEntry("grant_type", "client_credentials")
                  .containsEntry("client_id", CLIENT_ID)
                  .containsEntry("client_secret", SECRET);
              assertThat(FakeEntra.scopes(form))
                  .containsExactly("https://graph.microsoft.com/.default");
            });
    entra.verify(
        postRequestedFor(urlPathEqualTo(FakeEntra.tokenPath(TENANT_ID)))
            .withHeader(LoopbackHttpClient.ORIGINAL_HOST, equalTo("login.microsoftonline.com")));
  }

  @Test
  void cachedAppTokenServesSecondCallWithoutRequest() throws Exception {
    FakeEntra.stubToken(entra, TENANT_ID, FakeEntra.appToken("app-token-1"));
    MsalTokenSource source = FakeEntra.source(entra, FakeEntra.appSettings(state)).build();

    source.token(Set.of("Mail.ReadWrite"));
    String again = source.token(Set.of("Calendars.ReadWrite"));

    assertThat(again).isEqualTo("app-token-1");
    assertThat(FakeEntra.tokenRequests(entra, TENANT_ID)).hasSize(1);
  }

  @Test
  void chinaCloudAsksChineseAuthorityForChineseGraph() throws Exception {
    FakeEntra.stubToken(entra, TENANT_ID, FakeEntra.appToken("china-token"));
    SignInSettings settings =
        FakeEntra.settings(
            state,
            Map.of(
                MsalTokenSourceProvider.CLOUD, "china",
                MsalTokenSourceProvider.TENANT_ID, TENANT_ID,
                MsalTokenSourceProvider.CLIENT_ID, CLIENT_ID,
                MsalTokenSourceProvider.CLIENT_SECRET, SECRET));

    String token = FakeEntra.source(entra, settings).build().token(Set.of("Mail.ReadWrite"));

    assertThat(token).isEqualTo("china-token");
    assertThat(FakeEntra.scopes(FakeEntra.tokenRequests(entra, TENANT_ID).get(0)))
        .containsExactly("https://microsoftgraph.chinacloudapi.cn/.default");
    entra.verify(
        postRequestedFor(urlPathEqualTo(FakeEntra.tokenPath(TENANT_ID)))
            .withHeader(LoopbackHttpClient.ORIGINAL_HOST, equalTo("login.chinacloudapi.cn")));
  }

  @Test
  void authorityOverrideWithTenantPathReplacesCloudAuthority() throws Exception {
    FakeEntra.stubToken(entra, "contoso.onmicrosoft.com", FakeEntra.appToken("override-token"));
    SignInSettings settings =
        FakeEntra.settings(
            state,
            Map.of(
                MsalTokenSourceProvider.AUTHORITY,
                    "https://login.partner.example/contoso.onmicrosoft.com",
                MsalTokenSourceProvider.CLIENT_ID, CLIENT_ID,
                MsalTokenSourceProvider.CLIENT_SECRET, SECRET));

    String token = FakeEntra.source(entra, settings).build().token(Set.of());

    assertThat(token).isEqualTo("override-token");
    assertThat(settings.tenant()).isEqualTo("contoso.onmicrosoft.com");
    entra.verify(
        postRequestedFor(urlPathEqualTo(FakeEntra.tokenPath("contoso.onmicrosoft.com")))
            .withHeader(LoopbackHttpClient.ORIGINAL_HOST, equalTo("login.partner.example")));
  }

  @Test
  void invalidSecretBecomesSentenceWithoutTheSecret() {
    FakeEntra.stubToken(
        entra,
        TENANT_ID,
        FakeEntra.error(
            401,
            "invalid_client",
            "AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the"
                + " request is the client secret value, not the client secret ID.\\r\\nTrace ID:"
                + " 3c3f1d3a"));
    MsalTokenSource source = FakeEntra.source(entra, FakeEntra.appSettings(state)).build();

    assertThatThrownBy(() -> source.token(Set.of("Mail.ReadWrite")))
        .isInstanceOfSatisfying(
            UploadException.class,
            e -> {
              assertThat(e.category()).isEqualTo(Category.AUTHENTICATION);
              assertThat(e.phase()).isEqualTo(Phase.SIGN_IN);
            })
        .hasMessage(
            "The client secret was refused: it is not a current secret of app "
                + CLIENT_ID
                + ". Copy the secret's Value (not its Secret ID) from Certificates & secrets in"
                + " the app registration. (Entra ID: AADSTS7000215, correlation id"
                + " c0ffee00-1111-2222-3333-444455556666)")
        .message()
        .doesNotContain(SECRET);
  }

  @Test
  void busySignInServiceIsTransient() {
    FakeEntra.stubToken(
        entra,
        TENANT_ID,
        FakeEntra.error(
                503,
                "temporarily_unavailable",
                "AADSTS90006: The server is temporarily unavailable.")
            .withHeader("Retry-After", "1"));
    MsalTokenSource source = FakeEntra.source(entra, FakeEntra.appSettings(state)).build();

    assertThatThrownBy(() -> source.token(Set.of("Mail.ReadWrite")))
        .isInstanceOfSatisfying(
            UploadException.class,
            e -> {
              assertThat(e.category()).isEqualTo(Category.TRANSIENT);
              assertThat(e.isRetryable()).isTrue();
            })
        .hasMessage(
            "Sign-in failed: AADSTS90006: The server is temporarily unavailable. (Entra ID:"
                + " AADSTS90006, correlation id c0ffee00-1111-2222-3333-444455556666)");
  }

  @Test
  void identityIsTheApplicationInItsTenant() throws Exception {
    MsalTokenSource source = FakeEntra.source(entra, FakeEntra.appSettings(state)).build();

    assertThat(source.account())
        .contains(
            new Identity(Identity.Kind.APPLICATION, CLIENT_ID, TENANT_ID, Flow.CLIENT_SECRET));
    assertThat(source.toString())
        .isEqualTo(
            "MsalTokenSource[flow=client-secret, tenant="
                + TENANT_ID
                + ", clientId="
                + CLIENT_ID
                + ", cacheFile="
                + state.resolve("msal-token-cache.json")
                + "]");
    assertThat(entra.getAllServeEvents()).isEmpty();
  }
}
