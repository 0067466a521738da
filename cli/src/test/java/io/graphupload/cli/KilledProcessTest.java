package io.graphupload.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.graphupload.emulator.AttachmentInfo;
import io.graphupload.emulator.Emulator;
import io.graphupload.emulator.EmulatorExtension;
import io.graphupload.emulator.FaultRule;
import io.graphupload.emulator.RangeReport;
import io.graphupload.emulator.RequestKind;
import io.graphupload.emulator.SessionReport;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills {@code attach} in a real child JVM with SIGKILL part-way through an upload, then resumes it
 * here and checks, through the emulator's report, that the stored bytes are exact and that at most
 * one range went twice.
 */
class KilledProcessTest {
  static final int SIZE = 60 * 1024 * 1024;

  // 60 MiB is over Exchange Online's default 35 MB message limit; an administrator can raise it.
  @RegisterExtension
  static EmulatorExtension graph =
      new EmulatorExtension(builder -> builder.messageSizeLimit(157_286_400L));

  @TempDir Path home;

  @Test
  void killedAttachResumesWithExactBytesAndAtMostOneRangeSentTwice(Emulator emulator)
      throws Exception {
    Path file = TestFiles.random(home.resolve("video.mp4"), SIZE, 60);
    Path state = home.resolve("state");
    String draft = emulator.mailboxes().me().createDraft("killed");
    // Each range takes a while to be answered, so that the kill lands mid-upload.
    emulator.faults().add(FaultRule.on(RequestKind.UPLOAD_PUT).latency(Duration.ofMillis(300)));

    Process child = startAttach(emulator, state, file, draft);
    List<String> seen;
    try {
      seen = readUntilProgress(child, 2);
    } finally {
      child.destroyForcibly();
    }
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(emulator.awaitIdle(Duration.ofSeconds(60))).isTrue();
    SessionReport killed = emulator.latestSession();
    emulator.faults().clear();

    TestCli cli = new TestCli(home);
    cli.environment.put("GRAPH_UPLOAD_ENDPOINT", emulator.baseUri().toString());
    cli.environment.put("GRAPH_UPLOAD_TOKEN", "test-token");
    TestCli.Result resumed = cli.run("--state-dir", state.toString(), "resume", "--all", "-q");

    SessionReport session = emulator.latestSession();
    AttachmentInfo stored = emulator.mailboxes().me().attachments(draft).get(0);
    assertThat(seen).as("progress before the kill").hasSizeGreaterThanOrEqualTo(2);
    assertThat(killed.bytesStored()).isLessThan(SIZE);
    assertThat(resumed.code()).as(resumed.err()).isZero();
    assertThat(emulator.sessions()).hasSize(1);
    assertThat(session.sha256()).isEqualTo(TestFiles.sha256(file));
    assertThat(stored.sha256()).isEqualTo(TestFiles.sha256(file));
    assertThat(stored.size()).isEqualTo(SIZE);
    assertThat(rangesSentMoreThanOnce(session)).hasSizeLessThanOrEqualTo(1);
    assertThat(session.bytesResent()).isLessThanOrEqualTo(4L * 1024 * 1024);
    assertThat(session.violations()).isEmpty();
  }

  private Process startAttach(Emulator emulator, Path state, Path file, String draft)
      throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command =
        List.of(
            java.toString(),
            "-XX:TieredStopAtLevel=1",
            "-cp",
            System.getProperty("java.class.path"),
            Main.class.getName(),
            "--endpoint",
            emulator.baseUri().toString(),
            "--state-dir",
            state.toString(),
            "--json",
            "attach",
            file.toString(),
            "--message",
            draft);
    ProcessBuilder builder = new ProcessBuilder(command);
    Map<String, String> environment = builder.environment();
    environment.keySet().removeIf(name -> name.startsWith("GRAPH_UPLOAD_"));
    environment.put("GRAPH_UPLOAD_TOKEN", "test-token");
    environment.put("XDG_CONFIG_HOME", home.resolve("config").toString());
    builder.redirectError(Files.createFile(home.resolve("child-stderr.txt")).toFile());
    return builder.start();
  }

  /** Reads the child's JSON lines until {@code count} ranges were acknowledged; returns those. */
  private static List<String> readUntilProgress(Process child, int count) throws IOException {
    List<String> progress = new ArrayList<>();
    BufferedReader lines =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
    String line;
    while (progress.size() < count && (line = lines.readLine()) != null) {
      if (line.startsWith("{\"event\":\"progress\"")) {
        progress.add(line);
      }
    }
    return progress;
  }

  private static List<Long> rangesSentMoreThanOnce(SessionReport session) {
    return session.ranges().stream()
        .collect(Collectors.groupingBy(RangeReport::start, Collectors.counting()))
        .entrySet()
        .stream()
        .filter(entry -> entry.getValue() > 1)
        .map(Map.Entry::getKey)
        .collect(Collectors.toList());
  }
}
