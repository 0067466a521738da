package io.graphupload.transport.retrofit.bench;

import io.graphupload.core.FileIdentity;
import io.graphupload.core.Mailbox;
import io.graphupload.core.OutlookItem;
import io.graphupload.core.UploadEvent;
import io.graphupload.core.UploadRequest;
import io.graphupload.core.UploadResult;
import io.graphupload.core.Uploader;
import io.graphupload.emulator.Emulator;
import io.graphupload.emulator.SessionReport;
import io.graphupload.transport.retrofit.RetrofitTransport;
import io.graphupload.transport.retrofit.endtoend.MemoryResumeStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Uploads one 150 MiB file to the emulator through core's {@link Uploader} and {@link
 * RetrofitTransport}, and the same file through {@link SimpleClientUpload}, alternating the two
 * after a warm-up, and prints each run's throughput and heap, the medians and their ratio. It
 * checks the SHA-256 that the emulator stored after every upload.
 *
 * <p>A benchmark, not a test: run it by hand, under {@code -Xmx64m} (see the module's README).
 * Arguments: the number of measured runs of each client (default 5).
 */
public final class UploadBenchmark {
  static final long FILE_BYTES = 150L * 1024 * 1024;
  private static final String TOKEN = "benchmark-token";
  private static final int WARM_UP_ROUNDS = 2;
  private static final double MIB = 1024 * 1024;

  private final Emulator emulator;
  private final Path file;
  private final String sha256;
  private final RetrofitTransport transport;
  private final Uploader uploader;
  private final SimpleClientUpload simple;
  private final HeapMeter heap = new HeapMeter();
  private volatile long rangesStarted;

  private UploadBenchmark(Emulator emulator, Path file, String sha256) {
    this.emulator = emulator;
    this.file = file;
    this.sha256 = sha256;
    this.transport =
        RetrofitTransport.builder()
            .graphEndpoint(emulator.baseUri())
            .tokens(scopes -> TOKEN)
            .environment(Map.of())
            .jvmProxySelector(null)
            .build();
    this.uploader =
        Uploader.builder()
            .transport(transport)
            .resumeStore(new MemoryResumeStore())
            .listener(this::onEvent)
            .build();
    this.simple = new SimpleClientUpload(emulator.baseUri(), TOKEN);
  }

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    if (runs < 1) {
      throw new IllegalArgumentException("The number of runs must be at least 1, got " + runs);
    }
    Path directory = Files.createTempDirectory("upload-benchmark");
    try {
      Path file = BenchmarkFile.create(directory.resolve("benchmark.bin"), FILE_BYTES);
      String sha256 = BenchmarkFile.sha256(file);
      try (Emulator emulator =
          Emulator.builder()
              .dataDirectory(directory.resolve("emulator"))
              .messageSizeLimit(FILE_BYTES)
              .build()
              .start()) {
        UploadBenchmark benchmark = new UploadBenchmark(emulator, file, sha256);
        try {
          benchmark.run(runs);
        } finally {
          benchmark.transport.close();
        }
      }
    } finally {
      deleteTree(directory);
    }
  }

  private void run(int runs) throws Exception {
    System.out.printf(
        Locale.ROOT,
        "One %d-byte file in 4 MiB ranges to the emulator on loopback; max heap %.1f MiB;"
            + " %d warm-up rounds, then %d runs of each client, alternating which goes first.%n",
        FILE_BYTES,
        Runtime.getRuntime().maxMemory() / MIB,
        WARM_UP_ROUNDS,
        runs);
    for (int round = 0; round < WARM_UP_ROUNDS; round++) {
      measure(Client.RETROFIT);
      measure(Client.SIMPLE);
    }

    reportCoreHashing();

    List<Sample> samples = new ArrayList<>();
    for (int run = 1; run <= runs; run++) {
      List<Client> order =
          run % 2 == 1
              ? List.of(Client.RETROFIT, Client.SIMPLE)
              : List.of(Client.SIMPLE, Client.RETROFIT);
      for (Client client : order) {
        Sample sample = measure(client);
        samples.add(sample);
        print("run " + run, sample);
      }
    }
    summarize(samples);
  }

  /**
   * Times what core does before each session and the simple client does not: it reads the whole
   * file to keep its SHA-256 in the checkpoint. It counts in the upload throughput, not in the
   * ranges'.
   */
  private void reportCoreHashing() throws IOException {
    List<Double> seconds = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      long started = System.nanoTime();
      FileIdentity.of(file);
      seconds.add((System.nanoTime() - started) / 1e9);
    }
    System.out.printf(
        Locale.ROOT,
        "Hashing the file alone (core does it while the first ranges travel): %.3f s%n",
        median(seconds.stream()));
  }

  /** Uploads the file once with {@code client}, checks what the emulator stored, and resets it. */
  private Sample measure(Client client) throws Exception {
    String draft = emulator.mailboxes().me().createDraft("benchmark");
    heap.start();
    Timing timing =
        client == Client.RETROFIT ? uploadWithRetrofit(draft) : simple.upload(draft, file);
    HeapMeter.Usage usage = heap.stop();
    verify(client);
    emulator.reset();
    return new Sample(client, timing, usage);
  }

  private Timing uploadWithRetrofit(String draft) throws Exception {
    long started = System.nanoTime();
    UploadResult result =
        uploader.upload(UploadRequest.of(file, OutlookItem.message(Mailbox.me(), draft)));
    long ended = System.nanoTime();
    if (result.rangesResent() != 0) {
      throw new IllegalStateException("Ranges were resent: " + result);
    }
    return new Timing(started, rangesStarted, ended);
  }

  private void onEvent(UploadEvent event) {
    if (event instanceof UploadEvent.Started) {
      rangesStarted = System.nanoTime();
    }
  }

  private void verify(Client client) {
    SessionReport session = emulator.latestSession();
    if (!sha256.equals(session.sha256())) {
      throw new IllegalStateException(
          client + ": the emulator stored SHA-256 " + session.sha256() + ", not " + sha256);
    }
    if (session.bytesResent() != 0 || !emulator.violations().isEmpty()) {
      throw new IllegalStateException(
          client + ": resent " + session.bytesResent() + " bytes, " + emulator.violations());
    }
  }

  private static void print(String label, Sample sample) {
    Timing timing = sample.timing();
    System.out.printf(
        Locale.ROOT,
        "%-6s %-8s upload %6.1f MB/s (%.3f s), ranges %6.1f MB/s (%.3f s),"
            + " heap peak %4.1f MiB, after GC %4.1f MiB, %d GCs%n",
        label,
        sample.client().label,
        timing.uploadRate(FILE_BYTES),
        timing.seconds(),
        timing.rangeRate(FILE_BYTES),
        timing.rangeSeconds(),
        sample.heap().peak() / MIB,
        sample.heap().afterGc() / MIB,
        sample.heap().collections());
  }

  private static void summarize(List<Sample> samples) {
    double[] uploads = new double[2];
    double[] ranges = new double[2];
    for (Client client : Client.values()) {
      List<Sample> mine = samples.stream().filter(s -> s.client() == client).toList();
      uploads[client.ordinal()] = median(mine.stream().map(s -> s.timing().uploadRate(FILE_BYTES)));
      ranges[client.ordinal()] = median(mine.stream().map(s -> s.timing().rangeRate(FILE_BYTES)));
      long peak = mine.stream().mapToLong(s -> s.heap().peak()).max().orElse(0);
      long afterGc = mine.stream().mapToLong(s -> s.heap().afterGc()).max().orElse(0);
      System.out.printf(
          Locale.ROOT,
          "median %-8s upload %6.1f MB/s, ranges %6.1f MB/s; highest heap peak %4.1f MiB,"
              + " after GC %4.1f MiB%n",
          client.label,
          uploads[client.ordinal()],
          ranges[client.ordinal()],
          peak / MIB,
          afterGc / MIB);
    }
    int retrofit = Client.RETROFIT.ordinal();
    int jdk = Client.SIMPLE.ordinal();
    System.out.printf(
        Locale.ROOT,
        "ratio retrofit/jdk of the medians: upload %.3f, ranges %.3f (target >= 0.9)%n",
        uploads[retrofit] / uploads[jdk],
        ranges[retrofit] / ranges[jdk]);
  }

  private static double median(Stream<Double> values) {
    List<Double> sorted = values.sorted().toList();
    int middle = sorted.size() / 2;
    return sorted.size() % 2 == 1
        ? sorted.get(middle)
        : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      paths
          .sorted(Comparator.reverseOrder())
          .forEach(
              path -> {
                try {
                  Files.deleteIfExists(path);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    }
  }

  private enum Client {
    RETROFIT("retrofit"),
    SIMPLE("jdk");

    final String label;

    Client(String label) {
      this.label = label;
    }
  }

  /** One measured upload. */
  private record Sample(Client client, Timing timing, HeapMeter.Usage heap) {}
}
