package io.graphupload.emulator;

import io.graphupload.emulator.internal.DriveAccess;
import io.graphupload.emulator.internal.EmulatorCore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/** The users' OneDrives, for reading uploaded files back. Thread-safe. */
public final class Drives {
  private final DriveAccess access;

  Drives(EmulatorCore core) {
    this.access = new DriveAccess(core);
  }

  /** The file at a path such as {@code "reports/q1.pdf"} in the signed-in user's drive. */
  public Optional<DriveFile> file(String path) {
    return access.file(null, path);
  }

  /** The file at a path in the drive of the user with this id or principal name. */
  public Optional<DriveFile> file(String user, String path) {
    return access.file(user, path);
  }

  /** Reads a file of the signed-in user's drive whole. */
  public byte[] content(String path) {
    try (InputStream in = access.open(null, path)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + path, e);
    }
  }
}
