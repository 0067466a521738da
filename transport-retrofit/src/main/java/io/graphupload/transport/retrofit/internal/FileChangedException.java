package io.graphupload.transport.retrofit.internal;

import java.io.IOException;

/**
 * The file ended before the bytes a request body promised: it shrank after the upload started. An
 * {@link IOException} only because request bodies may throw nothing else; the transport turns it
 * into an invalid-input failure rather than a lost answer.
 */
public final class FileChangedException extends IOException {
  public FileChangedException(long position, long expectedEnd) {
    super(
        "The file ended at byte "
            + position
            + " although the upload needs "
            + expectedEnd
            + " bytes: it was changed after the upload started. Start a new upload of the file"
            + " as it is now.");
  }
}
