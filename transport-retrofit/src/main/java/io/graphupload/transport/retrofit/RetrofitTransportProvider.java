package io.graphupload.transport.retrofit;

import io.graphupload.core.spi.Transport;
import io.graphupload.core.spi.TransportProvider;
import io.graphupload.core.spi.TransportSettings;

/**
 * Registers {@link RetrofitTransport} for {@link java.util.ServiceLoader} under the name {@code
 * retrofit}, priority 0.
 *
 * <p>It reads these options from {@link TransportSettings#options()}; durations are seconds ({@code
 * 30}), with a unit ({@code 500ms}, {@code 30s}, {@code 2m}) or ISO-8601 ({@code PT30S}), and zero
 * means no limit.
 */
public final class RetrofitTransportProvider implements TransportProvider {
  /** The proxy: {@code http://user:password@host:port}, {@code none}, or {@code system}. */
  public static final String PROXY = "proxy";

  /** Hosts that bypass the proxy, as {@code NO_PROXY} lists them. */
  public static final String NO_PROXY = "no-proxy";

  /** The time to open a connection; default 20 seconds. */
  public static final String CONNECT_TIMEOUT = "connect-timeout";

  /** The longest silence while reading an answer; default 60 seconds. */
  public static final String READ_TIMEOUT = "read-timeout";

  /** The longest stall while sending a request; default 60 seconds. */
  public static final String WRITE_TIMEOUT = "write-timeout";

  /** A limit on a whole call; default 0, for none. */
  public static final String CALL_TIMEOUT = "call-timeout";

  @Override
  public String name() {
    return "retrofit";
  }

  @Override
  public Transport create(TransportSettings settings) {
    return RetrofitTransport.builder()
        .graphEndpoint(settings.graphEndpoint())
        .apiVersion(settings.apiVersion())
        .tokens(settings.tokens())
        .options(settings.options())
        .build();
  }
}
