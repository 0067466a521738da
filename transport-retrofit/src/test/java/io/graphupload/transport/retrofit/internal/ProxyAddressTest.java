package io.graphupload.transport.retrofit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Proxy;
import org.junit.jupiter.api.Test;

class ProxyAddressTest {

  @Test
  void readsAnHttpProxyWithPercentEncodedCredentials() {
    ProxyAddress address =
        ProxyAddress.parse("http://DOMAIN%5Cjo:p%40ss%3Aw0rd@proxy.corp:3128/", "HTTPS_PROXY");

    assertThat(address)
        .isEqualTo(
            new ProxyAddress(Proxy.Type.HTTP, "proxy.corp", 3128, "DOMAIN\\jo", "p@ss:w0rd"));
    assertThat(address).hasToString("http://REDACTED@proxy.corp:3128");
  }

  @Test
  void hostAndPortAloneMeanAnHttpProxy() {
    assertThat(ProxyAddress.parse("proxy.corp:8080", "HTTPS_PROXY"))
        .isEqualTo(new ProxyAddress(Proxy.Type.HTTP, "proxy.corp", 8080, null, null));
    assertThat(ProxyAddress.parse("http://proxy.corp", "HTTPS_PROXY").port()).isEqualTo(80);
  }

  @Test
  void readsASocksProxy() {
    assertThat(ProxyAddress.parse("socks5://127.0.0.1:1080", "ALL_PROXY"))
        .isEqualTo(new ProxyAddress(Proxy.Type.SOCKS, "127.0.0.1", 1080, null, null));
    assertThat(ProxyAddress.parse("socks5h://gw.corp", "ALL_PROXY").port()).isEqualTo(1080);
  }

  @Test
  void tlsToTheProxyIsRefusedWithTheFix() {
    assertThatThrownBy(() -> ProxyAddress.parse("https://jo:secret@proxy.corp:443", "HTTPS_PROXY"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "The proxy in HTTPS_PROXY (https://REDACTED@proxy.corp:443) cannot be used: OkHttp"
                + " cannot speak TLS to a proxy; use http://host:port (https traffic still goes"
                + " through it encrypted, in a CONNECT tunnel).");
  }

  @Test
  void socksWithCredentialsIsRefused() {
    assertThatThrownBy(() -> ProxyAddress.parse("socks5://jo:secret@gw:1080", "the proxy setting"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "The proxy in the proxy setting (socks5://REDACTED@gw:1080) cannot be used: OkHttp"
                + " cannot authenticate to a SOCKS proxy; use an HTTP proxy for authentication.");
  }

  @Test
  void unreadableProxyNeverRepeatsItsPassword() {
    assertThatThrownBy(() -> ProxyAddress.parse("http://jo:se cret@proxy corp", "HTTPS_PROXY"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "The proxy in HTTPS_PROXY (http://REDACTED@proxy corp) cannot be used: it is not a"
                + " URL.");
    assertThatThrownBy(() -> ProxyAddress.parse("ftp://proxy", "HTTPS_PROXY"))
        .hasMessage(
            "The proxy in HTTPS_PROXY (ftp://proxy) cannot be used: use http://host:port or"
                + " socks5://host:port.");
  }
}
