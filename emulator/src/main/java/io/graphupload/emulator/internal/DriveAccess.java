package io.graphupload.emulator.internal;

import io.graphupload.emulator.DriveFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.NoSuchElementException;
import java.util.Optional;

/** What the public {@code Drives} API needs from the drive store. */
public final class DriveAccess {
  private final EmulatorCore core;

  public DriveAccess(EmulatorCore core) {
    this.core = core;
  }

  /** The file at a path in a user's drive (the signed-in user's when {@code user} is null). */
  public Optional<DriveFile> file(String user, String path) {
    DriveState drive = core.drives.forUser(user);
    DriveItem item = drive.find(drive.root(), path);
    if (item == null || item.folder) {
      return Optional.empty();
    }
    return Optional.of(
        new DriveFile(item.id, item.name, path, item.size, item.sha256, item.modified));
  }

  /** Opens a file's content; the caller closes the stream. */
  public InputStream open(String user, String path) throws IOException {
    DriveState drive = core.drives.forUser(user);
    DriveItem item = drive.find(drive.root(), path);
    if (item == null || item.folder) {
      throw new NoSuchElementException("No file at '" + path + "' in drive " + drive.id());
    }
    return Files.newInputStream(item.file);
  }
}
