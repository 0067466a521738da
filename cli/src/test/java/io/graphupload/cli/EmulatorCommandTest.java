package io.graphupload.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.graphupload.emulator.Emulator;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmulatorCommandTest {
  @TempDir Path home;

  @Test
  void emulatorServesAttachUntilInterrupted() throws Exception {
    TestCli server = new TestCli(home);
    CompletableFuture<TestCli.Result> running =
        CompletableFuture.supplyAsync(
            () ->
                server.run(
                    "emulator", "--port", "0", "--data-dir", home.resolve("data").toString()));
    assertThat(server.hooks.awaitFirst(30)).isTrue();
    assertThat(server.out.awaitText("Stop it with Ctrl-C.", 30)).isTrue();
    String instructions = server.out.toString();

    Matcher attach =
        Pattern.compile("graph-upload --endpoint (\\S+) --token any attach FILE --message (\\S+)")
            .matcher(instructions);
    assertThat(attach.find()).as(instructions).isTrue();
    TestCli client = new TestCli(home.resolve("client"));
    Path file = TestFiles.random(home.resolve("slides.pdf"), 4_000_000, 7);
    TestCli.Result attached =
        client.run(
            "--endpoint",
            attach.group(1),
            "--token",
            "any",
            "attach",
            file.toString(),
            "--message",
            attach.group(2),
            "-q");
    server.hooks.interrupt();
    TestCli.Result stopped = running.get(30, TimeUnit.SECONDS);

    assertThat(attached.code()).isZero();
    assertThat(attached.out()).startsWith("AAMk");
    assertThat(stopped.code()).isZero();
    assertThat(stopped.err()).isEqualTo("Stopped the emulator.\n");
    assertThat(stopped.outLines())
        .hasSize(6)
        .startsWith(
            "Graph emulator at " + attach.group(1) + " (data in " + home.resolve("data") + ").");
  }

  @Test
  void busyPortExitsOneSayingWhatToDo() {
    try (Emulator other = Emulator.builder().port(0).build().start()) {
      TestCli.Result result =
          new TestCli(home).run("emulator", "--port", String.valueOf(other.port()));

      assertThat(result.code()).isEqualTo(1);
      assertThat(result.err())
          .matches("Cannot start the emulator \\(.+\\); choose another port, or 0\\.\n");
    }
  }
}
