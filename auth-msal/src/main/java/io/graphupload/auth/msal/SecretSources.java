package io.graphupload.auth.msal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where secrets (a client secret, a certificate password) come from. A value of {@code @path} names
 * a file that holds the secret, so that the secret itself never appears on a command line, where it
 * would land in shell history and in every user's process list.
 *
 * <p>Thread-safe; holds no state.
 */
public final class SecretSources {
  private static final Logger log = LoggerFactory.getLogger(SecretSources.class);

  private static final Set<PosixFilePermission> OPEN_TO_OTHERS =
      EnumSet.of(
          PosixFilePermission.GROUP_READ,
          PosixFilePermission.OTHERS_READ,
          PosixFilePermission.GROUP_WRITE,
          PosixFilePermission.OTHERS_WRITE);

  private SecretSources() {}

  /**
   * Returns the warning to show when a secret was typed as a plain command-line value, or empty
   * when {@code value} is a {@code @file} reference (which is safe) or empty.
   *
   * @param option the option as the user typed it, such as {@code --client-secret}
   * @param environmentVariable the variable that could carry the secret instead
   */
  public static Optional<String> commandLineWarning(
      String option, String environmentVariable, String value) {
    if (value.isBlank() || value.startsWith("@")) {
      return Optional.empty();
    }
    return Optional.of(
        "The secret given with "
            + option
            + " is visible in your shell history and, while graph-upload runs, to other users"
            + " of this machine. Set "
            + environmentVariable
            + " instead, or write the secret to an owner-only file and pass "
            + option
            + " @path/to/file.");
  }

  /**
   * Logs {@link #commandLineWarning} at WARN when it applies.
   *
   * @return whether a warning was logged
   */
  public static boolean warnIfFromCommandLine(
      String option, String environmentVariable, String value) {
    Optional<String> warning = commandLineWarning(option, environmentVariable, value);
    warning.ifPresent(log::warn);
    return warning.isPresent();
  }

  /**
   * Returns the secret {@code value}, or, when it is {@code @path}, the contents of that file
   * without the trailing line break.
   *
   * @param what names the secret and where it came from, for error messages, such as {@code setting
   *     'client-secret'}
   * @throws IllegalArgumentException naming the file and the problem, when it cannot be read or is
   *     empty
   */
  public static String resolve(String value, String what) {
    if (value.startsWith("@")) {
      return read(Path.of(value.substring(1).strip()), what);
    }
    return value.strip();
  }

  /**
   * Returns the secret held in {@code file}, without the trailing line break. Warns when other
   * users can read the file.
   *
   * @throws IllegalArgumentException naming the file and the problem, when it cannot be read or is
   *     empty
   */
  public static String read(Path file, String what) {
    String secret;
    try {
      secret = Files.readString(file, StandardCharsets.UTF_8).strip();
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(
          "The file " + file + " given for " + what + " does not exist.", e);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "The file " + file + " given for " + what + " cannot be read: " + e.getMessage(), e);
    }
    if (secret.isEmpty()) {
      throw new IllegalArgumentException(
          "The file " + file + " given for " + what + " is empty; write the secret into it.");
    }
    warnIfOpenToOthers(file);
    return secret;
  }

  private static void warnIfOpenToOthers(Path file) {
    if (!file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      return;
    }
    try {
      Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
      if (permissions.stream().anyMatch(OPEN_TO_OTHERS::contains)) {
        log.warn(
            "The secret file {} can be read by other users ({}); restrict it with: chmod 600 {}",
            file,
            PosixFilePermissions.toString(permissions),
            file);
      }
    } catch (IOException e) {
      log.debug("Could not check the permissions of {}: {}", file, e.toString());
    }
  }
}
