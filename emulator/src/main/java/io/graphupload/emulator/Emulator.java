package io.graphupload.emulator;

import io.graphupload.emulator.internal.EmulatorCore;
import io.graphupload.emulator.internal.EmulatorServer;
import io.graphupload.emulator.internal.Settings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local Microsoft Graph for upload sessions, with fault injection and reports of what each client
 * did.
 *
 * <pre>{@code
 * try (Emulator emulator = Emulator.builder().build().start()) {
 *   URI graph = emulator.baseUri(); // call graph + "/v1.0/me/messages", ...
 * }
 * }</pre>
 *
 * <p>Thread-safe once started. {@link #close()} stops the server and deletes the data directory if
 * the emulator created it.
 */
public final class Emulator implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Emulator.class);

  private final Settings settings;
  private final Path dataDirectory;
  private final boolean temporaryDirectory;
  private final EmulatorCore core;
  private final EmulatorServer server;
  private final Faults faults;
  private final Mailboxes mailboxes;
  private final Drives drives;
  private URI baseUri;

  Emulator(Settings settings, Path dataDirectory, boolean temporaryDirectory, List<FaultRule> rules)
      throws IOException {
    this.settings = settings;
    this.dataDirectory = dataDirectory;
    this.temporaryDirectory = temporaryDirectory;
    this.core = new EmulatorCore(settings);
    this.server = new EmulatorServer(core);
    this.faults = new Faults(core.faults());
    this.mailboxes = new Mailboxes(core);
    this.drives = new Drives(core);
    rules.forEach(faults::add);
  }

  /** Starts configuring an emulator. */
  public static EmulatorBuilder builder() {
    return new EmulatorBuilder();
  }

  /**
   * Binds the port and starts serving.
   *
   * @return this emulator
   * @throws UncheckedIOException when the port cannot be bound
   * @throws IllegalStateException when already started
   */
  public synchronized Emulator start() {
    if (baseUri != null) {
      throw new IllegalStateException("The emulator is already running at " + baseUri);
    }
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot start the emulator (" + e.getMessage() + "); choose another port, or 0", e);
    }
    baseUri = URI.create(server.graphBase());
    log.info(
        "Graph emulator at {} (Graph under /v1.0 and /beta, admin under /_emulator/), data in {}",
        baseUri,
        dataDirectory);
    return this;
  }

  /**
   * The Graph root without a version, such as {@code http://127.0.0.1:50123}: clients call {@code
   * {baseUri}/v1.0/...} or {@code {baseUri}/beta/...}.
   *
   * @throws IllegalStateException before {@link #start()}
   */
  public URI baseUri() {
    if (baseUri == null) {
      throw new IllegalStateException("Call start() before baseUri()");
    }
    return baseUri;
  }

  /** The port the emulator listens on. */
  public int port() {
    return baseUri().getPort();
  }

  /** Where attachments and partial uploads are stored. */
  public Path dataDirectory() {
    return dataDirectory;
  }

  /** Adds, lists and removes fault rules; changes apply to the next request. */
  public Faults faults() {
    return faults;
  }

  /** The tenant's mailboxes, to create drafts and events and read attachments back. */
  public Mailboxes mailboxes() {
    return mailboxes;
  }

  /** The users' OneDrive files. */
  public Drives drives() {
    return drives;
  }

  /** Reports of every upload session, in creation order. */
  public List<SessionReport> sessions() {
    return core.sessions().reports();
  }

  /**
   * The report of one upload session.
   *
   * @throws NoSuchElementException listing the known session ids when there is no such session
   */
  public SessionReport session(String id) {
    return core.sessions()
        .report(id)
        .orElseThrow(
            () ->
                new NoSuchElementException(
                    "No upload session '"
                        + id
                        + "'; known sessions: "
                        + sessions().stream().map(SessionReport::id).collect(Collectors.toList())));
  }

  /**
   * The report of the most recently created upload session.
   *
   * @throws NoSuchElementException when no session was created
   */
  public SessionReport latestSession() {
    List<SessionReport> all = sessions();
    if (all.isEmpty()) {
      throw new NoSuchElementException("No upload session was created");
    }
    return all.get(all.size() - 1);
  }

  /** Every rule a client broke, sessions or not, in order. */
  public List<Violation> violations() {
    return core.violations().all();
  }

  /** The last 10,000 requests, oldest first, without admin API requests. */
  public List<RecordedRequest> requests() {
    return core.journal().all();
  }

  /** Returns how many requests the emulator is handling now, admin API requests included. */
  public int requestsInFlight() {
    return core.inFlight().count();
  }

  /**
   * Waits until the emulator handles no request, such as after a client was killed mid-request: the
   * request it left behind ends when the emulator notices the closed connection, and only then is
   * its report final.
   *
   * @return whether the emulator became idle within {@code timeout}; true at once when it is idle
   * @throws InterruptedException when the waiting thread is interrupted
   */
  public boolean awaitIdle(Duration timeout) throws InterruptedException {
    return core.inFlight().awaitIdle(timeout);
  }

  /** Switches answers to {@code GET {uploadUrl}} on (status) or off (405). */
  public void statusQueries(boolean enabled) {
    settings.statusQueries(enabled);
  }

  /**
   * Changes the mailbox message size limit.
   *
   * @throws IllegalArgumentException when it is not between 1 byte and 150 MB
   */
  public void messageSizeLimit(long bytes) {
    settings.messageSizeLimit(bytes);
  }

  /** Forgets items, sessions, faults, violations and requests; users and settings stay. */
  public void reset() {
    core.reset();
  }

  /** Stops the server, and deletes the data directory when the emulator created it. */
  @Override
  public synchronized void close() {
    server.close();
    if (temporaryDirectory) {
      deleteTree(dataDirectory);
    }
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      log.warn("Could not delete the emulator's data directory {}: {}", root, e.getMessage());
    }
  }
}
