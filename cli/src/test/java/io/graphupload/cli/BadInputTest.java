package io.graphupload.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.graphupload.emulator.Emulator;
import io.graphupload.emulator.EmulatorExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of bad input: its exact sentence on stderr, its exit code, and no request sent. */
class BadInputTest {
  @RegisterExtension static EmulatorExtension graph = new EmulatorExtension();

  @TempDir Path home;
  Emulator emulator;
  TestCli cli;
  String draft;

  @BeforeEach
  void setUp(Emulator emulator) {
    this.emulator = emulator;
    cli = new TestCli(home);
    cli.environment.put("GRAPH_UPLOAD_ENDPOINT", emulator.baseUri().toString());
    cli.environment.put("GRAPH_UPLOAD_TOKEN", "test-token");
    draft = emulator.mailboxes().me().createDraft("bad input");
  }

  @AfterEach
  void nothingReachedTheService() {
    assertThat(emulator.mailboxes().me().attachments(draft)).isEmpty();
  }

  @Test
  void missingFileExitsThreeNamingIt() {
    Path missing = home.resolve("missing.pdf");

    TestCli.Result result = cli.run("attach", missing.toString(), "--message", draft);

    assertThat(result.code()).isEqualTo(3);
    assertThat(result.err()).isEqualTo(missing + " does not exist; check the path.\n");
    assertThat(result.out()).isEmpty();
    assertThat(emulator.requests()).isEmpty();
  }

  @Test
  void emptyFileExitsThree() throws IOException {
    Path empty = Files.createFile(home.resolve("empty.txt"));

    TestCli.Result result = cli.run("attach", empty.toString(), "--message", draft);

    assertThat(result.code()).isEqualTo(3);
    assertThat(result.err())
        .isEqualTo(empty + " is empty; Outlook does not take empty attachments.\n");
    assertThat(emulator.requests()).isEmpty();
  }

  @Test
  void fileOverOutlooksLimitExitsThree() throws IOException {
    Path huge = TestFiles.sparse(home.resolve("huge.iso"), 150L * 1024 * 1024 + 1);

    TestCli.Result result = cli.run("attach", huge.toString(), "--message", draft);

    assertThat(result.code()).isEqualTo(3);
    assertThat(result.err())
        .isEqualTo(
            huge
                + " is 157286401 bytes, over the 157286400 bytes (150 MiB) a message "
                + draft
                + " in me takes as an attachment; share it through OneDrive and send a link"
                + " instead.\n");
    assertThat(emulator.requests()).isEmpty();
  }

  @Test
  void directoryExitsThree() {
    TestCli.Result result = cli.run("attach", home.toString(), "--message", draft);

    assertThat(result.code()).isEqualTo(3);
    assertThat(result.err()).isEqualTo(home + " is a directory; give the path of a file.\n");
  }

  @Test
  void oneBadFileAmongGoodOnesUploadsNothing() throws IOException {
    Path good = TestFiles.random(home.resolve("good.txt"), 1000, 1);
    Path missing = home.resolve("typo.txt");

    TestCli.Result result =
        cli.run("attach", good.toString(), missing.toString(), "--message", draft);

    assertThat(result.code()).isEqualTo(3);
    assertThat(result.errLines())
        .containsExactly(
            missing + " does not exist; check the path.",
            "Nothing was uploaded, because 1 of 2 files could not be; fix that and run the"
                + " command again.");
    assertThat(emulator.requests()).isEmpty();
  }

  @Test
  void sameFileTwiceExitsThree() throws IOException {
    Path file = TestFiles.random(home.resolve("twice.txt"), 1000, 2);

    TestCli.Result result =
        cli.run("attach", file.toString(), file.toString(), "--message", draft, "-q");

    assertThat(result.code()).isEqualTo(3);
    assertThat(result.err()).isEqualTo(file + " is given twice; give each once.\n");
  }

  @Test
  void unknownOptionExitsTwo() {
    TestCli.Result result = cli.run("attach", "x.txt", "--message", draft, "--bogus");

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err())
        .isEqualTo("Unknown option: '--bogus'\nRun 'graph-upload attach --help' for usage.\n");
  }

  @Test
  void missingTargetExitsTwo() {
    TestCli.Result result = cli.run("attach", "x.txt");

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err())
        .isEqualTo(
            "Error: Missing required argument (specify one of these): (--message=ID | --event=ID)\n"
                + "Run 'graph-upload attach --help' for usage.\n");
  }

  @Test
  void messageAndEventTogetherExitTwo() {
    TestCli.Result result = cli.run("attach", "x.txt", "--message", "a", "--event", "b");

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err())
        .isEqualTo(
            "Error: --message=ID, --event=ID are mutually exclusive (specify only one)\n"
                + "Run 'graph-upload attach --help' for usage.\n");
  }

  @Test
  void inlineWithoutContentIdExitsTwo() {
    TestCli.Result result = cli.run("attach", "x.png", "--message", draft, "--inline");

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err())
        .isEqualTo(
            "--inline needs --content-id CID, the name the message body uses in"
                + " <img src=\"cid:CID\">.\nRun 'graph-upload attach --help' for usage.\n");
  }

  @Test
  void parallelOverOutlooksLimitExitsTwo() {
    TestCli.Result result = cli.run("attach", "x.png", "--message", draft, "--parallel", "5");

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.errLines().get(0))
        .isEqualTo(
            "--parallel must be from 1 to 4, Outlook's limit of requests at once per mailbox;"
                + " got 5.");
  }

  @Test
  void plainHttpToAnotherMachineExitsTwo() {
    TestCli.Result result =
        cli.run("--endpoint", "http://graph.example.com", "attach", "x", "--message", draft);

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err())
        .isEqualTo(
            "Invalid value for option '--endpoint': plain http is allowed only to this machine"
                + " (localhost, 127.0.0.1 or [::1]), not to graph.example.com; use https\n"
                + "Run 'graph-upload --help' for usage.\n");
  }

  @Test
  void badChunkSizeInTheEnvironmentExitsTwoNamingTheVariable() throws IOException {
    Path file = TestFiles.random(home.resolve("a.txt"), 10, 3);
    cli.environment.put("GRAPH_UPLOAD_CHUNK_SIZE", "lots");

    TestCli.Result result = cli.run("attach", file.toString(), "--message", draft);

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err())
        .isEqualTo(
            "Invalid value for GRAPH_UPLOAD_CHUNK_SIZE: 'lots' is not a size; write bytes, or a"
                + " number with K, M or G, such as 512K.\n"
                + "Run 'graph-upload attach --help' for usage.\n");
  }

  @Test
  void missingTokenExitsFour() throws IOException {
    Path file = TestFiles.random(home.resolve("big.bin"), 3_100_000, 4);
    cli.environment.remove("GRAPH_UPLOAD_TOKEN");

    TestCli.Result result = cli.run("attach", file.toString(), "--message", draft);

    assertThat(result.code()).isEqualTo(4);
    assertThat(result.err())
        .isEqualTo(
            "No access token for Microsoft Graph: pass one with --token or GRAPH_UPLOAD_TOKEN, or"
                + " sign in with your app registration: set GRAPH_UPLOAD_CLIENT_ID (and"
                + " GRAPH_UPLOAD_TENANT_ID), then run graph-upload login. The README's Sign in"
                + " section says how to register the app.\n");
  }

  @Test
  void unknownMessageExitsOneWithTheServicesCode() throws IOException {
    Path file = TestFiles.random(home.resolve("big.bin"), 3_100_000, 5);

    TestCli.Result result =
        cli.run("attach", file.toString(), "--message", "AAMkNoSuchDraft", "--json");

    assertThat(result.code()).isEqualTo(1);
    assertThat(result.outLines()).hasSize(1);
    assertThat(result.out())
        .startsWith("{\"event\":\"failed\",\"uploadId\":\"")
        .contains("\"error\":{\"code\":\"ErrorItemNotFound\",\"message\":\"Graph found no message")
        .contains("\"category\":\"permanent\",\"httpStatus\":404,\"retryable\":false}}");
    assertThat(result.errLines()).hasSize(1);
  }
}
