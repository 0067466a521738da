package io.graphupload.auth.msal;

import static io.graphupload.auth.msal.FakeEntra.CLIENT_ID;
import static io.graphupload.auth.msal.FakeEntra.TENANT_ID;
import static io.graphupload.auth.msal.FakeEntra.USERNAME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.microsoft.aad.msal4j.OpenBrowserAction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The browser flow with a fake browser: instead of showing Entra ID's page, it sends MSAL's
 * loopback listener the redirect that Entra ID would send after the person signed in. Opening a
 * real browser needs a desktop and is not tested.
 */
class BrowserSignInTest {
  @RegisterExtension static WireMockExtension entra = FakeEntra.server();

  @TempDir Path state;

  private final List<URL> opened = new CopyOnWriteArrayList<>();
  private final HttpClient loopback = HttpClient.newBuilder().proxy(ProxySelector.of(null)).build();

  @Test
  void redirectedCodeIsExchangedWithItsVerifier() throws Exception {
    FakeEntra.stubToken(entra, "organizations", FakeEntra.userToken("browser-token", "refresh-1"));
    MsalTokenSource source =
        source(browser(query -> "code=auth-code-1&state=" + query.get("state")));

    String token = source.token(Set.of("Mail.ReadWrite"));

    assertThat(token).isEqualTo("browser-token");
    Map<String, String> authorize = FakeEntra.form(opened.get(0).getQuery());
    assertThat(opened.get(0).getHost()).isEqualTo("login.microsoftonline.com");
    assertThat(opened.get(0).getPath()).isEqualTo("/organizations/oauth2/v2.0/authorize");
    assertThat(authorize)
        .containsEntry("client_id", CLIENT_ID)
        .containsEntry("response_type", "code")
        .containsEntry("response_mode", "form_post")
        .containsEntry("code_challenge_method", "S256")
        .containsEntry("login_hint", USERNAME);
    assertThat(authorize.get("redirect_uri")).startsWith("http://localhost:");
    assertThat(FakeEntra.scopes(authorize))
        .containsExactly("https://graph.microsoft.com/Mail.ReadWrite");

    Map<String, String> exchange = FakeEntra.tokenRequests(entra, "organizations").get(0);
    assertThat(exchange)
        .containsEntry("grant_type", "authorization_code")
        .containsEntry("code", "auth-code-1")
        .containsEntry("redirect_uri", authorize.get("redirect_uri"));
    assertThat(s256(exchange.get("code_verifier"))).isEqualTo(authorize.get("code_challenge"));
  }

  @Test
  void cancelledInBrowserEndsWithoutToken() {
    MsalTokenSource source =
        source(
            browser(
                query ->
                    "error=access_denied&error_description="
                        + URLEncoder.encode(
                            "AADSTS65004: User declined to consent to access the app.",
                            StandardCharsets.UTF_8)
                        + "&state="
                        + query.get("state")));

    assertThatThrownBy(() -> source.token(Set.of("Mail.ReadWrite")))
        .hasMessage(
            "The browser sign-in ended without a result: it was cancelled or declined in the"
                + " browser, or not finished within five minutes. Sign in again, or use"
                + " flow=device-code where no browser can reach this machine. (MSAL:"
                + " invalid_authorization_result)");
    assertThat(FakeEntra.tokenRequests(entra, "organizations")).isEmpty();
  }

  @Test
  void secondCallUsesTheCacheWithoutOpeningTheBrowser() throws Exception {
    FakeEntra.stubToken(entra, "organizations", FakeEntra.userToken("browser-token", "refresh-1"));
    MsalTokenSource source = source(browser(query -> "code=c&state=" + query.get("state")));

    source.token(Set.of("Mail.ReadWrite"));
    String again = source.token(Set.of("Mail.ReadWrite"));

    assertThat(again).isEqualTo("browser-token");
    assertThat(opened).hasSize(1);
    assertThat(source.account())
        .contains(new Identity(Identity.Kind.USER, USERNAME, TENANT_ID, Flow.BROWSER));
  }

  private MsalTokenSource source(OpenBrowserAction browser) {
    SignInSettings settings =
        FakeEntra.settings(
            state,
            Map.of(
                MsalTokenSourceProvider.FLOW,
                "browser",
                MsalTokenSourceProvider.TENANT_ID,
                "organizations",
                MsalTokenSourceProvider.CLIENT_ID,
                CLIENT_ID,
                MsalTokenSourceProvider.USERNAME,
                USERNAME));
    return FakeEntra.source(entra, settings).browser(browser).build();
  }

  /** A browser whose user signs in at once; Entra ID would post back {@code redirect}'s form. */
  private OpenBrowserAction browser(
      java.util.function.Function<Map<String, String>, String> redirect) {
    return url -> {
      opened.add(url);
      Map<String, String> query = FakeEntra.form(url.getQuery());
      // Entra ID answers with response_mode=form_post: the browser posts the result back.
      HttpRequest post =
          HttpRequest.newBuilder(URI.create(query.get("redirect_uri") + "/"))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(redirect.apply(query)))
              .build();
      try {
        loopback.send(post, HttpResponse.BodyHandlers.discarding());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    };
  }

  private static String s256(String verifier) throws Exception {
    byte[] hash =
        MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
  }
}
