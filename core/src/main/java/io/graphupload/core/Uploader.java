package io.graphupload.core;

import io.graphupload.core.UploadException.Category;
import io.graphupload.core.UploadException.Phase;
import io.graphupload.core.internal.ContentTypes;
import io.graphupload.core.internal.Engine;
import io.graphupload.core.internal.Events;
import io.graphupload.core.internal.Failures;
import io.graphupload.core.internal.UploadPlan;
import io.graphupload.core.spi.ChunkPlanner;
import io.graphupload.core.spi.PluginSettings;
import io.graphupload.core.spi.ResumeStore;
import io.graphupload.core.spi.ResumeStoreProvider;
import io.graphupload.core.spi.Transport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Attaches files to Outlook messages and events: small ones in one request, large ones through an
 * upload session that survives the death of the process.
 *
 * <pre>{@code
 * Uploader uploader = Uploader.builder()
 *     .transport(transport)
 *     .resumeStore(store)
 *     .listener(event -> log.info("{}", event))
 *     .build();
 * UploadResult result = uploader.upload(
 *     UploadRequest.of(Path.of("report.pdf"), OutlookItem.message(Mailbox.me(), draftId)));
 * }</pre>
 *
 * <p>Thread-safe: one uploader serves many uploads at once, each on its caller's thread.
 */
public final class Uploader {
  private static final Logger log = LoggerFactory.getLogger(Uploader.class);

  private final Engine engine;

  private Uploader(Engine engine) {
    this.engine = engine;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Checks {@code request} and prepares its upload, without any request to the service. When a
   * checkpoint exists for the same file, name and target, the upload resumes from it.
   *
   * @throws UploadException with category INVALID_INPUT for a missing, unreadable, empty or
   *     oversized file, or a target the cloud cannot serve
   */
  public Upload prepare(UploadRequest request) throws UploadException {
    Path file = request.file().toAbsolutePath().normalize();
    long size = prepareCheck(request);
    UploadTarget target = request.target();
    Attachment attachment = describe(request, file, size);
    boolean session = target.sizeLimits().needsSession(size);
    if (session && target instanceof OutlookItem && !engine.cloud().hasOutlookUploadSessions()) {
      throw invalid(
          "Outlook offers no attachment upload sessions in the "
              + engine.cloud()
              + " cloud, so "
              + file
              + " ("
              + size
              + " bytes) cannot be attached there; attach files under "
              + target.sizeLimits().sessionThreshold()
              + " bytes, or share it through OneDrive.");
    }
    String id = uploadId(target, file, attachment.name());
    Checkpoint checkpoint = session ? load(id).orElse(null) : null;
    return new Upload(engine, new UploadPlan(id, file, target, attachment, checkpoint));
  }

  /** Checks the file of {@code request} as {@link #prepare} does and returns its size. */
  long prepareCheck(UploadRequest request) throws UploadException {
    Path file = request.file().toAbsolutePath().normalize();
    long size = readableSize(file);
    checkSize(file, size, request.target());
    return size;
  }

  Engine engine() {
    return engine;
  }

  /** Prepares and runs {@code request}; see {@link #prepare} and {@link Upload#run()}. */
  public UploadResult upload(UploadRequest request) throws UploadException {
    return prepare(request).run();
  }

  /**
   * Prepares to resume the upload with id {@code uploadId} from its checkpoint.
   *
   * @throws UploadException with category INVALID_INPUT when there is no such upload or its file is
   *     gone
   */
  public Upload prepareResume(String uploadId) throws UploadException {
    Checkpoint checkpoint = requireCheckpoint(uploadId);
    Path file = checkpoint.file().path();
    readableSize(file);
    return new Upload(
        engine,
        new UploadPlan(uploadId, file, checkpoint.target(), checkpoint.attachment(), checkpoint));
  }

  /** Resumes the upload with id {@code uploadId}; see {@link #prepareResume}. */
  public UploadResult resume(String uploadId) throws UploadException {
    return prepareResume(uploadId).run();
  }

  /**
   * Cancels a pending upload that is not running: deletes its session on the server (best effort:
   * an undeletable session expires by itself) and its checkpoint.
   *
   * @throws UploadException INVALID_INPUT when there is no such upload, TRANSIENT when another
   *     process is running it
   */
  public void cancel(String uploadId) throws UploadException {
    Checkpoint checkpoint = requireCheckpoint(uploadId);
    try (ResumeStore.Lease lease = claim(uploadId)) {
      try {
        engine.transport().deleteSession(checkpoint.uploadUrl());
      } catch (IOException | UploadException e) {
        log.warn(
            "The session of upload {} could not be deleted ({}); it expires by itself.",
            uploadId,
            Failures.reason(e));
      }
      engine.store().delete(uploadId);
      log.info("Cancelled upload {} of {}", uploadId, checkpoint.file().path());
    } catch (IOException e) {
      throw Failures.storage("delete", uploadId, e);
    }
  }

  /** Returns the checkpoints of every upload that has not finished, oldest first. */
  public List<Checkpoint> pending() throws UploadException {
    try {
      return engine.store().list();
    } catch (IOException e) {
      throw Failures.storage("list", "(all)", e);
    }
  }

  private ResumeStore.Lease claim(String uploadId) throws IOException, UploadException {
    Optional<ResumeStore.Lease> lease = engine.store().tryLock(uploadId);
    if (lease.isEmpty()) {
      throw new UploadException(
          Category.TRANSIENT,
          Phase.PREPARE,
          "Upload " + uploadId + " is running in another process; stop it first.");
    }
    return lease.get();
  }

  private Checkpoint requireCheckpoint(String uploadId) throws UploadException {
    return load(uploadId)
        .orElseThrow(
            () ->
                invalid(
                    "There is no pending upload with id '"
                        + uploadId
                        + "'; list the pending uploads to see their ids."));
  }

  private Optional<Checkpoint> load(String uploadId) throws UploadException {
    try {
      return engine.store().load(uploadId);
    } catch (IOException e) {
      throw Failures.storage("read", uploadId, e);
    }
  }

  private static long readableSize(Path file) throws UploadException {
    if (Files.isDirectory(file)) {
      throw invalid(file + " is a directory; give the path of a file.");
    }
    if (!Files.isRegularFile(file)) {
      throw invalid(file + " does not exist; check the path.");
    }
    if (!Files.isReadable(file)) {
      throw invalid(file + " cannot be read: permission denied; check its permissions.");
    }
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw Failures.unreadable(file, e);
    }
  }

  private static void checkSize(Path file, long size, UploadTarget target) throws UploadException {
    if (size == 0) {
      throw invalid(file + " is empty; Outlook does not take empty attachments.");
    }
    long max = target.sizeLimits().maxBytes();
    if (size > max) {
      throw invalid(
          file
              + " is "
              + size
              + " bytes, over the "
              + max
              + " bytes ("
              + max / (1024 * 1024)
              + " MiB) a "
              + target.describe()
              + " takes as an attachment; share it through OneDrive and send a link instead.");
    }
  }

  private static Attachment describe(UploadRequest request, Path file, long size)
      throws UploadException {
    String name = request.name() != null ? request.name() : file.getFileName().toString();
    String type = request.contentType() != null ? request.contentType() : ContentTypes.guess(file);
    try {
      return new Attachment(name, size, type, request.isInline(), request.contentId());
    } catch (IllegalArgumentException e) {
      throw invalid(e.getMessage());
    }
  }

  static String uploadId(UploadTarget target, Path file, String name) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      String key = target.resourcePath() + "\n" + file + "\n" + name;
      byte[] hash = digest.digest(key.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError("Every Java platform has SHA-256", e);
    }
  }

  private static UploadException invalid(String message) {
    return new UploadException(Category.INVALID_INPUT, Phase.PREPARE, message);
  }

  /** Configures an {@link Uploader}. Only the transport is required. */
  public static final class Builder {
    private @Nullable Transport transport;
    private @Nullable ResumeStore store;
    private ChunkPlanner planner = new LargestRangePlanner();
    private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
    private int maxSessionRestarts = 3;
    private Cloud cloud = Cloud.GLOBAL;
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.SYSTEM;
    private RandomGenerator random = RandomGenerator.getDefault();
    private @Nullable RateLimit rateLimit;
    private final List<UploadListener> listeners = new ArrayList<>();

    private Builder() {}

    /** Sets how requests reach Graph. Required. */
    public Builder transport(Transport transport) {
      this.transport = transport;
      return this;
    }

    /**
     * Sets where checkpoints live. By default, the highest-priority {@link ResumeStoreProvider} on
     * the class path, with its default settings.
     */
    public Builder resumeStore(ResumeStore store) {
      this.store = store;
      return this;
    }

    /** Sets how ranges are cut. By default the largest range the target allows. */
    public Builder chunkPlanner(ChunkPlanner planner) {
      this.planner = planner;
      return this;
    }

    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = retryPolicy;
      return this;
    }

    /** Sets how often one upload may start a new session after losing one. Default 3. */
    public Builder maxSessionRestarts(int maxSessionRestarts) {
      if (maxSessionRestarts < 0) {
        throw new IllegalArgumentException("maxSessionRestarts must not be negative");
      }
      this.maxSessionRestarts = maxSessionRestarts;
      return this;
    }

    /** Sets the cloud, which decides what the service offers. Default global. */
    public Builder cloud(Cloud cloud) {
      this.cloud = cloud;
      return this;
    }

    /** Adds a listener for every upload's events. */
    public Builder listener(UploadListener listener) {
      listeners.add(listener);
      return this;
    }

    /** Sets the clock for timestamps, expiry and retry budgets; tests use a fake one. */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /** Sets how waits between retries happen; tests use one that only records. */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = sleeper;
      return this;
    }

    /**
     * Caps the bandwidth of all this uploader's uploads together, in bytes per second. Ranges
     * shrink to about one second's worth, and each waits its turn. By default there is no cap.
     */
    public Builder rateLimit(long bytesPerSecond) {
      this.rateLimit = new RateLimit(bytesPerSecond);
      return this;
    }

    /** Sets the random source of backoff jitter. */
    public Builder random(RandomGenerator random) {
      this.random = random;
      return this;
    }

    /**
     * Returns the uploader.
     *
     * @throws IllegalStateException when no transport was set, or no resume store was set and none
     *     was found on the class path
     */
    public Uploader build() {
      if (transport == null) {
        throw new IllegalStateException(
            "An Uploader needs a transport; set one with Builder.transport(...), for example"
                + " the retrofit transport from graph-upload-transport-retrofit.");
      }
      ResumeStore resumeStore = store != null ? store : discoverStore();
      return new Uploader(
          new Engine(
              transport,
              resumeStore,
              planner,
              retryPolicy,
              maxSessionRestarts,
              cloud,
              clock,
              sleeper,
              random,
              rateLimit,
              new Events(listeners)));
    }

    private static ResumeStore discoverStore() {
      ClassLoader loader = Uploader.class.getClassLoader();
      return Plugins.select(ResumeStoreProvider.class, null, loader).create(PluginSettings.EMPTY);
    }
  }
}
