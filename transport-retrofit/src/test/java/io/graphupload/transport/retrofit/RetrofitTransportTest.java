package io.graphupload.transport.retrofit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.graphupload.core.Attachment;
import io.graphupload.core.Mailbox;
import io.graphupload.core.OutlookItem;
import io.graphupload.core.Plugins;
import io.graphupload.core.spi.ContentRange;
import io.graphupload.core.spi.PluginSettings;
import io.graphupload.core.spi.Transport;
import io.graphupload.core.spi.TransportProvider;
import io.graphupload.core.spi.TransportSettings;
import io.graphupload.transport.retrofit.internal.RequestLog;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Authenticator;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class RetrofitTransportTest {
  private static final OutlookItem ITEM = OutlookItem.message(Mailbox.me(), "M");
  private static final String CREATE_PATH = "/v1.0/me/messages/M/attachments/createUploadSession";

  @RegisterExtension static WireMockExtension server = Fixtures.wireMock();

  @TempDir Path dir;

  @Test
  void serviceLoaderFindsTheProviderByItsName() {
    TransportProvider provider =
        Plugins.select(TransportProvider.class, "retrofit", getClass().getClassLoader());

    assertThat(provider).isInstanceOf(RetrofitTransportProvider.class);
    assertThat(provider.name()).isEqualTo("retrofit");
    assertThat(provider.priority()).isZero();
  }

  @Test
  void providerBuildsAWorkingTransportFromTheSettingsAndOptions() throws Exception {
    server.stubFor(
        post(urlEqualTo(CREATE_PATH))
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withBody("{\"uploadUrl\":\"https://o/s?authtoken=t\"}")));
    TransportSettings settings =
        new TransportSettings(
            URI.create(server.baseUrl()),
            "v1.0",
            new RecordingTokenSource("provider-token"),
            PluginSettings.of(
                Map.of("read-timeout", "5s", "connect-timeout", "3", "proxy", "none")));

    try (Transport transport = new RetrofitTransportProvider().create(settings)) {
      assertThat(transport.createSession(ITEM, Attachment.file("a", 3_000_000, "a/b")).uploadUrl())
          .isEqualTo("https://o/s?authtoken=t");
      RetrofitTransport retrofit = (RetrofitTransport) transport;
      assertThat(retrofit.uploadClient().readTimeoutMillis()).isEqualTo(5_000);
      assertThat(retrofit.graphClient().connectTimeoutMillis()).isEqualTo(3_000);
    }
    assertThat(server.findAll(postRequestedFor(anyUrl())).get(0).getHeader("Authorization"))
        .isEqualTo("Bearer provider-token");
  }

  @Test
  void providerRefusesAnUnreadableOptionByName() {
    TransportSettings settings =
        new TransportSettings(
            URI.create(server.baseUrl()),
            "v1.0",
            new RecordingTokenSource("t"),
            PluginSettings.of(Map.of("write-timeout", "forever")));

    assertThatThrownBy(() -> new RetrofitTransportProvider().create(settings))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Setting 'write-timeout' is 'forever', which is not a duration;");
  }

  @Test
  void defaultsSuitRangesAndNeverFollowRedirects() {
    try (RetrofitTransport transport =
        RetrofitTransport.builder()
            .tokens(new RecordingTokenSource("t"))
            .environment(Map.of())
            .build()) {
      for (OkHttpClient client :
          new OkHttpClient[] {transport.graphClient(), transport.uploadClient()}) {
        assertThat(client.connectTimeoutMillis()).isEqualTo(20_000);
        assertThat(client.readTimeoutMillis()).isEqualTo(60_000);
        assertThat(client.writeTimeoutMillis()).isEqualTo(60_000);
        assertThat(client.callTimeoutMillis()).isZero();
        assertThat(client.followRedirects()).isFalse();
        assertThat(client.followSslRedirects()).isFalse();
        assertThat(client.protocols()).contains(Protocol.HTTP_2, Protocol.HTTP_1_1);
      }
    }
  }

  @Test
  void graphCallsAndUploadUrlsShareOnePoolButOnlyGraphCallsCanAuthenticate() {
    try (RetrofitTransport transport = Fixtures.transport(server)) {
      OkHttpClient graph = transport.graphClient();
      OkHttpClient upload = transport.uploadClient();

      assertThat(upload.connectionPool()).isSameAs(graph.connectionPool());
      assertThat(upload.dispatcher()).isSameAs(graph.dispatcher());
      assertThat(upload.authenticator()).isSameAs(Authenticator.NONE);
      assertThat(upload.networkInterceptors()).isEmpty();
      assertThat(upload.interceptors()).singleElement().isInstanceOf(RequestLog.class);
    }
  }

  @Test
  void aSuppliedClientsInterceptorsReachGraphCallsButNeverUploadUrls() throws Exception {
    server.stubFor(
        post(urlEqualTo(CREATE_PATH))
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withBody("{\"uploadUrl\":\"" + Fixtures.uploadUrl(server) + "\"}")));
    server.stubFor(
        put(urlEqualTo(Fixtures.SESSION_PATH))
            .willReturn(okJson("{\"nextExpectedRanges\":[\"5-\"]}")));
    server.stubFor(
        get(urlEqualTo(Fixtures.SESSION_PATH))
            .willReturn(okJson("{\"nextExpectedRanges\":[\"5-\"]}")));
    server.stubFor(
        delete(urlEqualTo(Fixtures.SESSION_PATH)).willReturn(aResponse().withStatus(204)));
    AtomicInteger connections = new AtomicInteger();
    OkHttpClient supplied =
        new OkHttpClient.Builder()
            .addInterceptor(
                chain ->
                    chain.proceed(
                        chain
                            .request()
                            .newBuilder()
                            .header("X-Trace", "app")
                            .addHeader("Authorization", "Bearer from-app-interceptor")
                            .build()))
            .eventListener(
                new EventListener() {
                  @Override
                  public void connectStart(Call call, InetSocketAddress address, Proxy proxy) {
                    connections.incrementAndGet();
                  }
                })
            .build();

    try (RetrofitTransport transport =
            RetrofitTransport.builder()
                .graphEndpoint(URI.create(server.baseUrl()))
                .tokens(new RecordingTokenSource("t"))
                .okHttpClient(supplied)
                .build();
        FileChannel channel = Fixtures.open(Fixtures.file(dir, Fixtures.content(10)))) {
      String url = transport.createSession(ITEM, Attachment.file("a", 10, "a/b")).uploadUrl();
      transport.putRange(url, new ContentRange(0, 5, 10), channel);
      transport.querySession(url);
      transport.deleteSession(url);
    }

    LoggedRequest create = server.findAll(postRequestedFor(anyUrl())).get(0);
    assertThat(create.getHeader("X-Trace")).isEqualTo("app");
    assertThat(server.getAllServeEvents())
        .filteredOn(event -> !event.getRequest().getMethod().getName().equals("POST"))
        .hasSize(3)
        .allSatisfy(
            event -> {
              assertThat(event.getRequest().containsHeader("Authorization")).isFalse();
              assertThat(event.getRequest().containsHeader("X-Trace")).isFalse();
            });
    assertThat(connections).as("connections opened for four calls").hasValue(1);
    assertThat(supplied.dispatcher().executorService().isShutdown())
        .as("a supplied client stays open")
        .isFalse();
    assertThat(server.findAll(putRequestedFor(anyUrl()))).hasSize(1);
  }

  @Test
  void closedTransportRefusesCallsAndReleasesItsThreads() {
    RetrofitTransport transport = Fixtures.transport(server);

    transport.close();
    transport.close();

    assertThat(transport.graphClient().dispatcher().executorService().isShutdown()).isTrue();
    assertThatThrownBy(() -> transport.querySession(Fixtures.uploadUrl(server)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("This transport is closed; create a new one");
  }

  @Test
  void buildingWithoutATokenSourceIsRefused() {
    assertThatThrownBy(() -> RetrofitTransport.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "RetrofitTransport needs tokens(AccessTokenSource): Graph calls carry a bearer token");
  }

  @Test
  void timeoutsTogetherWithASuppliedClientAreRefused() {
    RetrofitTransport.Builder builder =
        RetrofitTransport.builder()
            .tokens(new RecordingTokenSource("t"))
            .okHttpClient(new OkHttpClient())
            .readTimeout(Duration.ofSeconds(1));

    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Set timeouts and proxies on the OkHttpClient you pass to RetrofitTransport, or let"
                + " the transport make its own client; not both");
  }

  @Test
  void plainHttpEndpointOnTheInternetIsRefused() {
    RetrofitTransport.Builder builder =
        RetrofitTransport.builder()
            .tokens(new RecordingTokenSource("t"))
            .graphEndpoint(URI.create("http://graph.microsoft.com"));

    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("The Graph endpoint http://graph.microsoft.com/ uses plain http");
  }
}
