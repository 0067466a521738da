package io.graphupload.cli;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.util.Modules;
import io.graphupload.auth.msal.Flow;
import io.graphupload.auth.msal.SecretSources;
import io.graphupload.core.Nullable;
import io.graphupload.core.UploadListener;
import io.graphupload.core.Uploader;
import io.graphupload.core.spi.AccessTokenSource;
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
  private final Failures failures;
  private @Nullable Configuration configuration;
  private @Nullable SignIn signIn;
  private @Nullable Injector injector;

  private Session(
      CliContext context,
      RootCommand root,
      Streams streams,
      Failures failures,
      Function<Failures, Output> output) {
    this.context = context;
    this.root = root;
    this.streams = streams;
    this.failures = failures;
    this.output = output.apply(failures);
  }

  static Session open(CliContext context, RootCommand root) {
    if (root.quiet && root.verbose) {
      throw new UsageException("--quiet and --verbose contradict each other; choose one.");
    }
    Streams streams = new Streams(context.out(), context.err(), root.verbose);
    Session[] session = new Session[1];
    Failures failures = new Failures(() -> session[0].flow());
    if (root.json) {
      session[0] =
          new Session(context, root, streams, failures, all -> new JsonOutput(streams, all));
      return session[0];
    }
    TextOutput.Progress progress =
        root.quiet
            ? TextOutput.Progress.QUIET
            : context.interactive() ? TextOutput.Progress.BARS : TextOutput.Progress.LINES;
    Function<String, String> resume = id -> resumeCommand(root, id);
    session[0] =
        new Session(
            context,
            root,
            streams,
            failures,
            all ->
                new TextOutput(streams, progress, context.clock(), context.columns(), resume, all));
    return session[0];
  }

  /** Returns the sign-in flow of this run, or null when unknown or a bearer token is used. */
  private synchronized @Nullable Flow flow() {
    return signIn == null ? null : signIn.flow();
  }

  Failures failures() {
    return failures;
  }

  /**
   * Returns how this run signs in; the first call reads the settings and warns about secrets typed
   * on the command line.
   */
  synchronized SignIn signIn() {
    if (signIn == null) {
      Configuration.SignInFlags flags = root.signInFlags();
      warnIfTyped("--client-secret", Setting.CLIENT_SECRET, flags.clientSecret());
      warnIfTyped(
          "--certificate-password", Setting.CERTIFICATE_PASSWORD, flags.certificatePassword());
      UploadSettings settings = settings();
      signIn =
          new SignIn(
              configuration().auth(flags),
              settings.token(),
              configuration().signInSettings(flags, settings),
              context.stdinTerminal(),
              context.environment(),
              streams::err,
              context.signIn());
    }
    return signIn;
  }

  private void warnIfTyped(String option, Setting setting, @Nullable String value) {
    if (value != null) {
      SecretSources.commandLineWarning(option, setting.environmentVariable(), value)
          .ifPresent(warning -> streams.err("Warning: " + warning));
    }
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

  /**
   * Returns the uploader wired from the settings, signing in as they say; the first call wires it.
   */
  Uploader uploader() {
    UploadSettings settings = settings();
    // A token source plugin named in the settings is the module's to find; otherwise this run's
    // sign-in, with its prompt on stderr, serves tokens.
    boolean signInHere =
        settings.tokenSource() == null
            || settings.tokenSource().equalsIgnoreCase("msal")
            || settings.tokenSource().equalsIgnoreCase(Configuration.STATIC_AUTH);
    return uploader(settings, signInHere ? signIn().tokens() : null);
  }

  /** Returns an uploader wired from {@code settings} alone, for commands that bring their own. */
  Uploader uploader(UploadSettings settings) {
    return uploader(settings, null);
  }

  private Uploader uploader(UploadSettings settings, @Nullable AccessTokenSource tokens) {
    if (injector == null) {
      injector = Guice.createInjector(wiring(settings, tokens));
    }
    return injector.getInstance(Uploader.class);
  }

  private List<com.google.inject.Module> wiring(
      UploadSettings settings, @Nullable AccessTokenSource tokens) {
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
    GraphUploadModule graph = new GraphUploadModule(settings);
    if (tokens != null) {
      graph = graph.withTokenSource(tokens);
    }
    // Modules.override records every binding once more, which start-up time notices; only tests
    // override anything.
    modules.add(
        context.overrides().isEmpty() ? graph : Modules.override(graph).with(context.overrides()));
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
    return command(root, "resume " + uploadId);
  }

  /**
   * Returns {@code graph-upload} with the flags that find the same checkpoints and service, then
   * {@code rest}.
   */
  String command(String rest) {
    return command(root, rest);
  }

  private static String command(RootCommand root, String rest) {
    StringBuilder command = new StringBuilder("graph-upload");
    if (root.endpoint != null) {
      command.append(" --endpoint ").append(root.endpoint);
    }
    if (root.stateDirectory != null) {
      command.append(" --state-dir ").append(quote(root.stateDirectory));
    }
    return command.append(' ').append(rest).toString();
  }

  /** Quotes {@code path} for a POSIX shell when it needs quoting. */
  static String quote(Path path) {
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
