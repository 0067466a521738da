package io.graphupload.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

  @Test
  void optionsConfigureTheEmulator(@TempDir Path directory) throws Exception {
    Path faults = directory.resolve("faults.json");
    Files.writeString(
        faults, "[{\"request\": \"uploadPut\", \"fault\": \"status\", \"status\": 503}]");

    EmulatorBuilder builder =
        Main.parse(
            new String[] {
              "--port",
              "0",
              "--data-dir",
              directory.resolve("data").toString(),
              "--message-size-limit",
              "5000000",
              "--no-status-queries",
              "--faults",
              faults.toString(),
              "--user",
              "alex@contoso.com"
            },
            System.out);

    try (Emulator emulator = builder.build().start()) {
      assertThat(emulator.dataDirectory()).isEqualTo(directory.resolve("data"));
      assertThat(emulator.faults().list())
          .singleElement()
          .satisfies(rule -> assertThat(rule.status()).isEqualTo(503));
      assertThat(emulator.mailboxes().user("alex@contoso.com").userPrincipalName())
          .isEqualTo("alex@contoso.com");
      GraphHttp http = new GraphHttp(emulator);
      String url = http.createSession(http.createDraft(), "a.bin", 3 * GraphHttp.MIB);
      assertThat(http.send("GET", url, (byte[]) null, java.util.Map.of()).status()).isEqualTo(405);
    }
  }

  @Test
  void helpPrintsUsage() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    EmulatorBuilder builder =
        Main.parse(new String[] {"--help"}, new PrintStream(out, true, StandardCharsets.UTF_8));

    assertThat(builder).isNull();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .startsWith("Usage: java -jar graph-upload-emulator.jar [options]")
        .contains("--no-status-queries");
  }

  @Test
  void badOptionsAreNamed() {
    assertThatThrownBy(() -> Main.parse(new String[] {"--prot", "1"}, System.out))
        .hasMessage("Unknown option '--prot'");
    assertThatThrownBy(() -> Main.parse(new String[] {"--port", "eighty"}, System.out))
        .hasMessage("--port takes a whole number, not 'eighty'");
    assertThatThrownBy(() -> Main.parse(new String[] {"--port"}, System.out))
        .hasMessage("--port needs a value");
    assertThatThrownBy(
            () -> Main.parse(new String[] {"--message-size-limit", "200000000"}, System.out))
        .hasMessageContaining("Exchange Online allows at most 150 MB");
  }
}
