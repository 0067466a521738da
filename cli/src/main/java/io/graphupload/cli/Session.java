package io.graphupload.cli;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.util.Modules;
import io.graphupload.core.Nullable;
import io.graphupload.core.UploadListener;
import io.graphupload.core.Uploader;
import io.graphupload.core.spi.Transport;
import io.graphupload.guice.GraphUploadModule;
import io.graphupload.guice.UploadSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One run of a command: its output, its settings, and the uploader Guice wires from them. Created
 * after parsing, so {@code --help} wires nothing. Not thread-safe; its output is.
 */
final class Session implements AutoCloseable {
  private final CliContext context;
  private final RootCommand root;
  private final Streams streams;
  private final Output output;
  private final InFlight inFlight = new InFlight();
  private @Nullable Configuration configuration;
  private @Nullable Injector injector;

  private Session(CliContext context, RootCommand root, Streams streams, Output output) {
    this.context = context;
    this.root = root;
    this.streams = streams;
    this.output = output;
  }

  static Session open(CliContext context, RootCommand root) {
    if (root.quiet && root.verbose) {
      throw new UsageException("--quiet and --verbose contradict each other; choose one.");
    }
    Streams streams = new Streams(context.out(), context.err(), root.verbose);
    if (root.json) {
      return new Session(context, root, streams, new JsonOutput(streams));
    }
    TextOutput.Progress progress =
        root.quiet
            ? TextOutput.Progress.QUIET
            : context.interactive() ? TextOutput.Progress.BARS : TextOutput.Progress.LINES;
    Function<String, String> resume = id -> resumeCommand(root, id);
    return new Session(
        context,
        root,
        streams,
        new TextOutput(streams, progress, context.clock(), context.columns(), resume));
  }

  Output output() {
    return output;
  }

  Streams streams() {
    return streams;
  }

  InFlight inFlight() {
    return inFlight;
  }

  CliContext context() {
    return context;
  }

  boolean json() {
    return root.json;
  }

  boolean quiet() {
    return root.quiet;
  }

  Configuration configuration() {
    if (configuration == null) {
      configuration =
          Configuration.load(
              context.environment(),
              context.configFile(),
              context.userHome(),
              warning -> {
                if (!root.quiet) {
                  streams.err(warning);
                }
              });
    }
    return configuration;
  }

  UploadSettings settings() {
    return configuration().uploadSettings(root.flags());
  }

  /** Returns the uploader wired from the settings; the first call wires it. */
  Uploader uploader() {
    return uploader(settings());
  }

  /** Returns an uploader wired from {@code settings}, for commands that bring their own. */
  Uploader uploader(UploadSettings settings) {
    if (injector == null) {
      injector = Guice.createInjector(wiring(settings));
    }
    return injector.getInstance(Uploader.class);
  }

  private List<com.google.inject.Module> wiring(UploadSettings settings) {
    List<com.google.inject.Module> modules = new ArrayList<>();
    // First, so that what the command shows is up to date before any other listener runs.
    modules.add(
        new AbstractModule() {
          @Override
          protected void configure() {
            Multibinder<UploadListener> listeners =
                Multibinder.newSetBinder(binder(), UploadListener.class);
            listeners.addBinding().toInstance(inFlight);
            listeners.addBinding().toInstance(output);
          }
        });
    modules.add(Modules.override(new GraphUploadModule(settings)).with(context.overrides()));
    return modules;
  }

  /**
   * Returns the command that resumes {@code uploadId}, with the flags it needs to find the same
   * checkpoint and service. The token is left out: it is a secret, and resuming a live session
   * needs none.
   */
  String resumeCommand(String uploadId) {
    return resumeCommand(root, uploadId);
  }

  private static String resumeCommand(RootCommand root, String uploadId) {
    StringBuilder command = new StringBuilder("graph-upload");
    if (root.endpoint != null) {
      command.append(" --endpoint ").append(root.endpoint);
    }
    if (root.stateDirectory != null) {
      command.append(" --state-dir ").append(quote(root.stateDirectory));
    }
    return command.append(" resume ").append(uploadId).toString();
  }

  private static String quote(Path path) {
    String text = path.toAbsolutePath().normalize().toString();
    return text.matches("[A-Za-z0-9_./:@%+=,-]+") ? text : "'" + text.replace("'", "'\\''") + "'";
  }

  @Override
  public void close() {
    output.finish();
    if (injector != null) {
      try {
        injector.getInstance(Transport.class).close();
      } catch (IOException | RuntimeException e) {
        output.error("Could not close the connections to Graph cleanly: " + e.getMessage(), e);
      }
    }
  }
}
