package io.graphupload.emulator;

import io.graphupload.emulator.internal.AdminJson;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/** Runs the emulator standalone: {@code java -jar graph-upload-emulator.jar --port 8080}. */
public final class Main {
  private static final String USAGE =
      String.join(
          "\n",
          "Usage: java -jar graph-upload-emulator.jar [options]",
          "  --port N                  port to listen on (default 8080; 0 picks a free one)",
          "  --data-dir DIR            where attachments go (default: a temporary directory)",
          "  --message-size-limit N    mailbox message size limit in bytes (default 36700160)",
          "  --no-status-queries       answer GET {uploadUrl} with 405, like a service without it",
          "  --token T                 accept only this bearer token (repeatable)",
          "  --signed-in-user UPN      the user delegated tokens sign in as",
          "  --user UPN                another user with a mailbox and drive (repeatable)",
          "  --upload-host HOST        host name for upload URLs (default: same as Graph)",
          "  --faults FILE             JSON fault rules (an object or an array) to start with",
          "  --help                    show this help");

  private Main() {}

  public static void main(String[] args) throws Exception {
    // Only the standalone jar configures logging: one line per request at INFO, on stderr.
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "info");
    System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
    System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss.SSS");
    System.setProperty("org.slf4j.simpleLogger.showThreadName", "false");
    EmulatorBuilder builder;
    try {
      builder = parse(args, System.out);
    } catch (IllegalArgumentException e) {
      System.err.println("graph-upload-emulator: " + e.getMessage());
      System.err.println(USAGE);
      System.exit(2);
      return;
    }
    if (builder == null) {
      return;
    }
    Emulator emulator = builder.build().start();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  emulator.close();
                  stopped.countDown();
                }));
    stopped.await();
  }

  /** Turns arguments into a builder; returns null after printing help. */
  static EmulatorBuilder parse(String[] args, PrintStream out) throws IOException {
    EmulatorBuilder builder = Emulator.builder().port(8080);
    Set<String> tokens = new LinkedHashSet<>();
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      switch (option) {
        case "--help":
        case "-h":
          out.println(USAGE);
          return null;
        case "--no-status-queries":
          builder.statusQueries(false);
          break;
        case "--port":
          builder.port(number(option, value(args, ++i, option)));
          break;
        case "--data-dir":
          builder.dataDirectory(Path.of(value(args, ++i, option)));
          break;
        case "--message-size-limit":
          builder.messageSizeLimit(longNumber(option, value(args, ++i, option)));
          break;
        case "--token":
          tokens.add(value(args, ++i, option));
          break;
        case "--signed-in-user":
          builder.signedInUser(value(args, ++i, option));
          break;
        case "--user":
          builder.user(value(args, ++i, option));
          break;
        case "--upload-host":
          builder.uploadHost(value(args, ++i, option));
          break;
        case "--faults":
          faults(Path.of(value(args, ++i, option))).forEach(builder::fault);
          break;
        default:
          throw new IllegalArgumentException("Unknown option '" + option + "'");
      }
    }
    if (!tokens.isEmpty()) {
      builder.requiredTokens(tokens);
    }
    return builder;
  }

  private static List<FaultRule> faults(Path file) throws IOException {
    if (!Files.isReadable(file)) {
      throw new IllegalArgumentException("Cannot read the fault file " + file);
    }
    Object json = AdminJson.parse(Files.readAllBytes(file));
    List<FaultRule> rules = new ArrayList<>();
    for (Object entry : json instanceof List ? (List<?>) json : List.of(json)) {
      if (!(entry instanceof Map)) {
        throw new IllegalArgumentException("Each fault rule in " + file + " is a JSON object");
      }
      @SuppressWarnings("unchecked") // JSON objects are read as Map<String, Object>.
      Map<String, Object> rule = (Map<String, Object>) entry;
      rules.add(AdminJson.rule(rule));
    }
    return rules;
  }

  private static String value(String[] args, int index, String option) {
    if (index >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[index];
  }

  private static int number(String option, String value) {
    return Math.toIntExact(longNumber(option, value));
  }

  private static long longNumber(String option, String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " takes a whole number, not '" + value + "'");
    }
  }
}
