package io.graphupload.cli;

/**
 * A usage error found after parsing: a bad environment variable or configuration file value, or
 * options that do not go together. Exits with {@link ExitCode#USAGE}.
 */
final class UsageException extends RuntimeException {
  UsageException(String message) {
    super(message);
  }

  UsageException(String message, Throwable cause) {
    super(message, cause);
  }
}
