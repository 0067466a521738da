package io.graphupload.storage;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/** Turns file-system exceptions into the few words a person needs, for messages and warnings. */
final class IoReasons {
  private IoReasons() {}

  /** Returns a short reason for {@code e}, without the stack of paths that NIO puts in messages. */
  static String describe(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileAlreadyExistsException) {
      return "a file is in the way";
    }
    if (e instanceof NoSuchFileException) {
      return "a parent directory is missing";
    }
    if (e instanceof FileSystemException fileSystemException
        && fileSystemException.getReason() != null) {
      return fileSystemException.getReason();
    }
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }
}
