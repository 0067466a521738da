package io.graphupload.cli;

import com.google.inject.Module;
import io.graphupload.auth.msal.MsalTokenSource;
import io.graphupload.core.Nullable;
import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Builds the {@code graph-upload} command line around a {@link CliContext}, so that {@link Main}
 * runs it on the real streams and environment and tests run it in memory. Maps every failure to an
 * exit code and a sentence on stderr, here and nowhere else.
 */
final class Cli {
  private final CliContext context;

  private Cli(CliContext context) {
    this.context = context;
  }

  static Builder builder() {
    return new Builder();
  }

  /** Runs the command for {@code args} and returns its exit code. */
  int execute(String... args) {
    CommandLine commandLine = commandLine();
    int code = commandLine.execute(args);
    context.out().flush();
    context.err().flush();
    return code;
  }

  CommandLine commandLine() {
    CommandLine commandLine = new CommandLine(RootCommand.class, new ContextFactory(context));
    commandLine.setOut(context.out());
    commandLine.setErr(context.err());
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    commandLine.setParameterExceptionHandler(this::usageError);
    commandLine.setExecutionExceptionHandler(this::failure);
    listExitCodes(commandLine);
    return commandLine;
  }

  private static void listExitCodes(CommandLine commandLine) {
    commandLine.getCommandSpec().usageMessage().exitCodeList(ExitCode.helpList());
    commandLine.getSubcommands().values().forEach(Cli::listExitCodes);
  }

  private int usageError(ParameterException e, String[] args) {
    PrintWriter err = context.err();
    err.println(e.getMessage());
    UnmatchedArgumentException.printSuggestions(e, err);
    err.println(
        "Run '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help' for usage.");
    err.flush();
    return ExitCode.USAGE.code();
  }

  private int failure(Exception e, CommandLine commandLine, ParseResult parsed) {
    // Inherited options land on the root command, wherever they were given.
    boolean verbose = ((RootCommand) commandLine.getCommandSpec().root().userObject()).verbose;
    Streams streams = new Streams(context.out(), context.err(), verbose);
    // Commands that sign in report their own failures with the flow; what reaches here did not.
    Failures.Outcome outcome = new Failures(() -> null).outcome(e);
    if (outcome.pointAtHelp()) {
      streams.err(outcome.sentence());
      streams.err("Run '" + commandLine.getCommandSpec().qualifiedName() + " --help' for usage.");
    } else {
      streams.error(outcome.sentence(), outcome.cause());
    }
    return outcome.exitCode().code();
  }

  /** Gives commands the context; everything else picocli creates itself. */
  private static final class ContextFactory implements IFactory {
    private final CliContext context;

    ContextFactory(CliContext context) {
      this.context = context;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
      Constructor<K> constructor;
      try {
        constructor = type.getDeclaredConstructor(CliContext.class);
      } catch (NoSuchMethodException e) {
        return CommandLine.defaultFactory().create(type);
      }
      try {
        return constructor.newInstance(context);
      } catch (InvocationTargetException e) {
        throw e.getCause() instanceof Exception cause ? cause : e;
      }
    }
  }

  /** Collects the context. Defaults: empty environment, no terminal, the real clock. */
  static final class Builder {
    private PrintWriter out = new PrintWriter(System.out, true);
    private PrintWriter err = new PrintWriter(System.err, true);
    private Map<String, String> environment = Map.of();
    private @Nullable Path configFile;
    private Path userHome = Path.of(System.getProperty("user.home"));
    private boolean interactive;
    private boolean stdinTerminal;
    private int columns = 80;
    private CtrlC ctrlC = CtrlC.NONE;
    private UnaryOperator<MsalTokenSource.Builder> signIn = UnaryOperator.identity();
    private ShutdownHooks shutdownHooks = ShutdownHooks.RUNTIME;
    private Clock clock = Clock.systemUTC();
    private final List<Module> overrides = new ArrayList<>();

    Builder out(PrintWriter value) {
      out = value;
      return this;
    }

    Builder err(PrintWriter value) {
      err = value;
      return this;
    }

    Builder environment(Map<String, String> value) {
      environment = value;
      return this;
    }

    Builder configFile(@Nullable Path value) {
      configFile = value;
      return this;
    }

    Builder userHome(Path value) {
      userHome = value;
      return this;
    }

    Builder interactive(boolean value) {
      interactive = value;
      return this;
    }

    /** Sets whether standard input is a terminal, where a person could answer a sign-in. */
    Builder stdinTerminal(boolean value) {
      stdinTerminal = value;
      return this;
    }

    Builder ctrlC(CtrlC value) {
      ctrlC = value;
      return this;
    }

    /** Adjusts every MSAL sign-in this command builds; tests route it to a fake Entra ID. */
    Builder signIn(UnaryOperator<MsalTokenSource.Builder> value) {
      signIn = value;
      return this;
    }

    Builder columns(int value) {
      columns = value;
      return this;
    }

    Builder shutdownHooks(ShutdownHooks value) {
      shutdownHooks = value;
      return this;
    }

    Builder clock(Clock value) {
      clock = value;
      return this;
    }

    /** Adds Guice modules that override the wiring's bindings, such as a sleeper for tests. */
    Builder override(Module module) {
      overrides.add(module);
      return this;
    }

    Cli build() {
      return new Cli(
          new CliContext(
              out,
              err,
              environment,
              configFile,
              userHome,
              interactive,
              stdinTerminal,
              columns,
              shutdownHooks,
              ctrlC,
              signIn,
              clock,
              overrides));
    }
  }
}
