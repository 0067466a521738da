package io.graphupload.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmulatorExtensionTest {
  @RegisterExtension
  static final EmulatorExtension GRAPH = new EmulatorExtension(b -> b.statusQueries(false));

  private static Path firstDataDirectory;
  private Emulator injectedBeforeEach;

  @BeforeEach
  void capture(Emulator emulator) {
    injectedBeforeEach = emulator;
  }

  @Test
  @Order(1)
  void injectsOneStartedEmulatorPerTest(Emulator emulator) {
    firstDataDirectory = emulator.dataDirectory();
    emulator.mailboxes().me().createDraft("left behind");

    assertThat(emulator).isSameAs(injectedBeforeEach);
    assertThat(emulator.baseUri().toString()).startsWith("http://127.0.0.1:");
    assertThat(new GraphHttp(emulator).graph("GET", "/me/messages", null).status()).isEqualTo(200);
  }

  @Test
  @Order(2)
  void nextTestGetsAFreshEmulatorAndTheLastOneIsGone(Emulator emulator) {
    assertThat(emulator.mailboxes().me().drafts()).isEmpty();
    assertThat(emulator.dataDirectory()).isNotEqualTo(firstDataDirectory);
    assertThat(Files.exists(firstDataDirectory)).isFalse();
  }

  @Test
  @Order(3)
  void configurationAppliesToEachEmulator(Emulator emulator) {
    GraphHttp http = new GraphHttp(emulator);
    String url = http.createSession(http.createDraft(), "a.bin", 3 * GraphHttp.MIB);

    assertThat(http.send("GET", url, (byte[]) null, java.util.Map.of()).status()).isEqualTo(405);
  }

  @AfterAll
  static void nothingLeaks() {
    assertThat(Files.exists(firstDataDirectory)).isFalse();
  }
}
