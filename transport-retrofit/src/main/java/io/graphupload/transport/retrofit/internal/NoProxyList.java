package io.graphupload.transport.retrofit.internal;

import io.graphupload.core.Nullable;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The hosts that bypass the proxy, as listed in {@code NO_PROXY}: comma- or space-separated
 * entries, each {@code *} (every host), a domain ({@code example.com}, {@code .example.com} or
 * {@code *.example.com}, each matching the domain and its subdomains), an IP address, or an IP
 * range in CIDR form ({@code 10.0.0.0/8}); any of them may end in {@code :port}.
 */
final class NoProxyList {
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

  private final List<Entry> entries;

  private NoProxyList(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  static NoProxyList parse(@Nullable String value) {
    List<Entry> entries = new ArrayList<>();
    if (value != null) {
      for (String item : value.split("[,\\s]+")) {
        if (!item.isBlank()) {
          entries.add(Entry.parse(item.trim().toLowerCase(Locale.ROOT)));
        }
      }
    }
    return new NoProxyList(entries);
  }

  /** Returns whether a request to {@code host} and {@code port} goes direct. */
  boolean matches(String host, int port) {
    String name = unbracket(host.toLowerCase(Locale.ROOT));
    if (name.endsWith(".")) {
      name = name.substring(0, name.length() - 1);
    }
    for (Entry entry : entries) {
      if (entry.matches(name, port)) {
        return true;
      }
    }
    return false;
  }

  boolean isEmpty() {
    return entries.isEmpty();
  }

  private record Entry(String host, int port, byte @Nullable [] network, int prefixBits) {

    static Entry parse(String item) {
      String host = item;
      int port = -1;
      int colon = item.lastIndexOf(':');
      boolean bracketed = item.startsWith("[");
      boolean hostPort =
          colon > 0 && (bracketed ? item.lastIndexOf(']') < colon : colon == item.indexOf(':'));
      if (hostPort && item.substring(colon + 1).matches("\\d{1,5}")) {
        host = item.substring(0, colon);
        port = Integer.parseInt(item.substring(colon + 1));
      }
      host = unbracket(host);
      int slash = host.indexOf('/');
      if (slash > 0) {
        byte[] network = literal(host.substring(0, slash));
        String bits = host.substring(slash + 1);
        if (network != null && bits.matches("\\d{1,3}")) {
          return new Entry(
              host, port, network, Math.min(Integer.parseInt(bits), network.length * 8));
        }
      }
      if (host.startsWith("*.")) {
        host = host.substring(2);
      } else if (host.startsWith(".")) {
        host = host.substring(1);
      }
      if (host.endsWith(".")) {
        host = host.substring(0, host.length() - 1);
      }
      return new Entry(host, port, null, 0);
    }

    boolean matches(String name, int requestPort) {
      if (port != -1 && port != requestPort) {
        return false;
      }
      if (host.equals("*")) {
        return true;
      }
      if (network != null) {
        byte[] address = literal(name);
        return address != null && inNetwork(address);
      }
      return name.equals(host) || name.endsWith("." + host);
    }

    private boolean inNetwork(byte[] address) {
      if (address.length != network.length) {
        return false;
      }
      for (int bit = 0; bit < prefixBits; bit++) {
        int mask = 0x80 >> (bit % 8);
        if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
          return false;
        }
      }
      return true;
    }
  }

  /** Returns the bytes of an IP literal, or null when {@code text} is not one; never looks up. */
  private static byte @Nullable [] literal(String text) {
    if (!IPV4.matcher(text).matches() && text.indexOf(':') < 0) {
      return null;
    }
    try {
      return InetAddress.getByName(text).getAddress();
    } catch (UnknownHostException e) {
      return null;
    }
  }

  private static String unbracket(String host) {
    return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
  }
}
