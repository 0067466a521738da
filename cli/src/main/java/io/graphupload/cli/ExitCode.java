package io.graphupload.cli;

import io.graphupload.core.UploadException.Category;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The command's exit codes and what each failure category comes to; {@link Failures} maps every
 * failure through here. {@code --help} and the README list them from here.
 */
enum ExitCode {
  OK(0, "all done"),
  PERMANENT(1, "a permanent failure: the service refused, trying again will not help"),
  USAGE(2, "a usage error: a bad option, argument or setting"),
  INVALID_INPUT(3, "invalid input: a file missing, unreadable, empty, changed or too large"),
  AUTHENTICATION(4, "authentication or permission: no token, an expired one, or a missing grant"),
  TRANSIENT(75, "a temporary failure: resume later (a small file: run the command again)"),
  INTERRUPTED(130, "cancelled or interrupted (Ctrl-C); the checkpoint stays for resume");

  private final int code;
  private final String meaning;

  ExitCode(int code, String meaning) {
    this.code = code;
    this.meaning = meaning;
  }

  int code() {
    return code;
  }

  String meaning() {
    return meaning;
  }

  static ExitCode of(Category category) {
    return switch (category) {
      case INVALID_INPUT -> INVALID_INPUT;
      case AUTHENTICATION -> AUTHENTICATION;
      case PERMANENT -> PERMANENT;
      case TRANSIENT -> TRANSIENT;
      case CANCELLED -> INTERRUPTED;
    };
  }

  /**
   * Returns the code for a run in which files failed in {@code categories}: the one that most needs
   * a person's attention. A temporary failure beside a permanent one must not suggest that {@code
   * resume} fixes everything.
   */
  static ExitCode worst(Collection<Category> categories) {
    return categories.stream()
        .map(ExitCode::of)
        .max(Comparator.comparingInt(ExitCode::severity))
        .orElse(OK);
  }

  private int severity() {
    return switch (this) {
      case OK -> 0;
      case TRANSIENT -> 1;
      case PERMANENT -> 2;
      case INVALID_INPUT -> 3;
      case AUTHENTICATION -> 4;
      case USAGE -> 5;
      case INTERRUPTED -> 6;
    };
  }

  /** Returns the codes and their meanings, for {@code --help}. */
  static Map<String, String> helpList() {
    Map<String, String> list = new LinkedHashMap<>();
    for (ExitCode exit : values()) {
      list.put(String.format("%3d", exit.code), exit.meaning);
    }
    return list;
  }
}
