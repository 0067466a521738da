package io.graphupload.transport.retrofit;

import io.graphupload.core.Attachment;
import io.graphupload.core.Cloud;
import io.graphupload.core.Draft;
import io.graphupload.core.Mailbox;
import io.graphupload.core.Nullable;
import io.graphupload.core.OutlookItem;
import io.graphupload.core.UploadException;
import io.graphupload.core.UploadSession;
import io.graphupload.core.UploadTarget;
import io.graphupload.core.spi.AccessTokenSource;
import io.graphupload.core.spi.ContentRange;
import io.graphupload.core.spi.PluginSettings;
import io.graphupload.core.spi.RangeAnswer;
import io.graphupload.core.spi.Transport;
import io.graphupload.transport.retrofit.internal.DurationSetting;
import io.graphupload.transport.retrofit.internal.ErrorAnswers;
import io.graphupload.transport.retrofit.internal.GraphApi;
import io.graphupload.transport.retrofit.internal.GraphCalls;
import io.graphupload.transport.retrofit.internal.HttpClients;
import io.graphupload.transport.retrofit.internal.HttpClients.Timeouts;
import io.graphupload.transport.retrofit.internal.Json;
import io.graphupload.transport.retrofit.internal.ProxyConfiguration;
import io.graphupload.transport.retrofit.internal.UploadUrlCalls;
import io.graphupload.transport.retrofit.internal.UrlPolicy;
import java.io.IOException;
import java.net.ProxySelector;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import retrofit2.Retrofit;
import retrofit2.converter.moshi.MoshiConverterFactory;

/**
 * Core's {@link Transport} on Retrofit, OkHttp and Moshi.
 *
 * <p>Graph calls carry {@code Authorization: Bearer} from the {@link AccessTokenSource}; calls to
 * upload URLs go through a client with no authenticator and no interceptors, so they never carry
 * it. Range bodies stream from the file a chunk at a time. Graph calls and upload URL calls share
 * one connection pool; HTTP/2 is used where the server offers it.
 *
 * <p>Plain http is allowed only to loopback addresses (for local emulators); every other URL must
 * be https, or the builder or call fails with {@link IllegalArgumentException}. Tokens and upload
 * URLs' query values never appear in logs or exception messages.
 *
 * <p>Thread-safe: several uploads may share one transport. {@link #close()} releases the
 * connections and threads the transport made; an {@link OkHttpClient} passed to the builder stays
 * open, as its owner may still use it.
 */
public final class RetrofitTransport implements Transport {
  private static final Logger log = LoggerFactory.getLogger(RetrofitTransport.class);

  private final HttpClients clients;
  private final GraphCalls graph;
  private final UploadUrlCalls uploads;
  private final AtomicBoolean closed = new AtomicBoolean();

  private RetrofitTransport(HttpClients clients, GraphCalls graph, UploadUrlCalls uploads) {
    this.clients = clients;
    this.graph = graph;
    this.uploads = uploads;
  }

  /** Returns a builder; only {@link Builder#tokens} is required. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public UploadSession createSession(UploadTarget target, Attachment attachment)
      throws IOException, UploadException {
    checkOpen();
    return graph.createSession(target, attachment);
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException if {@code uploadUrl} is not https, or plain http to a host
   *     that is not loopback
   */
  @Override
  public RangeAnswer putRange(String uploadUrl, ContentRange range, FileChannel source)
      throws IOException, UploadException {
    checkOpen();
    return uploads.put(uploadUrl, range, source);
  }

  @Override
  public Optional<UploadSession> querySession(String uploadUrl)
      throws IOException, UploadException {
    checkOpen();
    return uploads.query(uploadUrl);
  }

  @Override
  public void deleteSession(String uploadUrl) throws IOException, UploadException {
    checkOpen();
    uploads.delete(uploadUrl);
  }

  @Override
  public String postAttachment(UploadTarget target, Attachment attachment, FileChannel source)
      throws IOException, UploadException {
    checkOpen();
    return graph.postAttachment(target, attachment, source);
  }

  /**
   * {@inheritDoc}
   *
   * <p>The token is asked for {@code Mail.ReadWrite}. The request is never repeated by OkHttp once
   * it has left, since a repeat could leave a second draft.
   *
   * @throws UploadException INVALID_INPUT, before any request, for a draft over the 4 MB that one
   *     Graph request may carry
   */
  @Override
  public String createDraft(Mailbox mailbox, Draft draft) throws IOException, UploadException {
    checkOpen();
    return graph.createDraft(mailbox, draft);
  }

  /**
   * {@inheritDoc}
   *
   * <p>The token is asked for {@code Mail.Send}, the one permission sending needs. The request is
   * never repeated by OkHttp once it has left, since a repeat could send the message twice.
   *
   * @throws IllegalArgumentException if {@code message} is an event
   */
  @Override
  public void sendDraft(OutlookItem message) throws IOException, UploadException {
    checkOpen();
    graph.sendDraft(message);
  }

  /** Releases the transport's connections and threads; calls after it fail. Idempotent. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      clients.close();
    }
  }

  /** Returns the client for Graph calls; for tests in this package. */
  OkHttpClient graphClient() {
    return clients.graph();
  }

  /** Returns the client for upload URLs; for tests in this package. */
  OkHttpClient uploadClient() {
    return clients.upload();
  }

  private void checkOpen() {
    if (closed.get()) {
      throw new IllegalStateException("This transport is closed; create a new one");
    }
  }

  /**
   * Configures a {@link RetrofitTransport}. Not thread-safe; the transport it builds is.
   *
   * <p>Settings for timeouts and proxies apply to the client the transport makes. Pass your own
   * {@link OkHttpClient} instead to share its pool and settings; combining both is refused.
   */
  public static final class Builder {
    private URI graphEndpoint = Cloud.GLOBAL.graphEndpoint();
    private String apiVersion = "v1.0";
    private @Nullable AccessTokenSource tokens;
    private @Nullable OkHttpClient okHttpClient;
    private @Nullable String proxy;
    private @Nullable String noProxy;
    private Map<String, String> environment = System.getenv();
    private @Nullable ProxySelector jvmProxySelector;
    private boolean jvmProxySelectorSet;
    private Duration connectTimeout = Timeouts.DEFAULT.connect();
    private Duration readTimeout = Timeouts.DEFAULT.read();
    private Duration writeTimeout = Timeouts.DEFAULT.write();
    private Duration callTimeout = Timeouts.DEFAULT.call();
    private boolean networkSettingsChanged;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** Sets the Graph root without a version; default {@code https://graph.microsoft.com}. */
    public Builder graphEndpoint(URI endpoint) {
      this.graphEndpoint = endpoint;
      return this;
    }

    /** Sets the Graph root of {@code cloud}, such as China's (21Vianet). */
    public Builder cloud(Cloud cloud) {
      return graphEndpoint(cloud.graphEndpoint());
    }

    /** Sets the API version, {@code v1.0} (the default) or {@code beta}. */
    public Builder apiVersion(String version) {
      this.apiVersion = version;
      return this;
    }

    /** Sets where Graph calls get their bearer tokens. Required. */
    public Builder tokens(AccessTokenSource source) {
      this.tokens = source;
      return this;
    }

    /**
     * Shares {@code client}'s connection pool, dispatcher, timeouts, proxy and TLS settings. Its
     * interceptors and authenticator apply to Graph calls only, never to upload URLs. The client
     * stays open when the transport closes.
     */
    public Builder okHttpClient(OkHttpClient client) {
      this.okHttpClient = client;
      return this;
    }

    /**
     * Sets the proxy: {@code http://user:password@host:port}, {@code none}, or {@code system} for
     * the JVM's settings only. Without it, {@code HTTPS_PROXY} and then the JVM's settings apply.
     */
    public Builder proxy(String proxyUrl) {
      this.proxy = proxyUrl;
      this.networkSettingsChanged = true;
      return this;
    }

    /** Sets the hosts that bypass the proxy, as {@code NO_PROXY} lists them. */
    public Builder noProxy(String hosts) {
      this.noProxy = hosts;
      this.networkSettingsChanged = true;
      return this;
    }

    /** Sets the environment variables read for proxies; default {@link System#getenv()}. */
    public Builder environment(Map<String, String> variables) {
      this.environment = Map.copyOf(variables);
      return this;
    }

    /** Sets the JVM proxy selector to fall back on; default {@link ProxySelector#getDefault()}. */
    public Builder jvmProxySelector(@Nullable ProxySelector selector) {
      this.jvmProxySelector = selector;
      this.jvmProxySelectorSet = true;
      return this;
    }

    /** Sets the time to open a connection; default 20 seconds. */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = timeout;
      this.networkSettingsChanged = true;
      return this;
    }

    /**
     * Sets the longest wait for any byte of an answer; default 60 seconds. It bounds silence, not
     * the whole answer: a slow answer that keeps coming never times out.
     */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = timeout;
      this.networkSettingsChanged = true;
      return this;
    }

    /** Sets the longest wait for any byte of a request to leave; default 60 seconds. */
    public Builder writeTimeout(Duration timeout) {
      this.writeTimeout = timeout;
      this.networkSettingsChanged = true;
      return this;
    }

    /** Sets a limit on a whole call, including its body; default zero, for none. */
    public Builder callTimeout(Duration timeout) {
      this.callTimeout = timeout;
      this.networkSettingsChanged = true;
      return this;
    }

    /**
     * Applies the string settings that frontends pass: {@code proxy}, {@code no-proxy}, {@code
     * connect-timeout}, {@code read-timeout}, {@code write-timeout} and {@code call-timeout} (see
     * {@link RetrofitTransportProvider}). Other keys are left to other plugins.
     *
     * @throws IllegalArgumentException naming the key, when a value cannot be read
     */
    public Builder options(PluginSettings options) {
      String proxyValue = options.get(RetrofitTransportProvider.PROXY);
      if (proxyValue != null) {
        proxy(proxyValue);
      }
      String noProxyValue = options.get(RetrofitTransportProvider.NO_PROXY);
      if (noProxyValue != null) {
        noProxy(noProxyValue);
      }
      DurationSetting.read(options, RetrofitTransportProvider.CONNECT_TIMEOUT)
          .ifPresent(this::connectTimeout);
      DurationSetting.read(options, RetrofitTransportProvider.READ_TIMEOUT)
          .ifPresent(this::readTimeout);
      DurationSetting.read(options, RetrofitTransportProvider.WRITE_TIMEOUT)
          .ifPresent(this::writeTimeout);
      DurationSetting.read(options, RetrofitTransportProvider.CALL_TIMEOUT)
          .ifPresent(this::callTimeout);
      return this;
    }

    /** Sets the clock that dated {@code Retry-After} headers are read against; for tests. */
    Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /**
     * Returns a new transport.
     *
     * @throws IllegalStateException if no token source was set
     * @throws IllegalArgumentException if the endpoint is plain http to a host that is not
     *     loopback, a setting cannot be used, or timeouts or proxies were set together with an
     *     {@link OkHttpClient}
     */
    public RetrofitTransport build() {
      if (tokens == null) {
        throw new IllegalStateException(
            "RetrofitTransport needs tokens(AccessTokenSource): Graph calls carry a bearer token");
      }
      HttpUrl base = UrlPolicy.graphBase(graphEndpoint, apiVersion);
      HttpClients clients = clients();
      ErrorAnswers errors = new ErrorAnswers(clock);
      GraphApi api =
          new Retrofit.Builder()
              .baseUrl(base)
              .client(clients.graph())
              .addConverterFactory(MoshiConverterFactory.create(Json.MOSHI))
              .validateEagerly(true)
              .build()
              .create(GraphApi.class);
      log.debug("Graph calls go to {}", base);
      return new RetrofitTransport(
          clients,
          new GraphCalls(api, tokens, errors),
          new UploadUrlCalls(clients.upload(), errors));
    }

    private HttpClients clients() {
      if (okHttpClient != null) {
        if (networkSettingsChanged) {
          throw new IllegalArgumentException(
              "Set timeouts and proxies on the OkHttpClient you pass to RetrofitTransport, or let"
                  + " the transport make its own client; not both");
        }
        return HttpClients.sharing(okHttpClient);
      }
      ProxySelector jvm = jvmProxySelectorSet ? jvmProxySelector : ProxySelector.getDefault();
      ProxyConfiguration proxies = ProxyConfiguration.resolve(proxy, noProxy, environment, jvm);
      log.debug("Proxy: {}", proxies.description());
      Timeouts timeouts = new Timeouts(connectTimeout, readTimeout, writeTimeout, callTimeout);
      return HttpClients.create(timeouts, proxies);
    }
  }
}
