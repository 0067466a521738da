package io.graphupload.auth.msal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.graphupload.core.spi.PluginSettings;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Answers like Entra ID's token and device-code endpoints, on a WireMock. */
final class FakeEntra {
  static final String CLIENT_ID = "11111111-2222-3333-4444-555555555555";
  static final String TENANT_ID = "72f988bf-86f1-41af-91ab-2d7cd011db47";
  static final String USER_OID = "00000000-0000-0000-66f3-3332eca7ea81";
  static final String USERNAME = "ada@contoso.com";
  static final String SECRET = "Qx8Q~s3cr3t.Value_that-must-never-show";

  private FakeEntra() {}

  static WireMockExtension server() {
    return WireMockExtension.newInstance()
        .options(
            com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig()
                .dynamicPort()
                .gzipDisabled(true))
        .build();
  }

  /** Returns a builder for a source whose MSAL talks to {@code server} only. */
  static MsalTokenSource.Builder source(WireMockExtension server, SignInSettings settings) {
    return MsalTokenSource.builder(settings)
        .httpClient(new LoopbackHttpClient(server.baseUrl()))
        .instanceDiscovery(false);
  }

  static SignInSettings settings(Path stateDirectory, Map<String, String> values) {
    Map<String, String> all = new LinkedHashMap<>(values);
    all.putIfAbsent(MsalTokenSourceProvider.STATE_DIR, stateDirectory.toString());
    return SignInSettings.from(PluginSettings.of(all), Map.of());
  }

  static SignInSettings appSettings(Path stateDirectory) {
    return settings(
        stateDirectory,
        Map.of(
            MsalTokenSourceProvider.FLOW, "client-secret",
            MsalTokenSourceProvider.TENANT_ID, TENANT_ID,
            MsalTokenSourceProvider.CLIENT_ID, CLIENT_ID,
            MsalTokenSourceProvider.CLIENT_SECRET, SECRET));
  }

  static SignInSettings deviceCodeSettings(Path stateDirectory) {
    return settings(
        stateDirectory,
        Map.of(
            MsalTokenSourceProvider.FLOW,
            "device-code",
            MsalTokenSourceProvider.CLIENT_ID,
            CLIENT_ID));
  }

  static String tokenPath(String tenant) {
    return "/" + tenant + "/oauth2/v2.0/token";
  }

  static void stubToken(WireMockExtension server, String tenant, ResponseDefinitionBuilder answer) {
    server.stubFor(post(urlPathEqualTo(tokenPath(tenant))).willReturn(answer));
  }

  static ResponseDefinitionBuilder appToken(String accessToken) {
    return json(
        200,
        "{\"token_type\":\"Bearer\",\"expires_in\":3599,\"ext_expires_in\":3599,"
            + "\"access_token\":\""
            + accessToken
            + "\"}");
  }

  /**
   * A delegated answer for {@link #USERNAME}, with a refresh token, an id token and client info.
   */
  static ResponseDefinitionBuilder userToken(
      String accessToken, String refreshToken, String scope, int expiresIn) {
    return userToken(accessToken, refreshToken, scope, expiresIn, USERNAME, USER_OID);
  }

  /** A delegated answer for {@code username}, whose object id is {@code oid}. */
  static ResponseDefinitionBuilder userToken(
      String accessToken,
      String refreshToken,
      String scope,
      int expiresIn,
      String username,
      String oid) {
    return json(
        200,
        "{\"token_type\":\"Bearer\",\"scope\":\""
            + scope
            + "\",\"expires_in\":"
            + expiresIn
            + ",\"ext_expires_in\":"
            + expiresIn
            + ",\"access_token\":\""
            + accessToken
            + "\",\"refresh_token\":\""
            + refreshToken
            + "\",\"id_token\":\""
            + idToken(username, oid, TENANT_ID)
            + "\",\"client_info\":\""
            + base64Url("{\"uid\":\"" + oid + "\",\"utid\":\"" + TENANT_ID + "\"}")
            + "\"}");
  }

  static ResponseDefinitionBuilder userToken(String accessToken, String refreshToken) {
    return userToken(accessToken, refreshToken, "https://graph.microsoft.com/Mail.ReadWrite", 3599);
  }

  static ResponseDefinitionBuilder error(int status, String error, String description) {
    return json(
        status,
        "{\"error\":\""
            + error
            + "\",\"error_description\":\""
            + description
            + "\",\"error_codes\":[],\"timestamp\":\"2026-01-01 00:00:00Z\","
            + "\"trace_id\":\"3c3f1d3a-0000-0000-0000-000000000000\","
            + "\"correlation_id\":\"c0ffee00-1111-2222-3333-444455556666\"}");
  }

  static ResponseDefinitionBuilder deviceCode(long expiresIn) {
    return json(
        200,
        "{\"user_code\":\"FAKE-CODE\",\"device_code\":\"device-code-secret\","
            + "\"verification_uri\":\"https://microsoft.com/devicelogin\",\"expires_in\":"
            + expiresIn
            + ",\"interval\":0,\"message\":\"To sign in, use a web browser to open the page"
            + " https://microsoft.com/devicelogin and enter the code FAKE-CODE to"
            + " authenticate.\"}");
  }

  static ResponseDefinitionBuilder json(int status, String body) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json; charset=utf-8")
        .withBody(body);
  }

  static String idToken(String username, String oid, String tenant) {
    String header = base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}");
    String claims =
        base64Url(
            "{\"aud\":\""
                + CLIENT_ID
                + "\",\"iss\":\"https://login.microsoftonline.com/"
                + tenant
                + "/v2.0\",\"iat\":1700000000,\"nbf\":1700000000,\"exp\":4102444800,"
                + "\"name\":\"A person\",\"oid\":\""
                + oid
                + "\",\"preferred_username\":\""
                + username
                + "\",\"sub\":\"subject\",\"tid\":\""
                + tenant
                + "\",\"ver\":\"2.0\"}");
    return header + "." + claims + ".";
  }

  static String base64Url(String text) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Returns the token requests {@code server} received for {@code tenant}, oldest first. */
  static List<Map<String, String>> tokenRequests(WireMockExtension server, String tenant) {
    return server.findAll(postRequestedFor(urlPathEqualTo(tokenPath(tenant)))).stream()
        .map(request -> form(request.getBodyAsString()))
        .toList();
  }

  /** Returns every request {@code server} received, oldest first. */
  static List<ServeEvent> served(WireMockExtension server) {
    List<ServeEvent> events = new java.util.ArrayList<>(server.getAllServeEvents());
    java.util.Collections.reverse(events);
    return events;
  }

  /** Returns the scopes of a token request, without those MSAL adds to every request itself. */
  static java.util.Set<String> scopes(Map<String, String> form) {
    java.util.Set<String> scopes = new java.util.TreeSet<>(List.of(form.get("scope").split(" ")));
    scopes.removeAll(List.of("openid", "profile", "offline_access"));
    return scopes;
  }

  /** Parses a form-encoded body; a repeated key keeps its last value. */
  static Map<String, String> form(String body) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String pair : body.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String key = equals < 0 ? pair : pair.substring(0, equals);
      String value = equals < 0 ? "" : pair.substring(equals + 1);
      fields.put(
          URLDecoder.decode(key, StandardCharsets.UTF_8),
          URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return fields;
  }
}
