package io.graphupload.auth.msal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates and replaces files that only their owner can open. Permissions are given when a file is
 * created, before anything is written, so no other user can open it at any moment.
 */
final class OwnerOnlyFiles {
  private static final Logger log = LoggerFactory.getLogger(OwnerOnlyFiles.class);

  static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
  static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");

  private static final SecureRandom RANDOM = new SecureRandom();

  private OwnerOnlyFiles() {}

  /** Creates the missing directories of {@code directory}, each owner-only (0700). */
  static void createDirectories(Path directory) throws IOException {
    if (isPosix(directory)) {
      Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(DIRECTORY));
    } else {
      Files.createDirectories(directory);
    }
  }

  /** Opens {@code file} for writing, creating it owner-only (0600) when it does not exist. */
  static FileChannel openOrCreate(Path file) throws IOException {
    boolean existed = Files.exists(file);
    FileChannel channel =
        FileChannel.open(
            file,
            EnumSet.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
            attributes(file));
    if (!existed) {
      restrictAcl(file);
    }
    return channel;
  }

  /**
   * Replaces {@code file} with {@code bytes} atomically: a reader sees the old contents or the new,
   * never a mix, and a crash leaves one of the two. The new file is owner-only from its creation.
   */
  static void replace(Path file, byte[] bytes) throws IOException {
    Path temporary =
        file.resolveSibling(
            file.getFileName()
                + "."
                + ProcessHandle.current().pid()
                + "."
                + HexFormat.of().toHexDigits(RANDOM.nextInt())
                + ".tmp");
    try {
      try (FileChannel channel =
          FileChannel.open(
              temporary,
              EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
              attributes(temporary))) {
        restrictAcl(temporary);
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
      move(temporary, file);
      syncDirectory(file.getParent());
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /**
   * Takes group and other permissions away from {@code file} when it has any, with a warning: a
   * copied or restored cache file may have been created open.
   */
  static void tighten(Path file) throws IOException {
    if (!isPosix(file)) {
      return;
    }
    Set<PosixFilePermission> current = Files.getPosixFilePermissions(file);
    if (!FILE.containsAll(current)) {
      Files.setPosixFilePermissions(file, FILE);
      log.warn(
          "The token cache {} was open to other users ({}); restricted it to its owner"
              + " (rw-------), since it holds refresh tokens",
          file,
          PosixFilePermissions.toString(current));
    }
  }

  private static void move(Path source, Path target) throws IOException {
    try {
      Files.move(
          source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException(
          "The file system of "
              + target
              + " cannot replace files atomically, so the token cache could be left half"
              + " written; put it elsewhere with the 'cache-file' setting",
          e);
    }
  }

  private static void syncDirectory(Path directory) {
    // Makes the rename itself durable. Not every platform can open a directory; the file's own
    // contents are already on disk, so failing here risks only the rename after a power loss.
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      log.trace("Could not sync directory {}: {}", directory, e.toString());
    }
  }

  private static boolean isPosix(Path path) {
    return path.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  private static FileAttribute<?>[] attributes(Path file) {
    if (!isPosix(file)) {
      return new FileAttribute<?>[0];
    }
    return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)};
  }

  /**
   * Where there are no POSIX permissions (Windows), leaves the owner as the only entry of the new
   * file's access list. The file is still empty at this point.
   */
  private static void restrictAcl(Path file) throws IOException {
    AclFileAttributeView view = Files.getFileAttributeView(file, AclFileAttributeView.class);
    if (isPosix(file) || view == null) {
      return;
    }
    UserPrincipal owner = Files.getOwner(file);
    AclEntry ownerOnly =
        AclEntry.newBuilder()
            .setType(AclEntryType.ALLOW)
            .setPrincipal(owner)
            .setPermissions(EnumSet.allOf(AclEntryPermission.class))
            .build();
    view.setAcl(List.of(ownerOnly));
  }
}
