package io.graphupload.auth.msal;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.graphupload.auth.msal.FakeEntra.SECRET;
import static io.graphupload.auth.msal.FakeEntra.TENANT_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.graphupload.testing.RecordingLogs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Everything MSAL and this module log, at every level, and every message, stay free of secrets. */
class CredentialsNeverLeakTest {
  private static final List<String> SECRETS =
      List.of(
          SECRET,
          "app-token-secret",
          "user-token-secret",
          "renewed-token-secret",
          "refresh-token-secret",
          "refresh-token-renewed",
          "device-code-secret");

  @RegisterExtension static WireMockExtension entra = FakeEntra.server();

  @TempDir Path state;

  private final List<String> texts = new ArrayList<>();

  @BeforeEach
  void forgetLogs() {
    RecordingLogs.clear();
  }

  @Test
  void noSecretReachesLogsMessagesOrToString() throws Exception {
    FakeEntra.stubToken(entra, TENANT_ID, FakeEntra.appToken("app-token-secret"));
    MsalTokenSource app = FakeEntra.source(entra, FakeEntra.appSettings(state)).build();
    app.token(Set.of("Mail.ReadWrite"));
    texts.add(app.toString());
    texts.add(app.settings().toString());

    entra.stubFor(
        post(urlPathEqualTo("/common/oauth2/v2.0/devicecode"))
            .willReturn(FakeEntra.deviceCode(900)));
    entra.stubFor(
        post(urlPathEqualTo(FakeEntra.tokenPath("common")))
            .withRequestBody(containing("grant_type=device_code"))
            .willReturn(FakeEntra.userToken("user-token-secret", "refresh-token-secret")));
    entra.stubFor(
        post(urlPathEqualTo(FakeEntra.tokenPath("common")))
            .withRequestBody(containing("grant_type=refresh_token"))
            .willReturn(FakeEntra.userToken("renewed-token-secret", "refresh-token-renewed")));
    MsalTokenSource user = FakeEntra.source(entra, FakeEntra.deviceCodeSettings(state)).build();
    user.invalidate(user.token(Set.of("Mail.ReadWrite")));
    user.token(Set.of("Mail.ReadWrite"));
    texts.add(user.toString());
    texts.add(user.accounts().toString());

    entra.resetMappings();
    FakeEntra.stubToken(
        entra,
        TENANT_ID,
        FakeEntra.error(
            401,
            "invalid_client",
            "AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the"
                + " request is the client secret value, not the client secret ID."));
    MsalTokenSource refused =
        FakeEntra.source(entra, FakeEntra.appSettings(state.resolve("other"))).build();
    texts.add(describe(catchThrowable(() -> refused.token(Set.of("Mail.ReadWrite")))));

    RecordingLogs.lines().forEach(line -> texts.add(line.text()));
    assertThat(RecordingLogs.lines()).isNotEmpty();
    for (String secret : SECRETS) {
      assertThat(texts).noneMatch(text -> text.contains(secret));
    }
  }

  private static String describe(Throwable failure) {
    StringBuilder text = new StringBuilder();
    for (Throwable t = failure; t != null; t = t.getCause()) {
      text.append(t).append(" | ");
    }
    return text.toString();
  }
}
