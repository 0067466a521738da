package io.graphupload.emulator;

import java.time.Instant;
import java.util.List;

/**
 * Everything one upload session received, so tests can assert exactly what a client did.
 *
 * @param id the session id (the value inside {@code AttachmentSessions('…')})
 * @param resource {@code "message"}, {@code "event"} or {@code "driveItem"}
 * @param owner the mailbox's user principal name, or the drive id
 * @param itemId the message or event id, or the parent folder's driveItem id
 * @param name the attachment or file name
 * @param declaredSize the size announced at creation; for OneDrive, the total of the first range,
 *     or -1 before any range arrived
 * @param state where the session stands now
 * @param ranges every range PUT in arrival order, rejected ones included
 * @param bytesStored how many leading bytes are stored (the next expected offset)
 * @param totalBytesReceived all body bytes received by range PUTs, whatever became of them
 * @param bytesResent bytes whose offsets had already been received at least once before
 * @param sha256 lower-case hex SHA-256 of the bytes stored so far; of the whole attachment once the
 *     session completed
 * @param attachmentId the new attachment's (or driveItem's) id once completed, else null
 * @param violations every rule the client broke on this session, in order
 * @param createdAt when the session was created
 * @param expiresAt when it expires unless another range arrives first
 */
public record SessionReport(
    String id,
    String resource,
    String owner,
    String itemId,
    String name,
    long declaredSize,
    SessionState state,
    List<RangeReport> ranges,
    long bytesStored,
    long totalBytesReceived,
    long bytesResent,
    String sha256,
    String attachmentId,
    List<Violation> violations,
    Instant createdAt,
    Instant expiresAt) {

  public SessionReport {
    ranges = List.copyOf(ranges);
    violations = List.copyOf(violations);
  }
}
