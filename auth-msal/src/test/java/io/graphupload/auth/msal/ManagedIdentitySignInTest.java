package io.graphupload.auth.msal;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Managed identity through the Azure Instance Metadata Service, faked on loopback. MSAL keeps these
 * tokens in one cache for the whole JVM, so every test uses its own identity.
 */
class ManagedIdentitySignInTest {
  private static final String IMDS_PATH = "/metadata/identity/oauth2/token";

  @RegisterExtension static WireMockExtension imds = FakeEntra.server();

  @TempDir Path state;

  @Test
  void systemAssignedIdentityAsksForGraphWithMetadataHeader() throws Exception {
    stubImds("mi-token-1");

    String token = source(null).token(Set.of("Mail.ReadWrite"));

    assertThat(token).isEqualTo("mi-token-1");
    LoggedRequest request = imds.findAll(getRequestedFor(urlPathEqualTo(IMDS_PATH))).get(0);
    assertThat(request.getHeader("Metadata")).isEqualTo("true");
    assertThat(request.getHeader(LoopbackHttpClient.ORIGINAL_HOST)).isEqualTo("169.254.169.254");
    assertThat(request.queryParameter("resource").firstValue())
        .isEqualTo("https://graph.microsoft.com");
    assertThat(request.queryParameter("api-version").firstValue()).isEqualTo("2018-02-01");
    assertThat(request.queryParameter("client_id").isPresent()).isFalse();
  }

  @Test
  void userAssignedIdentityIsNamedByClientId() throws Exception {
    String clientId = UUID.randomUUID().toString();
    stubImds("mi-token-2");
    MsalTokenSource source = source(clientId);

    source.token(Set.of());

    imds.verify(
        getRequestedFor(urlPathEqualTo(IMDS_PATH)).withQueryParam("client_id", equalTo(clientId)));
    assertThat(source.account())
        .contains(
            new Identity(Identity.Kind.MANAGED_IDENTITY, clientId, null, Flow.MANAGED_IDENTITY));
  }

  @Test
  void invalidatedIdentityTokenIsFetchedAgain() throws Exception {
    String clientId = UUID.randomUUID().toString();
    stubImds("mi-token-3");
    MsalTokenSource source = source(clientId);
    String refused = source.token(Set.of());
    source.token(Set.of());
    List<LoggedRequest> beforeRefusal = imds.findAll(getRequestedFor(urlPathEqualTo(IMDS_PATH)));

    source.invalidate(refused);
    source.token(Set.of());

    assertThat(beforeRefusal).hasSize(1);
    assertThat(imds.findAll(getRequestedFor(urlPathEqualTo(IMDS_PATH)))).hasSize(2);
  }

  private MsalTokenSource source(String clientId) {
    Map<String, String> values = new HashMap<>();
    values.put(MsalTokenSourceProvider.FLOW, "managed-identity");
    if (clientId != null) {
      values.put(MsalTokenSourceProvider.CLIENT_ID, clientId);
    }
    return FakeEntra.source(imds, FakeEntra.settings(state, values)).build();
  }

  private void stubImds(String accessToken) {
    long expiresOn = Instant.now().plusSeconds(3600).getEpochSecond();
    imds.stubFor(
        get(urlPathEqualTo(IMDS_PATH))
            .willReturn(
                FakeEntra.json(
                    200,
                    "{\"access_token\":\""
                        + accessToken
                        + "\",\"expires_on\":\""
                        + expiresOn
                        + "\",\"resource\":\"https://graph.microsoft.com\","
                        + "\"token_type\":\"Bearer\"}")));
  }
}
