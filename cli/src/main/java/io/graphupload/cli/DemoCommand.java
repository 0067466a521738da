package io.graphupload.cli;

import io.graphupload.core.Mailbox;
import io.graphupload.core.OutlookItem;
import io.graphupload.core.UploadRequest;
import io.graphupload.core.Uploader;
import io.graphupload.emulator.AttachmentInfo;
import io.graphupload.emulator.Emulator;
import io.graphupload.guice.UploadSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * {@code graph-upload demo}: the whole path on one machine with nothing configured. Starts the
 * emulator in this process, uploads a generated 40 MiB file to a draft through the real transport
 * and engine, and compares the SHA-256 the emulator stored with the file's.
 */
@Command(
    name = "demo",
    description = {
      "Shows an upload end to end on this machine, with nothing to configure: starts a local"
          + " Graph emulator, creates a draft message in it, uploads a generated 40 MiB file"
          + " through an upload session, and compares the SHA-256 the emulator stored with the"
          + " file's. Exits 0 when they match. Nothing leaves this machine.",
      "",
      "Example: graph-upload demo",
      ""
    })
final class DemoCommand implements Callable<Integer> {
  static final long FILE_BYTES = 40L * 1024 * 1024;
  static final String FILE_NAME = "graph-upload-demo.bin";

  /** The emulator takes any bearer token; this one only makes the requests look real. */
  static final String DEMO_TOKEN = "demo-token";

  /** Exchange Online's highest message size limit, which an admin can set: 150 MB. */
  static final long MESSAGE_SIZE_LIMIT = 157_286_400L;

  private final CliContext context;

  @ParentCommand RootCommand root;

  DemoCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws IOException {
    Path work = Files.createTempDirectory("graph-upload-demo-");
    Emulator emulator =
        Emulator.builder()
            .port(0)
            .dataDirectory(work.resolve("emulator"))
            .messageSizeLimit(MESSAGE_SIZE_LIMIT)
            .build();
    AtomicBoolean stopped = new AtomicBoolean();
    Runnable stop =
        () -> {
          if (stopped.compareAndSet(false, true)) {
            stop(emulator, work);
          }
        };
    Thread cleanup = new Thread(stop, "graph-upload-demo-cleanup");
    context.shutdownHooks().add(cleanup);
    try (Session session = Session.open(context, root)) {
      int code = run(session, emulator.start(), work);
      stop.run();
      session.output().note("Stopped the emulator and deleted the demo's files.");
      return code;
    } finally {
      context.shutdownHooks().remove(cleanup);
      stop.run();
    }
  }

  private int run(Session session, Emulator emulator, Path work) throws IOException {
    Output output = session.output();
    output.note(
        "Started a Graph emulator at "
            + emulator.baseUri()
            + ", in this process: nothing leaves this machine.");
    io.graphupload.emulator.Mailbox mailbox = emulator.mailboxes().me();
    String draft = mailbox.createDraft("graph-upload demo");
    output.note("Created a draft message in " + mailbox.userPrincipalName() + "'s mailbox.");

    Path file = work.resolve(FILE_NAME);
    String localSha256 = DemoFile.write(file, FILE_BYTES);
    output.note("Generated " + file + ": " + ByteSize.format(FILE_BYTES) + " of random bytes.");

    Uploader uploader = session.uploader(settings(session, emulator, work));
    UploadRequest request = UploadRequest.of(file, OutlookItem.message(Mailbox.me(), draft));
    int code =
        new UploadBatch(session, true, 1, false)
            .run(List.of(UploadBatch.Preparation.attach(uploader, request)));
    if (code != ExitCode.OK.code()) {
      return code;
    }
    return compare(session, mailbox.attachments(draft), localSha256);
  }

  private UploadSettings settings(Session session, Emulator emulator, Path work) {
    return UploadSettings.builder(work.resolve("state"))
        .graphEndpoint(emulator.baseUri())
        .token(DEMO_TOKEN)
        .chunkSize(root.chunkSize)
        .build();
  }

  private static int compare(Session session, List<AttachmentInfo> stored, String localSha256) {
    if (stored.size() != 1) {
      session
          .output()
          .error(
              "The draft has " + stored.size() + " attachments instead of 1. This is a bug.", null);
      return ExitCode.PERMANENT.code();
    }
    AttachmentInfo attachment = stored.get(0);
    boolean match = attachment.sha256().equals(localSha256) && attachment.size() == FILE_BYTES;
    Streams streams = session.streams();
    if (session.json()) {
      streams.out(
          JsonOutput.write(
              json -> {
                json.name("event").value("verified");
                json.name("attachmentId").value(attachment.id());
                json.name("localSha256").value(localSha256);
                json.name("storedSha256").value(attachment.sha256());
                json.name("match").value(match);
              }));
    } else {
      streams.out("Attachment id:              " + attachment.id());
      streams.out("SHA-256 of the local file:  " + localSha256);
      streams.out("SHA-256 the emulator kept:  " + attachment.sha256());
      streams.out(
          match
              ? "They match: the emulator stored exactly the bytes of the file."
              : "They differ: the emulator stored other bytes than the file's.");
    }
    if (!match) {
      session
          .output()
          .error(
              "The attachment's SHA-256 differs from the file's; this is a bug in graph-upload.",
              null);
      return ExitCode.PERMANENT.code();
    }
    return ExitCode.OK.code();
  }

  /** Stops the emulator and deletes the demo's files; safe to call twice. */
  private static void stop(Emulator emulator, Path work) {
    emulator.close();
    try (Stream<Path> paths = Files.exists(work) ? Files.walk(work) : Stream.empty()) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // Left-overs in the temporary directory cost some disk space until the system clears it.
    }
  }
}
