package io.graphupload.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HelpTest {
  @TempDir Path home;

  @Test
  void helpListsEveryExitCode() {
    TestCli.Result result = new TestCli(home).run("--help");

    assertThat(result.code()).isZero();
    assertThat(result.out())
        .contains("Exit codes:")
        .contains("    0   all done")
        .contains("    2   a usage error: a bad option, argument or setting")
        .contains("    3   invalid input:")
        .contains("    4   authentication or permission:")
        .contains("   75   a temporary failure:")
        .contains("  130   cancelled or interrupted (Ctrl-C)");
  }

  @Test
  void everyCommandHasHelpWithAnExample() {
    for (String command :
        new String[] {
          "attach",
          "send",
          "resume",
          "status",
          "cancel",
          "login",
          "logout",
          "whoami",
          "emulator",
          "demo"
        }) {
      TestCli.Result result = new TestCli(home).run(command, "--help");

      assertThat(result.code()).isZero();
      assertThat(result.out()).contains("Example: graph-upload " + command).contains("Exit codes:");
    }
  }

  @Test
  void versionNamesTheBuild() {
    TestCli.Result result = new TestCli(home).run("--version");

    assertThat(result.code()).isZero();
    assertThat(result.outLines().get(0)).matches("graph-upload \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
  }

  @Test
  void noCommandShowsUsageAndExitsTwo() {
    TestCli.Result result = new TestCli(home).run();

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).startsWith("Usage: graph-upload");
  }

  @Test
  void quietAndVerboseTogetherExitTwo() {
    TestCli.Result result = new TestCli(home).run("status", "-q", "-v");

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err())
        .isEqualTo(
            "--quiet and --verbose contradict each other; choose one.\n"
                + "Run 'graph-upload status --help' for usage.\n");
  }

  @Test
  void optionsWorkBeforeAndAfterTheCommand() {
    TestCli cli = new TestCli(home);

    TestCli.Result before = cli.run("--json", "status");
    TestCli.Result after = cli.run("status", "--json");

    assertThat(before.out()).isEmpty();
    assertThat(after.out()).isEmpty();
    assertThat(cli.run("status").out()).isEqualTo("No pending uploads.\n");
  }
}
