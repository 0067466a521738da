package io.graphupload.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {
  @TempDir Path home;

  @Test
  void demoUploadsFortyMebibytesAndTheStoredHashMatches() {
    TestCli cli = new TestCli(home);

    TestCli.Result result = cli.run("demo");

    List<String> out = result.outLines();
    assertThat(result.code()).isZero();
    assertThat(out).hasSize(5);
    String attachmentId = out.get(1).substring("Attachment id:              ".length());
    String local = out.get(2).substring("SHA-256 of the local file:  ".length());
    assertThat(out.get(0))
        .isEqualTo("Attached graph-upload-demo.bin (40.0 MiB) as " + attachmentId);
    assertThat(out.get(1)).startsWith("Attachment id:              AAMk");
    assertThat(local).matches("[0-9a-f]{64}");
    assertThat(out.get(3)).isEqualTo("SHA-256 the emulator kept:  " + local);
    assertThat(out.get(4))
        .isEqualTo("They match: the emulator stored exactly the bytes of the file.");
    assertThat(result.errLines().get(0))
        .matches(
            "Started a Graph emulator at http://127\\.0\\.0\\.1:\\d+, in this process: nothing"
                + " leaves this machine\\.");
    assertThat(result.errLines())
        .last()
        .isEqualTo("Stopped the emulator and deleted the demo's files.");
    assertThat(cli.hooks.registered()).isEmpty();
  }

  @Test
  void demoFileIsTheSameOnEveryRun() throws Exception {
    String first = DemoFile.write(home.resolve("one.bin"), 3_000_001);
    String second = DemoFile.write(home.resolve("two.bin"), 3_000_001);

    assertThat(first).isEqualTo(second).isEqualTo(TestFiles.sha256(home.resolve("one.bin")));
  }
}
