package io.graphupload.emulator.internal;

import java.io.IOException;

/** What differs between Outlook and OneDrive when a range arrives. */
interface UploadService {
  /** The largest range accepted in one PUT. */
  long maxRange();

  /** The error for a range over {@link #maxRange()}. */
  GraphException rangeTooLarge(ContentRange range);

  /** The error for a range that does not start at the next expected byte. */
  GraphException misplacedRange(UploadSession session, boolean alreadyReceived, boolean as400);

  /** The error for a malformed or inconsistent request; {@code detail} says what and how. */
  GraphException invalidRequest(String detail);

  /** Service rules checked once the range is known good, before the body is read. */
  void beforeWrite(HttpCall call, UploadSession session, ContentRange range);

  /** The answer to a range that left more bytes to come. */
  Answer progress(UploadSession session, FaultPlan plan);

  /** Turns the stored bytes into the attachment or file and returns the final answer. */
  Answer complete(HttpCall call, UploadSession session, FaultPlan plan) throws IOException;
}
