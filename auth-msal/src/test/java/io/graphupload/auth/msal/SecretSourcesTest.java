package io.graphupload.auth.msal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.graphupload.testing.RecordingLogs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.event.Level;

class SecretSourcesTest {
  @TempDir Path directory;

  @BeforeEach
  void forgetLogs() {
    RecordingLogs.clear();
  }

  @Test
  void plainSecretOnCommandLineIsWarnedAbout() {
    boolean warned =
        SecretSources.warnIfFromCommandLine(
            "--client-secret", "GRAPH_UPLOAD_CLIENT_SECRET", "Qx8Q~plain");

    assertThat(warned).isTrue();
    assertThat(RecordingLogs.lines())
        .filteredOn(line -> line.level() == Level.WARN)
        .extracting(RecordingLogs.Line::text)
        .containsExactly(
            "The secret given with --client-secret is visible in your shell history and, while"
                + " graph-upload runs, to other users of this machine. Set"
                + " GRAPH_UPLOAD_CLIENT_SECRET instead, or write the secret to an owner-only file"
                + " and pass --client-secret @path/to/file.");
  }

  @Test
  void fileReferenceOnCommandLineIsFine() {
    assertThat(
            SecretSources.commandLineWarning(
                "--client-secret", "GRAPH_UPLOAD_CLIENT_SECRET", "@/run/secrets/app"))
        .isEmpty();
    assertThat(RecordingLogs.lines()).isEmpty();
  }

  @Test
  void atFileIsReadWithoutItsLineBreak() throws Exception {
    Path file = Files.writeString(directory.resolve("secret"), "value-1\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

    assertThat(SecretSources.resolve("@" + file, "setting 'client-secret'")).isEqualTo("value-1");
    assertThat(RecordingLogs.lines()).isEmpty();
  }

  @Test
  void secretFileOthersCanReadIsWarnedAbout() throws Exception {
    Path file = Files.writeString(directory.resolve("secret"), "value-1");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

    SecretSources.read(file, "setting 'client-secret-file'");

    assertThat(RecordingLogs.lines())
        .extracting(RecordingLogs.Line::text)
        .containsExactly(
            "The secret file "
                + file
                + " can be read by other users (rw-r--r--); restrict it with: chmod 600 "
                + file);
  }

  @Test
  void missingOrEmptySecretFileIsNamed() throws Exception {
    Path missing = directory.resolve("absent");
    Path empty = Files.writeString(directory.resolve("empty"), "\n");

    assertThatThrownBy(() -> SecretSources.resolve("@" + missing, "setting 'client-secret'"))
        .hasMessage("The file " + missing + " given for setting 'client-secret' does not exist.");
    assertThatThrownBy(() -> SecretSources.read(empty, "setting 'client-secret-file'"))
        .hasMessage(
            "The file "
                + empty
                + " given for setting 'client-secret-file' is empty; write the secret into it.");
  }
}
