package io.graphupload.cli;

import com.google.inject.Module;
import io.graphupload.auth.msal.MsalTokenSource;
import io.graphupload.core.Nullable;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * What a command may touch of the world, so that tests run commands in memory: the output streams,
 * the environment, the configuration file, whether a person watches a terminal, and Guice modules
 * that override the wiring (a sleeper that does not wait, say).
 *
 * @param configFile the configuration file, or null for {@code
 *     $XDG_CONFIG_HOME/graph-upload/config.properties}
 * @param interactive whether stderr is a terminal a person watches, for progress bars
 * @param stdinTerminal whether stdin is a terminal, so that a sign-in may ask a person
 * @param columns the terminal's width in characters
 * @param ctrlC what Ctrl-C does while uploads run
 * @param signIn adjusts each MSAL sign-in before it is built; tests route it to a fake
 */
record CliContext(
    PrintWriter out,
    PrintWriter err,
    Map<String, String> environment,
    @Nullable Path configFile,
    Path userHome,
    boolean interactive,
    boolean stdinTerminal,
    int columns,
    ShutdownHooks shutdownHooks,
    CtrlC ctrlC,
    UnaryOperator<MsalTokenSource.Builder> signIn,
    Clock clock,
    List<Module> overrides) {

  CliContext {
    environment = Map.copyOf(environment);
    overrides = List.copyOf(overrides);
  }
}
