package io.graphupload.transport.retrofit;

import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.graphupload.core.spi.AccessTokenSource;
import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;

/** What the transport's tests share: a WireMock server, a transport for it, and test files. */
final class Fixtures {
  /** An Outlook-like upload URL path, with the quotes, parentheses and @ that Outlook uses. */
  static final String SESSION_PATH =
      "/api/v2.0/Users('a@b')/Messages('AAMk=')/AttachmentSessions('x')?authtoken=eyJ.a-b_c";

  private Fixtures() {}

  static WireMockExtension wireMock() {
    return WireMockExtension.newInstance()
        .options(WireMockConfiguration.wireMockConfig().dynamicPort().gzipDisabled(true))
        .build();
  }

  /** Returns a transport for {@code server}, ignoring the machine's proxy settings. */
  static RetrofitTransport.Builder builder(WireMockExtension server, AccessTokenSource tokens) {
    return RetrofitTransport.builder()
        .graphEndpoint(URI.create(server.baseUrl()))
        .tokens(tokens)
        .environment(Map.of())
        .jvmProxySelector(null)
        .readTimeout(Duration.ofSeconds(10));
  }

  static RetrofitTransport transport(WireMockExtension server) {
    return builder(server, new RecordingTokenSource("token-1")).build();
  }

  static String uploadUrl(WireMockExtension server) {
    return server.baseUrl() + SESSION_PATH;
  }

  /** Returns {@code size} bytes that differ from one position to the next, always the same. */
  static byte[] content(int size) {
    byte[] bytes = new byte[size];
    new Random(size).nextBytes(bytes);
    return bytes;
  }

  static Path file(Path dir, byte[] content) throws IOException {
    return Files.write(dir.resolve("file-" + content.length + ".bin"), content);
  }

  static FileChannel open(Path file) throws IOException {
    return FileChannel.open(file, StandardOpenOption.READ);
  }

  static byte[] slice(byte[] content, long start, long length) {
    return Arrays.copyOfRange(content, (int) start, (int) (start + length));
  }
}
