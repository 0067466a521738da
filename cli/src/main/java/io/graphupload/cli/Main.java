package io.graphupload.cli;

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

  private static int columns(String text) {
    try {
      return text == null ? 80 : Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      return 80;
    }
  }
}
