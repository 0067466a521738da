package io.graphupload.emulator.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The emulator's configuration. Fields that the admin API can change at run time are volatile; the
 * rest are fixed at start-up.
 */
public final class Settings {
  /** Outlook refuses upload sessions under 2 MiB. */
  public static final long MINIMUM_SESSION_SIZE = 2L * 1024 * 1024;

  /** Exchange Online's highest message size limit: 150 MB. */
  public static final long MAXIMUM_MESSAGE_SIZE_LIMIT = 157_286_400L;

  /** Graph's cap on an ordinary request body. */
  public static final long GRAPH_BODY_LIMIT = 4L * 1024 * 1024;

  /** The largest range Outlook takes in one PUT. */
  public static final long OUTLOOK_MAX_RANGE = 4L * 1024 * 1024;

  /** OneDrive fragments must be smaller than 60 MiB. */
  public static final long DRIVE_MAX_FRAGMENT = 60L * 1024 * 1024;

  /** OneDrive fragments other than the last are multiples of 320 KiB. */
  public static final long DRIVE_FRAGMENT_UNIT = 320L * 1024;

  final String host;
  final int port;
  final Path dataDirectory;
  final boolean temporaryDataDirectory;
  final Set<String> requiredTokens;
  final String signedInUser;
  final List<String> otherUsers;
  final String uploadHost;
  final Clock clock;
  volatile boolean statusQueries;
  volatile long messageSizeLimit;
  volatile int mailboxConcurrencyLimit;
  volatile Duration sessionLifetime;

  /** Values are checked by the public builder before they get here. */
  public Settings(
      String host,
      int port,
      Path dataDirectory,
      boolean temporaryDataDirectory,
      Set<String> requiredTokens,
      String signedInUser,
      List<String> otherUsers,
      String uploadHost,
      Clock clock,
      boolean statusQueries,
      long messageSizeLimit,
      int mailboxConcurrencyLimit,
      Duration sessionLifetime) {
    this.host = host;
    this.port = port;
    this.dataDirectory = dataDirectory;
    this.temporaryDataDirectory = temporaryDataDirectory;
    this.requiredTokens = Set.copyOf(requiredTokens);
    this.signedInUser = signedInUser;
    this.otherUsers = List.copyOf(otherUsers);
    this.uploadHost = uploadHost;
    this.clock = clock;
    this.statusQueries = statusQueries;
    this.messageSizeLimit = messageSizeLimit;
    this.mailboxConcurrencyLimit = mailboxConcurrencyLimit;
    this.sessionLifetime = sessionLifetime;
  }

  public boolean statusQueries() {
    return statusQueries;
  }

  public void statusQueries(boolean enabled) {
    statusQueries = enabled;
  }

  public long messageSizeLimit() {
    return messageSizeLimit;
  }

  public void messageSizeLimit(long limit) {
    messageSizeLimit = checkMessageSizeLimit(limit);
  }

  public int mailboxConcurrencyLimit() {
    return mailboxConcurrencyLimit;
  }

  public void mailboxConcurrencyLimit(int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("mailboxConcurrencyLimit must be 0 (off) or more");
    }
    mailboxConcurrencyLimit = limit;
  }

  public Duration sessionLifetime() {
    return sessionLifetime;
  }

  public void sessionLifetime(Duration lifetime) {
    if (lifetime.isNegative() || lifetime.isZero()) {
      throw new IllegalArgumentException("sessionLifetime must be positive, not " + lifetime);
    }
    sessionLifetime = lifetime;
  }

  /**
   * Checks a message size limit against what Exchange Online allows.
   *
   * @throws IllegalArgumentException when it is not between 1 byte and 150 MB
   */
  public static long checkMessageSizeLimit(long limit) {
    if (limit < 1 || limit > MAXIMUM_MESSAGE_SIZE_LIMIT) {
      throw new IllegalArgumentException(
          "messageSizeLimit must be between 1 and "
              + MAXIMUM_MESSAGE_SIZE_LIMIT
              + " bytes (Exchange Online allows at most 150 MB), not "
              + limit);
    }
    return limit;
  }
}
