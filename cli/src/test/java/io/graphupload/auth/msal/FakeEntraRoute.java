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
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Routes the command's MSAL sign-ins to a fake Entra ID on loopback. MSAL takes only https
 * authorities, so MSAL keeps its https URLs and only the wire goes to the fake; authority
 * validation, which needs the real Entra ID, is off. Lives in MSAL's package for the builder's test
 * hooks.
 */
public final class FakeEntraRoute {
  private FakeEntraRoute() {}

  /** Returns what adjusts each MSAL source the command builds to talk to {@code baseUrl} only. */
  public static UnaryOperator<MsalTokenSource.Builder> to(String baseUrl) {
    IHttpClient client = new Loopback(URI.create(baseUrl));
    return builder -> builder.httpClient(client).instanceDiscovery(false);
  }

  private static final class Loopback implements IHttpClient {
    /** Headers java.net.http sets itself and refuses from callers. */
    private static final Set<String> RESTRICTED =
        Set.of("connection", "content-length", "expect", "host", "upgrade");

    private final URI target;
    private final HttpClient client =
        HttpClient.newBuilder()
            .proxy(ProxySelector.of(null))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    Loopback(URI target) {
      this.target = target;
    }

    @Override
    public IHttpResponse send(HttpRequest request) throws Exception {
      URL original = request.url();
      URI rewritten =
          URI.create(target.getScheme() + "://" + target.getAuthority() + original.getFile());
      java.net.http.HttpRequest.Builder builder =
          java.net.http.HttpRequest.newBuilder(rewritten).timeout(Duration.ofSeconds(10));
      Map<String, String> headers = request.headers() == null ? Map.of() : request.headers();
      headers.entrySet().stream()
          .filter(entry -> entry.getValue() != null)
          .filter(entry -> !RESTRICTED.contains(entry.getKey().toLowerCase(Locale.ROOT)))
          .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue))
          .forEach(builder::header);
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
  }

  private record Answer(int statusCode, Map<String, List<String>> headers, String body)
      implements IHttpResponse {}
}
