package io.graphupload.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates directories (0700) and files (0600) that only their owner can open. The permissions are
 * given at creation, so there is no moment when another user could open a file that will hold an
 * upload URL. Where the file system has no POSIX permissions, files are created plainly and inherit
 * the directory's access control.
 */
final class OwnerOnly {
  private static final Logger log = LoggerFactory.getLogger(OwnerOnly.class);

  static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
  static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

  private static final Set<PosixFilePermission> OTHERS =
      EnumSet.complementOf(EnumSet.copyOf(DIRECTORY));

  private OwnerOnly() {}

  /**
   * Creates {@code directory} and its missing parents, owner-only.
   *
   * @param tighten whether to take group and other permissions away when it already exists with
   *     them; true only for directories that graph-upload owns
   */
  static void createDirectories(Path directory, boolean tighten) throws IOException {
    if (!isPosix(directory)) {
      // TODO: no owner-only ACL is set where POSIX permissions are missing (Windows), since the
      // user's profile already passes a private ACL down; a state-dir outside the profile takes
      // its folder's ACL instead, which may let other users read upload URLs.
      Files.createDirectories(directory);
      return;
    }
    Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(DIRECTORY));
    if (tighten) {
      tighten(directory);
    }
  }

  /** Creates {@code file}, which must not exist, and opens it for writing. */
  static FileChannel createNew(Path file) throws IOException {
    Set<StandardOpenOption> options =
        EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    return FileChannel.open(file, options, attributes(file));
  }

  /**
   * Creates {@code file} empty, unless it exists.
   *
   * @return whether this call created it
   */
  static boolean createIfMissing(Path file) throws IOException {
    try {
      Files.createFile(file, attributes(file));
      return true;
    } catch (FileAlreadyExistsException e) {
      return false;
    }
  }

  static boolean isPosix(Path path) {
    return path.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  private static FileAttribute<?>[] attributes(Path file) {
    if (!isPosix(file)) {
      return new FileAttribute<?>[0];
    }
    return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)};
  }

  private static void tighten(Path directory) throws IOException {
    Set<PosixFilePermission> current = Files.getPosixFilePermissions(directory);
    if (current.stream().noneMatch(OTHERS::contains)) {
      return;
    }
    try {
      Files.setPosixFilePermissions(directory, DIRECTORY);
      log.warn(
          "Directory {} was open to other users ({}); restricted it to its owner (rwx------),"
              + " since the checkpoints in it hold upload URLs, which are credentials",
          directory,
          PosixFilePermissions.toString(current));
    } catch (IOException e) {
      log.warn(
          "Directory {} is open to other users ({}) and could not be restricted ({}); the"
              + " checkpoint files in it stay owner-only, but other users can see which uploads"
              + " exist. Run: chmod 700 {}",
          directory,
          PosixFilePermissions.toString(current),
          e.toString(),
          directory);
    }
  }
}
