package io.graphupload.cli;

import io.graphupload.core.Nullable;
import io.graphupload.emulator.Emulator;
import io.graphupload.emulator.EmulatorBuilder;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code graph-upload emulator}: a local Graph in the foreground, until Ctrl-C. */
@Command(
    name = "emulator",
    description = {
      "Runs a local Microsoft Graph for upload sessions in the foreground until Ctrl-C, with a"
          + " draft message ready to attach to. It accepts any bearer token and listens on"
          + " loopback only.",
      "",
      "Example: graph-upload emulator --port 8080",
      ""
    })
final class EmulatorCommand implements Callable<Integer> {
  private final CliContext context;

  @ParentCommand RootCommand root;

  @Option(
      names = "--port",
      paramLabel = "N",
      description = "The port to listen on; 0 picks a free one. Default: 8080.")
  int port = 8080;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description = "Where attachments are kept. Default: a temporary directory, deleted on exit.")
  @Nullable
  Path dataDirectory;

  @Option(
      names = "--message-size-limit",
      paramLabel = "SIZE",
      converter = RootCommand.SizeConverter.class,
      description = "The mailbox's message size limit. Default: 35M, as Exchange Online's.")
  @Nullable
  Long messageSizeLimit;

  EmulatorCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws InterruptedException {
    if (port < 0 || port > 65535) {
      throw new UsageException("--port must be from 0 to 65535; got " + port + ".");
    }
    try (Session session = Session.open(context, root)) {
      EmulatorBuilder builder = Emulator.builder().port(port);
      if (dataDirectory != null) {
        builder.dataDirectory(dataDirectory.toAbsolutePath());
      }
      if (messageSizeLimit != null) {
        try {
          builder.messageSizeLimit(messageSizeLimit);
        } catch (IllegalArgumentException e) {
          throw new UsageException("--message-size-limit: " + e.getMessage() + ".");
        }
      }
      Emulator emulator = builder.build().start();
      AtomicBoolean open = new AtomicBoolean(true);
      CountDownLatch stopped = new CountDownLatch(1);
      Runnable stop =
          () -> {
            if (open.compareAndSet(true, false)) {
              emulator.close();
              session.streams().err("Stopped the emulator.");
            }
            stopped.countDown();
          };
      Thread hook = new Thread(stop, "graph-upload-emulator-stop");
      context.shutdownHooks().add(hook);
      try {
        announce(session, emulator);
        stopped.await();
      } finally {
        context.shutdownHooks().remove(hook);
        stop.run();
      }
      return ExitCode.OK.code();
    }
  }

  private void announce(Session session, Emulator emulator) {
    String draft = emulator.mailboxes().me().createDraft("Draft for graph-upload");
    String user = emulator.mailboxes().me().userPrincipalName();
    String endpoint = emulator.baseUri().toString();
    if (session.json()) {
      session
          .streams()
          .out(
              JsonOutput.write(
                  json -> {
                    json.name("event").value("emulatorStarted");
                    json.name("endpoint").value(endpoint);
                    json.name("user").value(user);
                    json.name("draftMessageId").value(draft);
                    json.name("dataDirectory").value(emulator.dataDirectory().toString());
                  }));
      return;
    }
    Streams out = session.streams();
    out.out("Graph emulator at " + endpoint + " (data in " + emulator.dataDirectory() + ").");
    out.out("Signed-in mailbox: " + user + ", with a draft message to attach to:");
    out.out("  " + draft);
    out.out("Try, from another terminal:");
    out.out(
        "  graph-upload --endpoint " + endpoint + " --token any attach FILE --message " + draft);
    out.out("Stop it with Ctrl-C.");
  }
}
