package io.graphupload.cli;

import com.squareup.moshi.JsonWriter;
import io.graphupload.core.Nullable;
import io.graphupload.core.Redaction;
import io.graphupload.core.UploadEvent;
import io.graphupload.core.UploadException;
import io.graphupload.core.UploadResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import okio.Buffer;

/**
 * Writes one JSON object per line on stdout for every lifecycle event, and nothing else there.
 * Errors also go to stderr as a sentence, for the person watching the log.
 */
final class JsonOutput implements Output {
  private final Streams streams;
  private final Failures failures;
  private final Set<String> stopping = ConcurrentHashMap.newKeySet();
  private volatile boolean failuresToCommand;

  JsonOutput(Streams streams, Failures failures) {
    this.streams = streams;
    this.failures = failures;
  }

  @Override
  public void onEvent(UploadEvent event) {
    if (event instanceof UploadEvent.Failed failed && stopping.contains(failed.uploadId())) {
      streams.out(write(json -> begin(json, "stopped", failed.uploadId(), failed.file())));
      return;
    }
    String sentence = null;
    if (event instanceof UploadEvent.Failed failed) {
      sentence = failures.sentence(failed.uploadId(), failed.error());
      if (!failuresToCommand) {
        streams.error(sentence, failed.error());
      }
    }
    String message = sentence;
    streams.out(write(json -> fields(json, event, message)));
  }

  @Override
  public void rejected(@Nullable Path file, @Nullable String uploadId, UploadException error) {
    String sentence = failures.sentence(uploadId, error);
    streams.error(sentence, error);
    streams.out(
        write(
            json -> {
              begin(json, "failed", uploadId, file);
              error(json, error, sentence);
            }));
  }

  @Override
  public void stopping(String uploadId) {
    stopping.add(uploadId);
  }

  @Override
  public void leaveFailuresToCommand() {
    failuresToCommand = true;
  }

  @Override
  public void note(String sentence) {}

  @Override
  public void error(String sentence, @Nullable Throwable cause) {
    streams.error(sentence, cause);
  }

  private static void fields(JsonWriter json, UploadEvent event, @Nullable String sentence)
      throws IOException {
    if (event instanceof UploadEvent.Started started) {
      begin(json, "started", started.uploadId(), started.file());
      json.name("name").value(started.attachment().name());
      json.name("size").value(started.attachment().size());
      json.name("contentType").value(started.attachment().contentType());
      json.name("target").value(started.target().resourcePath());
      json.name("route").value(route(started.route()));
      json.name("resumedFrom").value(started.resumedFrom());
    } else if (event instanceof UploadEvent.RangeAcknowledged progress) {
      begin(json, "progress", progress.uploadId(), progress.file());
      json.name("bytesDone").value(progress.bytesDone());
      json.name("totalBytes").value(progress.totalBytes());
      json.name("bytesPerSecond").value(Math.round(progress.bytesPerSecond()));
    } else if (event instanceof UploadEvent.RetryScheduled retry) {
      begin(json, "retry", retry.uploadId(), retry.file());
      json.name("attempt").value(retry.attempt());
      json.name("delayMillis").value(retry.delay().toMillis());
      json.name("reason").value(Redaction.text(retry.reason()));
    } else if (event instanceof UploadEvent.SessionRestarted restarted) {
      begin(json, "restarted", restarted.uploadId(), restarted.file());
      json.name("reason").value(Redaction.text(restarted.reason()));
    } else if (event instanceof UploadEvent.Completed completed) {
      UploadResult result = completed.result();
      begin(json, "completed", completed.uploadId(), completed.file());
      json.name("attachmentId").value(result.attachmentId());
      json.name("bytes").value(result.bytes());
      json.name("route").value(route(result.route()));
      json.name("elapsedMillis").value(result.elapsed().toMillis());
      json.name("rangesSent").value(result.rangesSent());
      json.name("rangesResent").value(result.rangesResent());
    } else if (event instanceof UploadEvent.Failed failed) {
      begin(json, "failed", failed.uploadId(), failed.file());
      error(json, failed.error(), sentence);
    }
  }

  private static void begin(
      JsonWriter json, String name, @Nullable String uploadId, @Nullable Path file)
      throws IOException {
    json.name("event").value(name);
    json.name("uploadId").value(uploadId);
    json.name("file").value(file == null ? null : file.toString());
  }

  /** Writes the {@code error} object: the service's code, the sentence, and what to expect. */
  static void error(JsonWriter json, UploadException error, @Nullable String sentence)
      throws IOException {
    json.name("error").beginObject();
    json.name("code").value(code(error));
    json.name("message").value(Redaction.text(sentence != null ? sentence : error.getMessage()));
    json.name("category").value(camelCase(error.category().name()));
    if (error.httpStatus() > 0) {
      json.name("httpStatus").value(error.httpStatus());
    }
    json.name("retryable").value(error.isRetryable());
    json.endObject();
  }

  /** Returns the service's error code when there is one, else the kind of failure. */
  static String code(UploadException error) {
    return error.errorCode() != null ? error.errorCode() : camelCase(error.category().name());
  }

  private static String route(UploadResult.Route route) {
    return camelCase(route.name());
  }

  static String camelCase(String constant) {
    StringBuilder name = new StringBuilder();
    for (String word : constant.toLowerCase(Locale.ROOT).split("_")) {
      name.append(
          name.length() == 0 ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
    }
    return name.toString();
  }

  /** Writes one object's fields, between braces, as a single line. */
  static String write(Fields fields) {
    Buffer buffer = new Buffer();
    try (JsonWriter json = JsonWriter.of(buffer)) {
      json.setSerializeNulls(true);
      json.beginObject();
      fields.write(json);
      json.endObject();
    } catch (IOException e) {
      throw new UncheckedIOException("Writing JSON to memory failed", e);
    }
    return buffer.readUtf8();
  }

  /** Writes the fields of one JSON object. */
  @FunctionalInterface
  interface Fields {
    void write(JsonWriter json) throws IOException;
  }
}
