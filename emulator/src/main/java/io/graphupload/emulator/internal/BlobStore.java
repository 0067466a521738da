package io.graphupload.emulator.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/** Files in the data directory: partial uploads in sessions/, finished content in files/. */
final class BlobStore {
  private final Path sessions;
  private final Path files;

  BlobStore(Path root) throws IOException {
    this.sessions = Files.createDirectories(root.resolve("sessions"));
    this.files = Files.createDirectories(root.resolve("files"));
  }

  Path newPartFile() {
    try {
      return Files.createFile(sessions.resolve(UUID.randomUUID() + ".part"));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create a session file in " + sessions, e);
    }
  }

  /** Moves a finished upload among the stored files. */
  Path promote(Path part) throws IOException {
    Path target = files.resolve(UUID.randomUUID() + ".bin");
    return Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
  }

  Path store(byte[] content) throws IOException {
    return Files.write(files.resolve(UUID.randomUUID() + ".bin"), content);
  }

  /** Deletes every stored file and partial upload. */
  void clear() {
    for (Path directory : new Path[] {sessions, files}) {
      try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
        entries.forEach(this::delete);
      } catch (IOException e) {
        // What cannot be listed now is removed with the directory on close.
      }
    }
  }

  void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // A leftover file in a scratch directory harms nobody; the next reset removes it.
    }
  }
}
