package io.graphupload.auth.msal;

import com.microsoft.aad.msal4j.HttpRequest;
import com.microsoft.aad.msal4j.IHttpClient;
import com.microsoft.aad.msal4j.IHttpResponse;
import java.net.ProxySelector;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sends MSAL's requests to a local WireMock instead of Entra ID. MSAL insists on https authorities,
 * so the authority stays https in MSAL's eyes and only the wire goes to loopback: the scheme, host
 * and port are replaced and the original host travels in {@value #ORIGINAL_HOST}, so tests can
 * check which cloud was asked.
 */
final class LoopbackHttpClient implements IHttpClient {
  static final String ORIGINAL_HOST = "X-Original-Host";

  /** Headers java.net.http sets itself and refuses from callers. */
  private static final Set<String> RESTRICTED =
      Set.of("connection", "content-length", "expect", "host", "upgrade");

  private final URI target;
  private final HttpClient client =
      HttpClient.newBuilder()
          .proxy(ProxySelector.of(null))
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  LoopbackHttpClient(String wireMockBaseUrl) {
    this.target = URI.create(wireMockBaseUrl);
  }

  @Override
  public IHttpResponse send(com.microsoft.aad.msal4j.HttpRequest request) throws Exception {
    URL original = request.url();
    // getFile() is the path and query exactly as MSAL encoded them.
    URI rewritten =
        URI.create(target.getScheme() + "://" + target.getAuthority() + original.getFile());
    java.net.http.HttpRequest.Builder builder =
        java.net.http.HttpRequest.newBuilder(rewritten)
            .timeout(Duration.ofSeconds(10))
            .header(ORIGINAL_HOST, original.getHost());
    headers(request).forEach(builder::header);
    String body = request.body();
    builder.method(
        request.httpMethod().name(),
        body == null
            ? java.net.http.HttpRequest.BodyPublishers.noBody()
            : java.net.http.HttpRequest.BodyPublishers.ofString(body));
    HttpResponse<String> response =
        client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    return new Answer(response.statusCode(), response.headers().map(), response.body());
  }

  private static Map<String, String> headers(HttpRequest request) {
    Map<String, String> headers = request.headers() == null ? Map.of() : request.headers();
    return headers.entrySet().stream()
        .filter(entry -> entry.getValue() != null)
        .filter(entry -> !RESTRICTED.contains(entry.getKey().toLowerCase(java.util.Locale.ROOT)))
        .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  private record Answer(int statusCode, Map<String, List<String>> headers, String body)
      implements IHttpResponse {}
}
