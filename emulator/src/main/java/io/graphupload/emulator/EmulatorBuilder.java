package io.graphupload.emulator;

import io.graphupload.emulator.internal.Settings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Configures an {@link Emulator}. Not thread-safe; every setting has a default. */
public final class EmulatorBuilder {
  /** Exchange Online's default message size limit, 35 MB. */
  public static final long DEFAULT_MESSAGE_SIZE_LIMIT = 35L * 1024 * 1024;

  /** The user whose mailbox delegated tokens open, unless configured otherwise. */
  public static final String DEFAULT_SIGNED_IN_USER = "adele@contoso.onmicrosoft.com";

  /** A second mailbox that exists by default, for delegated access to another mailbox. */
  public static final String DEFAULT_SHARED_MAILBOX = "shared@contoso.onmicrosoft.com";

  private String host = "127.0.0.1";
  private int port;
  private Path dataDirectory;
  private long messageSizeLimit = DEFAULT_MESSAGE_SIZE_LIMIT;
  private Set<String> requiredTokens = Set.of();
  private boolean statusQueries = true;
  private String signedInUser = DEFAULT_SIGNED_IN_USER;
  private final Set<String> users = new LinkedHashSet<>(List.of(DEFAULT_SHARED_MAILBOX));
  private String uploadHost;
  private Clock clock = Clock.systemUTC();
  private Duration sessionLifetime = Duration.ofMinutes(15);
  private int mailboxConcurrencyLimit = 4;
  private final List<FaultRule> faults = new ArrayList<>();

  EmulatorBuilder() {}

  /** The port to listen on; 0 (the default) picks a free one. */
  public EmulatorBuilder port(int value) {
    if (value < 0 || value > 65535) {
      throw new IllegalArgumentException("port must be 0-65535, not " + value);
    }
    this.port = value;
    return this;
  }

  /**
   * The loopback address to listen on; default {@code 127.0.0.1}.
   *
   * @throws IllegalArgumentException for an address that is not loopback: the emulator has no
   *     authentication and must not be reachable from other machines
   */
  public EmulatorBuilder host(String address) {
    try {
      if (!InetAddress.getByName(address).isLoopbackAddress()) {
        throw new IllegalArgumentException(
            "host must be a loopback address such as 127.0.0.1, not " + address);
      }
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("Unknown host " + address, e);
    }
    this.host = address;
    return this;
  }

  /** Where to keep attachments; default: a temporary directory deleted on close. */
  public EmulatorBuilder dataDirectory(Path directory) {
    this.dataDirectory = Objects.requireNonNull(directory, "directory");
    return this;
  }

  /**
   * The mailbox message size limit in bytes; default 35 MB (36,700,160 bytes).
   *
   * @throws IllegalArgumentException unless between 1 byte and 150 MB, Exchange Online's maximum
   */
  public EmulatorBuilder messageSizeLimit(long bytes) {
    this.messageSizeLimit = Settings.checkMessageSizeLimit(bytes);
    return this;
  }

  /** Bearer tokens to accept; default: any non-empty token. */
  public EmulatorBuilder requiredTokens(Set<String> tokens) {
    this.requiredTokens = Set.copyOf(tokens);
    return this;
  }

  /** Whether {@code GET {uploadUrl}} answers the session status (default) or 405. */
  public EmulatorBuilder statusQueries(boolean enabled) {
    this.statusQueries = enabled;
    return this;
  }

  /** The user principal name that delegated tokens (not starting with "app:") sign in as. */
  public EmulatorBuilder signedInUser(String userPrincipalName) {
    this.signedInUser = requireUpn(userPrincipalName);
    return this;
  }

  /** Adds a user (and mailbox and drive) that {@code /users/{id|upn}} can address. */
  public EmulatorBuilder user(String userPrincipalName) {
    users.add(requireUpn(userPrincipalName));
    return this;
  }

  /**
   * The host name upload URLs carry; default: the same as Graph's. Use {@code "localhost"} to give
   * uploads a host of their own, as Outlook does, so a token scoped to Graph's host stays off the
   * upload URL.
   */
  public EmulatorBuilder uploadHost(String hostName) {
    this.uploadHost = Objects.requireNonNull(hostName, "hostName");
    return this;
  }

  /** The clock for expiry and timestamps; tests can pass one they move by hand. */
  public EmulatorBuilder clock(Clock value) {
    this.clock = Objects.requireNonNull(value, "clock");
    return this;
  }

  /** How long an upload session lives after its last stored range; default 15 minutes. */
  public EmulatorBuilder sessionLifetime(Duration lifetime) {
    if (lifetime.isNegative() || lifetime.isZero()) {
      throw new IllegalArgumentException("sessionLifetime must be positive, not " + lifetime);
    }
    this.sessionLifetime = lifetime;
    return this;
  }

  /** Requests one mailbox may have in flight, as Outlook limits (default 4); 0 turns it off. */
  public EmulatorBuilder mailboxConcurrencyLimit(int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("mailboxConcurrencyLimit must be 0 or more");
    }
    this.mailboxConcurrencyLimit = limit;
    return this;
  }

  /** A fault rule in force from the start. */
  public EmulatorBuilder fault(FaultRule rule) {
    faults.add(Objects.requireNonNull(rule, "rule"));
    return this;
  }

  /**
   * Creates the emulator, not yet started.
   *
   * @throws UncheckedIOException when the data directory cannot be created
   */
  public Emulator build() {
    try {
      boolean temporary = dataDirectory == null;
      Path directory =
          temporary
              ? Files.createTempDirectory("graph-emulator-")
              : Files.createDirectories(dataDirectory);
      Settings settings =
          new Settings(
              host,
              port,
              directory,
              temporary,
              requiredTokens,
              signedInUser,
              new ArrayList<>(users),
              uploadHost != null ? uploadHost : host,
              clock,
              statusQueries,
              messageSizeLimit,
              mailboxConcurrencyLimit,
              sessionLifetime);
      return new Emulator(settings, directory, temporary, faults);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot prepare the emulator's data directory", e);
    }
  }

  private static String requireUpn(String upn) {
    if (upn == null || !upn.contains("@")) {
      throw new IllegalArgumentException(
          "A user principal name looks like alex@contoso.onmicrosoft.com, not " + upn);
    }
    return upn;
  }
}
