package io.graphupload.storage;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.graphupload.core.Checkpoint;
import io.graphupload.core.spi.ResumeStore;
import io.graphupload.core.spi.ResumeStore.Lease;
import io.graphupload.storage.testing.ResumeStoreContract;
import io.graphupload.testing.RecordingLogs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.event.Level;

class FileResumeStoreTest extends ResumeStoreContract {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2024-05-01T10:15:00Z"), ZoneOffset.UTC);
  private static final String STAMP = "20240501T101500Z";

  @TempDir Path temp;
  private Path stateDirectory;
  private FileResumeStore store;
  private int storesCreated;

  @BeforeEach
  void createStore() {
    RecordingLogs.clear();
    stateDirectory = temp.resolve("state");
    store = FileResumeStore.create(stateDirectory, CLOCK);
  }

  @Override
  protected ResumeStore newStore() {
    return FileResumeStore.create(temp.resolve("contract-" + storesCreated++), CLOCK);
  }

  @Override
  protected ResumeStore reopen(ResumeStore store) {
    return FileResumeStore.create(((FileResumeStore) store).stateDirectory(), CLOCK);
  }

  @Override
  protected void simulateCrashBetweenWriteAndRename(ResumeStore store, Checkpoint checkpoint)
      throws IOException {
    FileResumeStore files = (FileResumeStore) store;
    files.createDirectories();
    Path target = files.checkpointFile(checkpoint.uploadId());
    DurableFiles.write(DurableFiles.temporaryFor(target), CheckpointJson.encode(checkpoint));
  }

  // ---- layout and format

  @Test
  void checkpointIsVersionedJsonInUploadsDirectory() throws IOException {
    Checkpoint checkpoint = checkpoint("upload-1", CREATED);

    store.save(checkpoint);

    Path file = stateDirectory.resolve("uploads").resolve("upload-1.json");
    String path = checkpoint.file().path().toString();
    assertThat(Files.readString(file))
        .isEqualTo(
            """
            {
              "version": 1,
              "uploadId": "upload-1",
              "target": "me/messages/AAMkAGI2TG93AAA%3D",
              "attachment": {
                "name": "q1.pdf",
                "size": 10485760,
                "contentType": "application/pdf",
                "inline": false
              },
              "file": {
                "path": "PATH",
                "size": 10485760,
                "lastModified": "2024-05-01T08:15:30.123456789Z",
                "sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
              },
              "uploadUrl": "https://outlook.office.com/api/v2.0/Users('a')/Messages('b')\
            /AttachmentSessions('c')?authtoken=eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.c2VjcmV0",
              "expiration": "2024-05-02T09:15:30.123456789Z",
              "acknowledgedOffset": 4194304,
              "createdAt": "2024-05-01T09:15:30.123456789Z",
              "updatedAt": "2024-05-01T09:17:00.123456789Z"
            }
            """
                .replace("PATH", path.replace("\\", "\\\\")));
    assertThat(directoryListing()).containsExactly("upload-1.json");
  }

  @Test
  void saveReplacesTheFileInsteadOfRewritingIt() throws IOException {
    Checkpoint first = checkpoint("upload", CREATED);
    store.save(first);
    Path file = checkpointPath("upload");
    Path link = temp.resolve("first-version.json");
    try {
      Files.createLink(link, file);
    } catch (UnsupportedOperationException | IOException e) {
      assumeTrue(false, "this file system cannot make hard links: " + e);
    }

    store.save(first.acknowledge(8 << 20, null, CREATED.plusSeconds(60)));

    // A save that rewrote the file in place would show through the link; a rename does not.
    assertThat(link).hasBinaryContent(CheckpointJson.encode(first));
    assertThat(store.load("upload").orElseThrow().acknowledgedOffset()).isEqualTo(8 << 20);
  }

  @Test
  void unknownFieldsOfKnownVersionAreIgnored() throws IOException {
    writeCheckpointFile(
        "upload", content("VALID+").replaceFirst("\\{", "{\"addedLater\": [1, {}],"));

    assertThat(store.load("upload")).contains(checkpoint("upload", CREATED));
    assertThat(RecordingLogs.messages(Level.WARN)).isEmpty();
  }

  @Test
  void readingCreatesNothing() throws IOException {
    assertThat(store.load("absent")).isEmpty();
    assertThat(store.list()).isEmpty();
    store.delete("absent");

    assertThat(stateDirectory).doesNotExist();
  }

  @SuppressWarnings("try") // the lease is held through the block, not used in it
  @Test
  void storesGivenOneDirectoryThroughALinkShareClaims() throws IOException {
    Files.createDirectories(stateDirectory);
    Path link = temp.resolve("link");
    try {
      Files.createSymbolicLink(link, stateDirectory);
    } catch (UnsupportedOperationException | IOException e) {
      assumeTrue(false, "this file system cannot make symbolic links: " + e);
    }
    FileResumeStore throughLink = FileResumeStore.create(link, CLOCK);

    try (Lease held = store.tryLock("upload").orElseThrow()) {
      assertThat(throughLink.tryLock("upload")).isEmpty();
    }
    throughLink.tryLock("upload").orElseThrow().close();
  }

  @SuppressWarnings("try") // the lease is held through the block, not used in it
  @Test
  void lockFileGoesWithItsCheckpoint() throws IOException {
    try (Lease lease = store.tryLock("upload").orElseThrow()) {
      store.save(checkpoint("upload", CREATED));
    }
    assertThat(directoryListing()).containsExactly("upload.json", "upload.lock");

    store.delete("upload");

    assertThat(directoryListing()).isEmpty();
  }

  @Test
  void lockFileOfUploadThatNeverSavedGoesWhenLeaseCloses() throws IOException {
    Lease lease = store.tryLock("upload").orElseThrow();
    assertThat(directoryListing()).containsExactly("upload.lock");

    lease.close();

    assertThat(directoryListing()).isEmpty();
  }

  @SuppressWarnings("try") // the lease is held through the block, not used in it
  @Test
  void lockFileStaysWhileItsLeaseIsHeldAcrossDelete() throws IOException {
    try (Lease lease = store.tryLock("upload").orElseThrow()) {
      store.save(checkpoint("upload", CREATED));
      store.delete("upload");
      assertThat(directoryListing()).containsExactly("upload.lock");
    }

    assertThat(directoryListing()).isEmpty();
  }

  // ---- permissions

  @SuppressWarnings("try") // the lease is held through the block, not used in it
  @Test
  void filesAndDirectoriesAreOwnerOnlyFromCreation() throws IOException {
    assumeTrue(OwnerOnly.isPosix(temp), "POSIX permissions only");
    Checkpoint checkpoint = checkpoint("upload", CREATED);

    store.save(checkpoint);
    Path uploads = stateDirectory.resolve("uploads");
    Path temporary = DurableFiles.temporaryFor(uploads.resolve("other.json"));
    DurableFiles.write(temporary, CheckpointJson.encode(checkpoint));

    try (Lease lease = store.tryLock("upload").orElseThrow()) {
      assertThat(permissions(stateDirectory)).isEqualTo("rwx------");
      assertThat(permissions(uploads)).isEqualTo("rwx------");
      assertThat(permissions(uploads.resolve("upload.json"))).isEqualTo("rw-------");
      assertThat(permissions(uploads.resolve("upload.lock"))).isEqualTo("rw-------");
      assertThat(permissions(temporary)).isEqualTo("rw-------");
    }
  }

  @Test
  void uploadsDirectoryOpenToOthersIsRestricted() throws IOException {
    assumeTrue(OwnerOnly.isPosix(temp), "POSIX permissions only");
    Path uploads = stateDirectory.resolve("uploads");
    Files.createDirectories(uploads);
    Files.setPosixFilePermissions(stateDirectory, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.setPosixFilePermissions(uploads, PosixFilePermissions.fromString("rwxr-xr-x"));

    store.save(checkpoint("upload", CREATED));

    assertThat(permissions(uploads)).isEqualTo("rwx------");
    // The state directory may be the user's own choice, shared with other things: left alone.
    assertThat(permissions(stateDirectory)).isEqualTo("rwxr-xr-x");
    assertThat(RecordingLogs.messages(Level.WARN))
        .containsExactly(
            "Directory "
                + uploads
                + " was open to other users (rwxr-xr-x); restricted it to its owner (rwx------),"
                + " since the checkpoints in it hold upload URLs, which are credentials");
  }

  // ---- unusable files

  @Test
  void corruptFileIsMovedAsideAndReported() throws IOException {
    Path file = writeCheckpointFile("broken", "{\"version\": 1, \"uploadId\": ");

    assertThat(store.load("broken")).isEmpty();

    Path aside = file.resolveSibling("broken.json.corrupt-" + STAMP);
    assertThat(file).doesNotExist();
    assertThat(aside).hasContent("{\"version\": 1, \"uploadId\": ");
    assertThat(RecordingLogs.messages(Level.WARN))
        .containsExactly(
            "Checkpoint file "
                + file
                + " is unusable: it is cut short: the JSON ends before it is complete. Moved it"
                + " to "
                + aside
                + ". Upload 'broken' cannot resume from it: start that upload again, and delete"
                + " the moved file once you no longer need it.");
  }

  @Test
  void listSkipsUnusableFilesAndReturnsTheRest() throws IOException {
    Checkpoint first = checkpoint("first", CREATED);
    Checkpoint second = checkpoint("second", CREATED.plusSeconds(1));
    store.save(second);
    store.save(first);
    writeCheckpointFile("empty", "");
    writeCheckpointFile("garbage", "\u0000\u0001 not json");

    assertThat(store.list()).containsExactly(first, second);

    assertThat(directoryListing())
        .containsExactly(
            "empty.json.corrupt-" + STAMP,
            "first.json",
            "garbage.json.corrupt-" + STAMP,
            "second.json");
    assertThat(RecordingLogs.messages(Level.WARN)).hasSize(2);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "|it is cut short: the JSON ends before it is complete",
        "[]|it is not shaped like a checkpoint: Expected BEGIN_OBJECT but was BEGIN_ARRAY at"
            + " path $",
        "{}|it has no format 'version'",
        "{\"version\": \"one\"}|it is not shaped like a checkpoint: Expected an int but was one at"
            + " path $.version",
        "{\"version\": 1}|it is not shaped like a checkpoint: Required value 'uploadId' missing"
            + " at path $",
        "VALID+ trailing|it is not well-formed JSON: bad syntax at path $",
        "VALID:acknowledgedOffset=\"many\"|it is not shaped like a checkpoint: Expected a long but"
            + " was many at path $.acknowledgedOffset",
        "VALID:acknowledgedOffset=99999999999|it holds an impossible value: Checkpoint upload has"
            + " acknowledged offset 99999999999 outside the file's 0..10485760 bytes",
        "VALID:createdAt=\"yesterday\"|it is not shaped like a checkpoint: Expected an ISO-8601"
            + " instant such as 2024-05-01T10:15:30Z but was 'yesterday' at path $.createdAt",
        "VALID:target=\"me/drive/items/1\"|it holds an impossible value: Not a known upload"
            + " target: 'me/drive/items/1'; expected me/messages/{id}, me/events/{id},"
            + " users/{user}/messages/{id} or users/{user}/events/{id}",
        "VALID:uploadId=\"another\"|it holds upload 'another', not 'upload'",
        "VALID:attachment={\"name\": \"a.pdf\"}|it is not shaped like a checkpoint: Required value"
            + " 'size' missing at path $.attachment",
      })
  void unusableContentIsSetAsideWithItsReason(String contentAndReason) throws IOException {
    String[] parts = contentAndReason.split("\\|", 2);
    Path file = writeCheckpointFile("upload", content(parts[0]));

    assertThat(store.load("upload")).isEmpty();

    assertThat(directoryListing()).containsExactly("upload.json.corrupt-" + STAMP);
    assertThat(RecordingLogs.messages(Level.WARN))
        .singleElement(as(STRING))
        .startsWith("Checkpoint file " + file + " is unusable: " + parts[1] + ". Moved it to ");
  }

  @Test
  void fileThatIsNotUtf8IsSetAside() throws IOException {
    Path file = checkpointPath("latin1");
    Files.createDirectories(file.getParent());
    Files.write(file, new byte[] {'{', '"', (byte) 0xE9, '"', '}'});

    assertThat(store.load("latin1")).isEmpty();

    assertThat(RecordingLogs.messages(Level.WARN))
        .singleElement(as(STRING))
        .startsWith("Checkpoint file " + file + " is unusable: it is not UTF-8 text. Moved it");
  }

  @Test
  void unknownVersionIsSetAsideWithHowToResume() throws IOException {
    String newer = "{\"version\": 2, \"uploadId\": {\"shape\": \"changed\"}}";
    Path file = writeCheckpointFile("future", newer);

    assertThat(store.list()).isEmpty();

    Path aside = file.resolveSibling("future.json.version-2-" + STAMP);
    assertThat(aside).hasContent(newer);
    assertThat(RecordingLogs.messages(Level.WARN))
        .containsExactly(
            "Checkpoint file "
                + file
                + " is not in a format this release reads: it has format version 2, and this"
                + " release reads 1. Moved it to "
                + aside
                + ". To resume upload 'future', rename it back to future.json and use the"
                + " graph-upload release that wrote it.");
  }

  @Test
  void settingAsideTwiceInOneSecondKeepsBothFiles() throws IOException {
    writeCheckpointFile("broken", "first");
    assertThat(store.load("broken")).isEmpty();
    writeCheckpointFile("broken", "second");

    assertThat(store.load("broken")).isEmpty();

    Path uploads = stateDirectory.resolve("uploads");
    assertThat(uploads.resolve("broken.json.corrupt-" + STAMP)).hasContent("first");
    assertThat(uploads.resolve("broken.json.corrupt-" + STAMP + "-2")).hasContent("second");
  }

  @Test
  void unreadableFileIsSetAside() throws IOException {
    assumeTrue(OwnerOnly.isPosix(temp), "POSIX permissions only");
    Path file = writeCheckpointFile("locked-out", "{}");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
    assumeTrue(!Files.isReadable(file), "permissions do not bind this user (root?)");

    assertThat(store.load("locked-out")).isEmpty();

    assertThat(RecordingLogs.messages(Level.WARN))
        .singleElement(as(STRING))
        .startsWith(
            "Checkpoint file " + file + " is unusable: it cannot be read: permission denied.");
  }

  @Test
  void warningsNeverShowTheUploadUrlsToken() throws IOException {
    String token = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9";
    String url = "https://outlook.office.com/api/AttachmentSessions('c')?authtoken=" + token;
    writeCheckpointFile("leaky", content("VALID:acknowledgedOffset=\"" + url + "\""));

    assertThat(store.load("leaky")).isEmpty();

    assertThat(RecordingLogs.lines()).isNotEmpty();
    assertThat(RecordingLogs.lines())
        .allSatisfy(e -> assertThat(e.message()).doesNotContain(token));
  }

  // ---- leftovers of interrupted saves

  @Test
  void leftoverTemporaryFileIsDeletedWhenStoreReopens() throws IOException {
    Checkpoint saved = checkpoint("upload", CREATED);
    store.save(saved);
    simulateCrashBetweenWriteAndRename(store, saved.acknowledge(8 << 20, null, CREATED));
    assertThat(directoryListing()).hasSize(2);

    FileResumeStore restarted = FileResumeStore.create(stateDirectory, CLOCK);

    assertThat(restarted.load("upload")).contains(saved);
    assertThat(directoryListing()).containsExactly("upload.json");
  }

  @Test
  void temporaryFilesOfLiveProcessesAreKeptAndOfEndedOnesDeleted() throws Exception {
    store.save(checkpoint("upload", CREATED));
    Path uploads = stateDirectory.resolve("uploads");
    long live = ProcessHandle.current().parent().orElseThrow().pid();
    Process ended = new ProcessBuilder(javaBinary(), "-version").start();
    ended.waitFor();
    Path ofLive = uploads.resolve("upload.json." + live + ".0123456789abcdef.tmp");
    Path ofEnded = uploads.resolve("upload.json." + ended.pid() + ".0123456789abcdef.tmp");
    Files.writeString(ofLive, "being written");
    Files.writeString(ofEnded, "abandoned");

    store.list();

    assertThat(ofLive).exists();
    assertThat(ofEnded).doesNotExist();
  }

  // ---- upload ids

  @ParameterizedTest
  @ValueSource(
      strings = {"../escape", "a/b", "a\\b", "", ".", "..", ".hidden", "with space", "naïve", "c:"})
  void idsThatAreNotPlainFileNamesAreRefused(String uploadId) {
    String message =
        "Upload id '"
            + uploadId
            + "' cannot name a checkpoint: use 1 to 128 characters from A-Z, a-z, 0-9, '.', '_'"
            + " and '-', not starting with '.'";

    assertThatThrownBy(() -> store.save(checkpoint(uploadId, CREATED))).hasMessage(message);
    assertThatThrownBy(() -> store.load(uploadId)).hasMessage(message);
    assertThatThrownBy(() -> store.delete(uploadId)).hasMessage(message);
    assertThatThrownBy(() -> store.tryLock(uploadId))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
    assertThat(temp.resolve("escape")).doesNotExist();
  }

  @Test
  void longestIdIsAcceptedAndOneLongerRefused() throws IOException {
    String longest = "a".repeat(128);
    Checkpoint checkpoint = checkpoint(longest, CREATED);

    store.save(checkpoint);

    assertThat(store.load(longest)).contains(checkpoint);
    assertThatThrownBy(() -> store.load(longest + "a"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  // ---- directories

  @Test
  void directoryThatCannotBeCreatedGivesActionableError() throws IOException {
    Files.writeString(stateDirectory, "a file, not a directory");

    assertThatThrownBy(() -> store.save(checkpoint("upload", CREATED)))
        .isInstanceOf(IOException.class)
        .hasMessage(
            "Cannot create the checkpoint directory "
                + stateDirectory.resolve("uploads")
                + ": a file is in the way. Fix its permissions, or choose another directory"
                + " with the 'state-dir' setting.");
  }

  @Test
  void defaultStateDirectoryFollowsXdgStateHome() {
    assertThat(FileResumeStore.defaultStateDirectory(Map.of(), "/home/ada"))
        .isEqualTo(Path.of("/home/ada/.local/state/graph-upload"));
    assertThat(
            FileResumeStore.defaultStateDirectory(
                Map.of("XDG_STATE_HOME", temp.toString()), "/home/ada"))
        .isEqualTo(temp.resolve("graph-upload"));
    // The XDG spec says a relative value is invalid and is to be ignored.
    assertThat(
            FileResumeStore.defaultStateDirectory(Map.of("XDG_STATE_HOME", "state"), "/home/ada"))
        .isEqualTo(Path.of("/home/ada/.local/state/graph-upload"));
  }

  // ---- helpers

  private Path checkpointPath(String uploadId) {
    return stateDirectory.resolve("uploads").resolve(uploadId + ".json");
  }

  private Path writeCheckpointFile(String uploadId, String content) throws IOException {
    Path file = checkpointPath(uploadId);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content, UTF_8);
    return file;
  }

  /**
   * Returns {@code spec} itself; for {@code VALID:name=json} a valid checkpoint of upload {@code
   * upload} whose top-level field {@code name} has been given the raw JSON value {@code json}; for
   * {@code VALID+text} that valid checkpoint followed by {@code text}.
   */
  private static String content(String spec) {
    String valid = new String(CheckpointJson.encode(checkpoint("upload", CREATED)), UTF_8);
    if (spec.startsWith("VALID+")) {
      return valid + spec.substring("VALID+".length());
    }
    if (!spec.startsWith("VALID:")) {
      return spec;
    }
    String[] change = spec.substring("VALID:".length()).split("=", 2);
    return valid.replaceFirst(
        "\"" + change[0] + "\": (\"[^\"]*\"|\\d+|\\{[^}]*\\})",
        Matcher.quoteReplacement("\"" + change[0] + "\": " + change[1]));
  }

  private List<String> directoryListing() throws IOException {
    try (Stream<Path> files = Files.list(stateDirectory.resolve("uploads"))) {
      return files.map(file -> file.getFileName().toString()).sorted().toList();
    }
  }

  private static String permissions(Path path) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }

  static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
