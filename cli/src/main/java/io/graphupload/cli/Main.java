package io.graphupload.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Runs {@code graph-upload} on the process's streams, environment and terminal. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    configureLogging(List.of(args));
    int columns = columns(System.getenv("COLUMNS"));
    Cli cli =
        Cli.builder()
            .environment(System.getenv())
            .interactive(System.console() != null)
            .stdinTerminal(stdinIsTerminal())
            .ctrlC(CtrlC.SIGNAL)
            .columns(columns)
            .build();
    System.exit(cli.execute(args));
  }

  /**
   * Sets up slf4j-simple before anything logs. The engine's retry warnings are left out unless
   * --verbose, because the command shows retries itself, from the engine's events.
   */
  static void configureLogging(List<String> args) {
    boolean verbose = args.contains("--verbose") || args.contains("-v");
    boolean quiet = args.contains("--quiet") || args.contains("-q");
    setDefault("org.slf4j.simpleLogger.logFile", "System.err");
    setDefault("org.slf4j.simpleLogger.showThreadName", "false");
    setDefault("org.slf4j.simpleLogger.showShortLogName", "true");
    setDefault("org.slf4j.simpleLogger.levelInBrackets", "true");
    setDefault("org.slf4j.simpleLogger.defaultLogLevel", quiet ? "error" : "warn");
    // MSAL logs each failed sign-in with a stack trace; the command says it in one sentence.
    setDefault("org.slf4j.simpleLogger.log.com.microsoft.aad.msal4j", verbose ? "info" : "off");
    if (verbose) {
      setDefault("org.slf4j.simpleLogger.log.io.graphupload", "debug");
      setDefault("org.slf4j.simpleLogger.showDateTime", "true");
      setDefault("org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss.SSS");
    } else {
      setDefault("org.slf4j.simpleLogger.log.io.graphupload.core.internal", "error");
    }
  }

  private static void setDefault(String property, String value) {
    if (System.getProperty(property) == null) {
      System.setProperty(property, value);
    }
  }

  /**
   * Returns whether standard input is a terminal, where a person could answer a sign-in prompt.
   * Java 17 tells only whether stdin and stdout both are, so Linux's view of descriptor 0 decides
   * when output is piped.
   */
  static boolean stdinIsTerminal() {
    if (System.console() != null) {
      return true;
    }
    try {
      String target = Files.readSymbolicLink(Path.of("/proc/self/fd/0")).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return false;
    }
  }

  private static int columns(String text) {
    try {
      return text == null ? 80 : Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      return 80;
    }
  }
}
