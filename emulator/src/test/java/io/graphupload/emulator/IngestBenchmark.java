package io.graphupload.emulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Measures how fast one emulator session ingests a 150 MiB attachment in 4 MiB ranges, over
 * loopback with the JDK HTTP client. A benchmark, not a test: run it by hand (see README).
 *
 * <p>Arguments: number of runs (default 5).
 */
public final class IngestBenchmark {
  private static final int SIZE = 150 * 1024 * 1024;
  private static final int RANGE = 4 * 1024 * 1024;

  private IngestBenchmark() {}

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    byte[] content = GraphHttp.randomBytes(SIZE, 42);
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    List<Double> rates = new ArrayList<>();
    try (Emulator emulator =
        Emulator.builder().messageSizeLimit(SIZE).mailboxConcurrencyLimit(0).build().start()) {
      GraphHttp http = new GraphHttp(emulator);
      for (int warmUp = 0; warmUp < 2; warmUp++) {
        upload(client, http, content); // JIT and page cache
      }
      for (int run = 1; run <= runs; run++) {
        emulator.reset();
        java.time.Duration cpuBefore = cpu();
        long nanos = upload(client, http, content);
        double cpuSeconds = (cpu().toNanos() - cpuBefore.toNanos()) / 1e9;
        String sha = emulator.latestSession().sha256();
        if (!sha.equals(GraphHttp.sha256(content))) {
          throw new IllegalStateException("Stored bytes differ from the bytes sent");
        }
        double rate = SIZE / 1e6 / (nanos / 1e9);
        rates.add(rate);
        System.out.printf(
            Locale.ROOT,
            "run %d: %.1f MB/s (%.2f s, %.2f CPU s for client and emulator together)%n",
            run,
            rate,
            nanos / 1e9,
            cpuSeconds);
      }
    }
    Collections.sort(rates);
    double median = rates.get(rates.size() / 2);
    if (rates.size() % 2 == 0) {
      median = (median + rates.get(rates.size() / 2 - 1)) / 2;
    }
    System.out.printf(
        Locale.ROOT,
        "median of %d runs: %.1f MB/s (%.1f MiB/s) for one 150 MiB session%n",
        runs,
        median,
        median * 1e6 / (1024 * 1024));
  }

  private static java.time.Duration cpu() {
    return ProcessHandle.current().info().totalCpuDuration().orElse(java.time.Duration.ZERO);
  }

  /** Uploads the content through a new session; returns the nanoseconds the ranges took. */
  private static long upload(HttpClient client, GraphHttp http, byte[] content) throws Exception {
    String url = http.createSession(http.createDraft(), "bench.bin", content.length);
    long started = System.nanoTime();
    for (int start = 0; start < content.length; start += RANGE) {
      int length = Math.min(RANGE, content.length - start);
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(url))
              .header(
                  "Content-Range",
                  "bytes " + start + "-" + (start + length - 1) + "/" + content.length)
              .PUT(HttpRequest.BodyPublishers.ofByteArray(content, start, length))
              .build();
      int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      boolean last = start + length == content.length;
      if (status != (last ? 201 : 200)) {
        throw new IllegalStateException("Range at " + start + " answered " + status);
      }
    }
    return System.nanoTime() - started;
  }
}
