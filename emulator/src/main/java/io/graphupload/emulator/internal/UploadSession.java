package io.graphupload.emulator.internal;

import io.graphupload.emulator.RangeReport;
import io.graphupload.emulator.SessionReport;
import io.graphupload.emulator.SessionState;
import io.graphupload.emulator.Violation;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One upload session's state. Ranges are written to {@link #file()} in order, and the SHA-256 of
 * the stored prefix is kept up to date as they arrive, so nothing is read twice. Thread-safe: state
 * changes are synchronized, and {@link #putLock()} serializes range PUTs.
 */
final class UploadSession {
  private final String id;
  private final String secret;
  private final OutlookTarget outlook;
  private final DriveTarget drive;
  private final Path file;
  private final Instant createdAt;
  private final ReentrantLock putLock = new ReentrantLock();
  private final IntervalSet received = new IntervalSet();
  private final List<RangeReport> ranges = new ArrayList<>();
  private final List<Violation> violations = new ArrayList<>();
  private SessionState state = SessionState.ACTIVE;
  private long declaredSize;
  private long nextOffset;
  private MessageDigest digest = sha256();
  private long totalReceived;
  private long resent;
  private Instant expiresAt;
  private String resultId;
  private String finalSha256;

  UploadSession(
      String id,
      String secret,
      OutlookTarget outlook,
      DriveTarget drive,
      long declaredSize,
      Path file,
      Instant createdAt,
      Duration lifetime) {
    this.id = id;
    this.secret = secret;
    this.outlook = outlook;
    this.drive = drive;
    this.declaredSize = declaredSize;
    this.file = file;
    this.createdAt = createdAt;
    this.expiresAt = createdAt.plus(lifetime);
  }

  String id() {
    return id;
  }

  String secret() {
    return secret;
  }

  /** The Outlook target, or null for a OneDrive session. */
  OutlookTarget outlook() {
    return outlook;
  }

  /** The OneDrive target, or null for an Outlook session. */
  DriveTarget drive() {
    return drive;
  }

  Path file() {
    return file;
  }

  ReentrantLock putLock() {
    return putLock;
  }

  synchronized SessionState state() {
    return state;
  }

  /** Whether the session still takes requests; marks it expired once its time has passed. */
  synchronized boolean live(Instant now) {
    if ((state == SessionState.ACTIVE || state == SessionState.AWAITING_COMMIT)
        && now.isAfter(expiresAt)) {
      state = SessionState.EXPIRED;
    }
    return state == SessionState.ACTIVE || state == SessionState.AWAITING_COMMIT;
  }

  synchronized void end(SessionState finalState) {
    if (state == SessionState.ACTIVE || state == SessionState.AWAITING_COMMIT) {
      state = finalState;
    }
  }

  synchronized long declaredSize() {
    return declaredSize;
  }

  /** OneDrive learns the file size from the first range. */
  synchronized void learnSize(long size) {
    if (declaredSize < 0) {
      declaredSize = size;
    }
  }

  synchronized long nextOffset() {
    return nextOffset;
  }

  synchronized Instant expiresAt() {
    return expiresAt;
  }

  synchronized MessageDigest digestCopy() {
    try {
      return (MessageDigest) digest.clone();
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("The JDK's SHA-256 digest can be cloned", e);
    }
  }

  /** Counts body bytes that arrived at these offsets, stored or not. */
  synchronized void received(long start, long count) {
    totalReceived += count;
    if (start >= 0) {
      resent += received.add(start, start + count);
    }
  }

  /** Makes a written range part of the stored prefix and extends the expiry. */
  synchronized void commit(long end, MessageDigest advanced, Instant now, Duration lifetime) {
    nextOffset = end + 1;
    digest = advanced;
    expiresAt = now.plus(lifetime);
  }

  synchronized void awaitCommit() {
    state = SessionState.AWAITING_COMMIT;
  }

  synchronized void complete(String newResultId) {
    state = SessionState.COMPLETED;
    resultId = newResultId;
    finalSha256 = hex(digestCopy());
  }

  synchronized void record(RangeReport range) {
    ranges.add(range);
  }

  synchronized void record(Violation violation) {
    violations.add(violation);
  }

  synchronized SessionReport report() {
    return new SessionReport(
        id,
        outlook != null ? outlook.itemType().resource : "driveItem",
        outlook != null ? outlook.mailbox().userPrincipalName() : drive.drive().id(),
        outlook != null ? outlook.itemId() : drive.parentId(),
        outlook != null ? outlook.name() : drive.name(),
        declaredSize,
        state,
        ranges,
        nextOffset,
        totalReceived,
        resent,
        finalSha256 != null ? finalSha256 : hex(digestCopy()),
        resultId,
        violations,
        createdAt,
        expiresAt);
  }

  static String hex(MessageDigest digest) {
    return HexFormat.of().formatHex(digest.digest());
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every JDK provides SHA-256", e);
    }
  }
}
