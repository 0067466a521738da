package io.graphupload.transport.retrofit.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import okhttp3.Authenticator;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ProxyConfigurationTest {
  private static final URI GRAPH = URI.create("https://graph.microsoft.com/v1.0/me");
  private static final Proxy JVM_PROXY =
      new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved("jvm.proxy", 3128));

  @RegisterExtension
  static WireMockExtension proxy =
      WireMockExtension.newInstance()
          .options(WireMockConfiguration.wireMockConfig().dynamicPort().gzipDisabled(true))
          .build();

  @Test
  void httpsProxyVariableIsUsedAndLowercaseWins() {
    ProxyConfiguration chosen =
        ProxyConfiguration.resolve(
            null,
            null,
            Map.of("HTTPS_PROXY", "http://upper:1", "https_proxy", "http://lower:2"),
            jvm());

    assertThat(chosen.selector().select(GRAPH)).containsExactly(httpProxy("lower", 2));
    assertThat(chosen.description()).isEqualTo("http://lower:2 from https_proxy");
  }

  @Test
  void allProxyIsTheFallbackVariable() {
    ProxyConfiguration chosen =
        ProxyConfiguration.resolve(null, null, Map.of("ALL_PROXY", "proxy.corp:8080"), jvm());

    assertThat(chosen.selector().select(GRAPH)).containsExactly(httpProxy("proxy.corp", 8080));
  }

  @Test
  void noProxyVariableSendsListedHostsDirect() {
    ProxyConfiguration chosen =
        ProxyConfiguration.resolve(
            null,
            null,
            Map.of("HTTPS_PROXY", "http://proxy.corp:8080", "NO_PROXY", ".microsoft.com"),
            jvm());

    assertThat(chosen.selector().select(GRAPH)).containsExactly(Proxy.NO_PROXY);
    assertThat(chosen.selector().select(URI.create("https://outlook.office.com/api")))
        .containsExactly(httpProxy("proxy.corp", 8080));
  }

  @Test
  void loopbackAlwaysGoesDirect() {
    ProxyConfiguration chosen =
        ProxyConfiguration.resolve(null, null, Map.of("HTTPS_PROXY", "http://proxy:1"), jvm());

    assertThat(chosen.selector().select(URI.create("http://127.0.0.1:8080/v1.0")))
        .containsExactly(Proxy.NO_PROXY);
    assertThat(chosen.selector().select(URI.create("http://[::1]:8080/v1.0")))
        .containsExactly(Proxy.NO_PROXY);
    assertThat(chosen.selector().select(URI.create("http://localhost/v1.0")))
        .containsExactly(Proxy.NO_PROXY);
  }

  @Test
  void explicitSettingWinsOverTheEnvironment() {
    Map<String, String> env = Map.of("HTTPS_PROXY", "http://env:1", "NO_PROXY", "*");

    ProxyConfiguration explicit =
        ProxyConfiguration.resolve("http://explicit:2", "other.example", env, jvm());
    ProxyConfiguration none = ProxyConfiguration.resolve("none", null, env, jvm());
    ProxyConfiguration system = ProxyConfiguration.resolve("system", null, Map.of(), jvm());

    assertThat(explicit.selector().select(GRAPH)).containsExactly(httpProxy("explicit", 2));
    assertThat(none.selector().select(GRAPH)).containsExactly(Proxy.NO_PROXY);
    assertThat(system.selector().select(GRAPH)).containsExactly(JVM_PROXY);
  }

  @Test
  void withoutSettingOrVariableTheJvmsProxyApplies() {
    ProxyConfiguration chosen = ProxyConfiguration.resolve(null, null, Map.of(), jvm());

    assertThat(chosen.selector().select(GRAPH)).containsExactly(JVM_PROXY);
    assertThat(chosen.authenticator()).isSameAs(Authenticator.JAVA_NET_AUTHENTICATOR);
    assertThat(ProxyConfiguration.resolve(null, null, Map.of(), null).selector().select(GRAPH))
        .containsExactly(Proxy.NO_PROXY);
  }

  @Test
  void unusableVariableIsReportedByName() {
    assertThatThrownBy(
            () ->
                ProxyConfiguration.resolve(
                    null, null, Map.of("https_proxy", "https://jo:pw@proxy:443"), jvm()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("The proxy in https_proxy (https://REDACTED@proxy:443)");
  }

  @Test
  void proxyCredentialsAreSentToTheProxyWhenItAsks() throws IOException {
    proxy.stubFor(
        get(urlEqualTo("/v1.0/me"))
            .withHeader("Proxy-Authorization", absent())
            .willReturn(
                aResponse()
                    .withStatus(407)
                    .withHeader("Proxy-Authenticate", "Basic realm=\"corp\"")));
    proxy.stubFor(
        get(urlEqualTo("/v1.0/me"))
            .withHeader("Proxy-Authorization", equalTo("Basic am86cEBzczp3MHJk"))
            .willReturn(aResponse().withStatus(200).withBody("through")));
    OkHttpClient client =
        clientFor(
            ProxyConfiguration.resolve(
                null,
                null,
                Map.of("HTTPS_PROXY", "http://jo:p%40ss%3Aw0rd@127.0.0.1:" + proxy.getPort()),
                null));

    try (Response response =
        client.newCall(request("http://graph.example.test/v1.0/me")).execute()) {
      assertThat(response.code()).isEqualTo(200);
      assertThat(response.body().string()).isEqualTo("through");
    }

    List<LoggedRequest> requests = proxy.findAll(anyRequestedFor(anyUrl()));
    assertThat(requests).hasSize(2);
    assertThat(requests.get(0).getAbsoluteUrl()).isEqualTo("http://graph.example.test/v1.0/me");
    assertThat(requests.get(0).containsHeader("Proxy-Authorization")).isFalse();
    assertThat(requests.get(1).getHeader("Proxy-Authorization"))
        .isEqualTo("Basic am86cEBzczp3MHJk");
  }

  @Test
  void refusedProxyCredentialsAreNotSentAgainAndAgain() throws IOException {
    proxy.stubFor(
        get(urlEqualTo("/v1.0/me"))
            .willReturn(
                aResponse()
                    .withStatus(407)
                    .withHeader("Proxy-Authenticate", "Basic realm=\"corp\"")));
    OkHttpClient client =
        clientFor(
            ProxyConfiguration.resolve(
                "http://jo:wrong@127.0.0.1:" + proxy.getPort(), null, Map.of(), null));

    try (Response response =
        client.newCall(request("http://graph.example.test/v1.0/me")).execute()) {
      assertThat(response.code()).isEqualTo(407);
    }

    assertThat(proxy.findAll(anyRequestedFor(anyUrl()))).hasSize(2);
  }

  @Test
  void aServerThatAsksForProxyCredentialsNeverGetsThem() {
    proxy.stubFor(
        get(urlEqualTo("/v1.0/me"))
            .willReturn(
                aResponse().withStatus(407).withHeader("Proxy-Authenticate", "Basic realm=\"x\"")));
    OkHttpClient client =
        clientFor(
            ProxyConfiguration.resolve(
                "http://jo:secret@proxy.corp:8080", "127.0.0.1", Map.of(), null));

    assertThatThrownBy(
            () -> client.newCall(request(proxy.baseUrl() + "/v1.0/me")).execute().close())
        .isInstanceOf(IOException.class);

    List<LoggedRequest> requests = proxy.findAll(anyRequestedFor(anyUrl()));
    assertThat(requests).hasSize(1);
    assertThat(requests.get(0).containsHeader("Proxy-Authorization")).isFalse();
  }

  private static OkHttpClient clientFor(ProxyConfiguration configuration) {
    return new OkHttpClient.Builder()
        .proxySelector(configuration.selector())
        .proxyAuthenticator(configuration.authenticator())
        .build();
  }

  private static Request request(String url) {
    return new Request.Builder().url(url).build();
  }

  private static Proxy httpProxy(String host, int port) {
    return new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(host, port));
  }

  private static ProxySelector jvm() {
    return new ProxySelector() {
      @Override
      public List<Proxy> select(URI uri) {
        return List.of(JVM_PROXY);
      }

      @Override
      public void connectFailed(URI uri, SocketAddress address, IOException failure) {}
    };
  }
}
