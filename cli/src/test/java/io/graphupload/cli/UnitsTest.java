package io.graphupload.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.graphupload.core.UploadException.Category;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sizes, endpoints and exit codes: the small rules the commands rely on. */
class UnitsTest {
  @Test
  void sizesTakeBinarySuffixes() {
    assertThat(ByteSize.parse("512K")).isEqualTo(512 * 1024);
    assertThat(ByteSize.parse("1M")).isEqualTo(1024 * 1024);
    assertThat(ByteSize.parse("4 MiB")).isEqualTo(4 * 1024 * 1024);
    assertThat(ByteSize.parse("1g")).isEqualTo(1024L * 1024 * 1024);
    assertThat(ByteSize.parse("327680")).isEqualTo(327_680);
  }

  @Test
  void zeroOrWordsAreNotSizes() {
    assertThatThrownBy(() -> ByteSize.parse("0"))
        .hasMessage("The size must be more than 0 bytes, got '0'");
    assertThatThrownBy(() -> ByteSize.parse("1T"))
        .hasMessage("'1T' is not a size; write bytes, or a number with K, M or G, such as 512K");
  }

  @Test
  void sizesPrintWithOneDecimal() {
    assertThat(ByteSize.format(100)).isEqualTo("100 B");
    assertThat(ByteSize.format(41_943_040)).isEqualTo("40.0 MiB");
    assertThat(ByteSize.format(100_000)).isEqualTo("97.7 KiB");
  }

  @Test
  void loopbackEndpointsMayUsePlainHttp() {
    assertThat(Endpoints.parse("http://127.0.0.1:8080"))
        .isEqualTo(URI.create("http://127.0.0.1:8080"));
    assertThat(Endpoints.parse("http://localhost:1")).isEqualTo(URI.create("http://localhost:1"));
    assertThat(Endpoints.parse("http://[::1]:8080")).isEqualTo(URI.create("http://[::1]:8080"));
    assertThat(Endpoints.parse("https://graph.microsoft.com"))
        .isEqualTo(URI.create("https://graph.microsoft.com"));
  }

  @Test
  void endpointsWithSecretsOrQueriesAreRefusedWithoutShowingThem() {
    assertThatThrownBy(() -> Endpoints.parse("https://graph.microsoft.com/?token=abc"))
        .hasMessage(
            "'https://graph.microsoft.com/?token=REDACTED' must have no user, query or fragment;"
                + " give the Graph root only");
    assertThatThrownBy(() -> Endpoints.parse("ftp://example.com"))
        .hasMessage(
            "'ftp://example.com' is not an http(s) URL; give a root such as"
                + " https://graph.microsoft.com");
  }

  @Test
  void failureCategoriesMapToTheirExitCodes() {
    assertThat(ExitCode.of(Category.PERMANENT).code()).isEqualTo(1);
    assertThat(ExitCode.of(Category.INVALID_INPUT).code()).isEqualTo(3);
    assertThat(ExitCode.of(Category.AUTHENTICATION).code()).isEqualTo(4);
    assertThat(ExitCode.of(Category.TRANSIENT).code()).isEqualTo(75);
    assertThat(ExitCode.of(Category.CANCELLED).code()).isEqualTo(130);
  }

  @Test
  void mixedFailuresExitWithTheOneThatNeedsAPerson() {
    assertThat(ExitCode.worst(List.of()).code()).isZero();
    assertThat(ExitCode.worst(List.of(Category.TRANSIENT, Category.PERMANENT)).code()).isEqualTo(1);
    assertThat(ExitCode.worst(List.of(Category.TRANSIENT, Category.AUTHENTICATION)).code())
        .isEqualTo(4);
    assertThat(ExitCode.worst(List.of(Category.TRANSIENT, Category.TRANSIENT)).code())
        .isEqualTo(75);
  }
}
