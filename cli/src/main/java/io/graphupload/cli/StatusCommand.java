package io.graphupload.cli;

import io.graphupload.core.Checkpoint;
import io.graphupload.core.UploadException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code graph-upload status}: lists unfinished uploads, never their upload URLs. */
@Command(
    name = "status",
    description = {
      "Lists the unfinished uploads in the state directory: id, bytes done, when the session"
          + " expires, file and target. An expired session starts over on resume.",
      "",
      "Example: graph-upload status",
      ""
    })
final class StatusCommand implements Callable<Integer> {
  private static final DateTimeFormatter EXPIRY =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm'Z'").withZone(ZoneOffset.UTC);

  private final CliContext context;

  @ParentCommand RootCommand root;

  StatusCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws UploadException {
    try (Session session = Session.open(context, root)) {
      List<Checkpoint> pending = session.uploader().pending();
      Instant now = context.clock().instant();
      if (session.json()) {
        pending.forEach(checkpoint -> session.streams().out(json(checkpoint, now)));
      } else if (pending.isEmpty()) {
        session.streams().out("No pending uploads.");
      } else {
        session
            .streams()
            .out(
                String.format(
                    "%-12s  %-26s  %-22s  %s",
                    "UPLOAD", "DONE", "SESSION EXPIRES", "FILE -> TARGET"));
        pending.forEach(checkpoint -> session.streams().out(line(checkpoint, now)));
      }
      return ExitCode.OK.code();
    }
  }

  private static String line(Checkpoint checkpoint, Instant now) {
    long done = checkpoint.acknowledgedOffset();
    long total = checkpoint.file().size();
    String progress =
        ByteSize.format(done)
            + " of "
            + ByteSize.format(total)
            + " ("
            + done * 100 / Math.max(total, 1)
            + "%)";
    return String.format(
        "%-12s  %-26s  %-22s  %s -> %s",
        checkpoint.uploadId(),
        progress,
        expiry(checkpoint, now),
        checkpoint.file().path(),
        checkpoint.target().describe());
  }

  private static String expiry(Checkpoint checkpoint, Instant now) {
    Instant expiration = checkpoint.expiration();
    if (expiration == null) {
      return "unknown";
    }
    String when = EXPIRY.format(expiration.truncatedTo(ChronoUnit.MINUTES));
    return expiration.isAfter(now) ? when : when + " (expired)";
  }

  private static String json(Checkpoint checkpoint, Instant now) {
    Instant expiration = checkpoint.expiration();
    return JsonOutput.write(
        json -> {
          json.name("event").value("pending");
          json.name("uploadId").value(checkpoint.uploadId());
          json.name("file").value(checkpoint.file().path().toString());
          json.name("name").value(checkpoint.attachment().name());
          json.name("target").value(checkpoint.target().resourcePath());
          json.name("bytesDone").value(checkpoint.acknowledgedOffset());
          json.name("totalBytes").value(checkpoint.file().size());
          json.name("expiration").value(expiration == null ? null : expiration.toString());
          json.name("expired").value(expiration != null && !expiration.isAfter(now));
          json.name("updatedAt").value(checkpoint.updatedAt().toString());
        });
  }
}
