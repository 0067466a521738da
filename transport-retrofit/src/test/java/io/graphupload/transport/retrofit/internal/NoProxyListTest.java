package io.graphupload.transport.retrofit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NoProxyListTest {

  @Test
  void domainEntriesMatchTheDomainAndItsSubdomainsInEveryNotation() {
    for (String entry : new String[] {"example.com", ".example.com", "*.example.com"}) {
      NoProxyList list = NoProxyList.parse(entry);
      assertThat(list.matches("example.com", 443)).as(entry).isTrue();
      assertThat(list.matches("graph.EXAMPLE.com", 443)).as(entry).isTrue();
      assertThat(list.matches("example.com.", 443)).as(entry).isTrue();
      assertThat(list.matches("badexample.com", 443)).as(entry).isFalse();
      assertThat(list.matches("example.org", 443)).as(entry).isFalse();
    }
  }

  @Test
  void entriesAreSeparatedByCommasOrSpaces() {
    NoProxyList list = NoProxyList.parse(" internal.corp, intranet  example.com,,");

    assertThat(list.matches("a.internal.corp", 443)).isTrue();
    assertThat(list.matches("intranet", 443)).isTrue();
    assertThat(list.matches("example.com", 443)).isTrue();
    assertThat(list.matches("graph.microsoft.com", 443)).isFalse();
  }

  @Test
  void aStarMatchesEverything() {
    assertThat(NoProxyList.parse("*").matches("graph.microsoft.com", 443)).isTrue();
  }

  @Test
  void aPortLimitsTheEntryToThatPort() {
    NoProxyList list = NoProxyList.parse("example.com:8443,[fd00::1]:443");

    assertThat(list.matches("example.com", 8443)).isTrue();
    assertThat(list.matches("example.com", 443)).isFalse();
    assertThat(list.matches("[fd00::1]", 443)).isTrue();
    assertThat(list.matches("fd00::1", 80)).isFalse();
  }

  @Test
  void addressesAndRangesMatchIpLiteralsOnly() {
    NoProxyList list = NoProxyList.parse("10.0.0.0/8,192.168.1.7,fd00::/16");

    assertThat(list.matches("10.200.3.4", 443)).isTrue();
    assertThat(list.matches("11.0.0.1", 443)).isFalse();
    assertThat(list.matches("192.168.1.7", 443)).isTrue();
    assertThat(list.matches("192.168.1.8", 443)).isFalse();
    assertThat(list.matches("fd00:abcd::1", 443)).isTrue();
    assertThat(list.matches("fe80::1", 443)).isFalse();
    assertThat(list.matches("ten.example.com", 443)).isFalse();
  }

  @Test
  void emptyOrAbsentListMatchesNothing() {
    assertThat(NoProxyList.parse(null).matches("example.com", 443)).isFalse();
    assertThat(NoProxyList.parse("  ").isEmpty()).isTrue();
  }
}
