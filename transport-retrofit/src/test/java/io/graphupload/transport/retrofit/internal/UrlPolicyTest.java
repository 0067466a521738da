package io.graphupload.transport.retrofit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.graphupload.core.Cloud;
import java.net.URI;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UrlPolicyTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "localhost",
        "LOCALHOST",
        "127.0.0.1",
        "127.255.0.9",
        "::1",
        "[::1]",
        "0:0:0:0:0:0:0:1"
      })
  void loopbackLiteralsAreLoopback(String host) {
    assertThat(UrlPolicy.isLoopback(host)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "graph.microsoft.com",
        "localhost.example.com",
        "127.0.0.1.example.com",
        "128.0.0.1",
        "10.0.0.1",
        "127.0.0.256",
        "::2",
        "fe80::1",
        ""
      })
  void everythingElseIsNotLoopback(String host) {
    assertThat(UrlPolicy.isLoopback(host)).isFalse();
  }

  @Test
  void graphBaseFollowsTheCloudAndVersion() {
    assertThat(UrlPolicy.graphBase(Cloud.GLOBAL.graphEndpoint(), "v1.0"))
        .hasToString("https://graph.microsoft.com/v1.0/");
    assertThat(UrlPolicy.graphBase(Cloud.CHINA.graphEndpoint(), "beta"))
        .hasToString("https://microsoftgraph.chinacloudapi.cn/beta/");
    assertThat(UrlPolicy.graphBase(URI.create("http://127.0.0.1:8080/graph/"), "v1.0"))
        .hasToString("http://127.0.0.1:8080/graph/v1.0/");
  }

  @Test
  void plainHttpGraphEndpointOnTheInternetIsRefused() {
    assertThatThrownBy(() -> UrlPolicy.graphBase(URI.create("http://graph.microsoft.com"), "v1.0"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "The Graph endpoint http://graph.microsoft.com/ uses plain http to graph.microsoft.com,"
                + " which is not a loopback address. Use https: plain http is allowed only to"
                + " 127.0.0.0/8, ::1 and localhost, for local emulators.");
  }

  @Test
  void graphEndpointWithAQueryIsRefused() {
    assertThatThrownBy(
            () -> UrlPolicy.graphBase(URI.create("https://graph.microsoft.com?sig=abc"), "v1.0"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "The Graph endpoint https://graph.microsoft.com?sig=REDACTED must not have a query or"
                + " fragment; give its root, such as https://graph.microsoft.com");
  }

  @Test
  void graphEndpointThatIsNotHttpIsRefused() {
    assertThatThrownBy(() -> UrlPolicy.graphBase(URI.create("ftp://graph.microsoft.com"), "v1.0"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "The Graph endpoint ftp://graph.microsoft.com is not an http or https URL; use a root"
                + " such as https://graph.microsoft.com");
  }

  @Test
  void apiVersionMustBeOneSegment() {
    assertThatThrownBy(() -> UrlPolicy.graphBase(Cloud.GLOBAL.graphEndpoint(), "v1.0/../x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("The Graph API version 'v1.0/../x' is not a version; use v1.0 or beta");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://outlook.office.com/api/v2.0/Users('a@b')/Messages('AAMk=')"
            + "/AttachmentSessions('x')?authtoken=eyJ.a-b_c",
        "https://outlook.office365.com/api/gv1.0/Users('a%40b')/Events('A%2BB')"
            + "/AttachmentSessions('x')?authtoken=a~b*c!d$e(f)g",
        "https://host:8443/a/b;c=d/e?x=1&y=2&x=3",
        "https://host/path?",
        "https://host/path#fragment-is-never-sent"
      })
  void urlsThatOkHttpKeepsAsTheyAreGoOutUnchanged(String url) {
    assertThat(UrlPolicy.firstRewrite(url, HttpUrl.get(url))).isEqualTo(-1);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://host/s?authtoken=a'b",
        "https://host/s?authtoken=a\"b",
        "https://host/a/../s?authtoken=ab",
        "https://host/a b?authtoken=ab",
        "https://host/a{b}?authtoken=ab"
      })
  void urlsThatOkHttpWouldChangeAreDetected(String url) {
    assertThat(UrlPolicy.firstRewrite(url, HttpUrl.get(url))).isGreaterThanOrEqualTo(0);
  }
}
