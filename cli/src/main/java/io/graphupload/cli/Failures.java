package io.graphupload.cli;

import com.google.inject.CreationException;
import com.google.inject.ProvisionException;
import com.google.inject.spi.Message;
import io.graphupload.auth.msal.Flow;
import io.graphupload.auth.msal.GraphRefusals;
import io.graphupload.core.Nullable;
import io.graphupload.core.Redaction;
import io.graphupload.core.UploadException;
import io.graphupload.core.UploadException.Phase;
import io.graphupload.core.UploadTarget;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Turns failures into the sentence a person reads and the command's exit code: the one place that
 * does, both for errors a command throws and for uploads that fail as they run. Graph's 401 and 403
 * answers become a sentence naming the permission or consent that is missing, for the way this run
 * signs in.
 *
 * <p>Thread-safe: parallel uploads report through one instance.
 */
final class Failures {
  /** A message needs this when nothing says which item a failure concerned. */
  static final Set<String> DEFAULT_PERMISSIONS = Set.of("Mail.ReadWrite");

  /** Phases that call Graph itself with a token; upload URLs carry their own credentials. */
  private static final Set<Phase> GRAPH_CALLS =
      EnumSet.of(
          Phase.CREATE_SESSION, Phase.POST_ATTACHMENT, Phase.CREATE_DRAFT, Phase.SEND_MESSAGE);

  private final Supplier<@Nullable Flow> flow;
  private final Map<String, Set<String>> permissionsByUpload = new ConcurrentHashMap<>();

  /**
   * @param flow gives the sign-in flow of this run, or null for a bearer token of unknown origin
   */
  Failures(Supplier<@Nullable Flow> flow) {
    this.flow = flow;
  }

  /** Remembers where an upload goes, so that a refusal names the permission that target needs. */
  void target(String uploadId, UploadTarget target) {
    permissionsByUpload.put(uploadId, target.requiredPermissions());
  }

  /** Returns the sentence for the failure of upload {@code uploadId}, or of no upload (null). */
  String sentence(@Nullable String uploadId, UploadException error) {
    Set<String> permissions =
        uploadId == null
            ? DEFAULT_PERMISSIONS
            : permissionsByUpload.getOrDefault(uploadId, DEFAULT_PERMISSIONS);
    return sentence(error, permissions, flow.get());
  }

  /** Returns the sentence for {@code error}, with {@code permissions} the request needed. */
  static String sentence(UploadException error, Set<String> permissions, @Nullable Flow flow) {
    if (isGraphRefusal(error)) {
      return GraphRefusals.explain(error.httpStatus(), error.errorCode(), permissions, flow);
    }
    // Core's messages are sentences already; some end with a command, which a full stop breaks.
    return Redaction.text(error.getMessage());
  }

  /** Returns whether Graph itself refused the token or the permission, as opposed to a session. */
  static boolean isGraphRefusal(UploadException error) {
    int status = error.httpStatus();
    return (status == 401 || status == 403) && GRAPH_CALLS.contains(error.phase());
  }

  /** Returns the exit code for {@code error}. */
  static ExitCode exitCode(UploadException error) {
    if (isGraphRefusal(error)) {
      return ExitCode.AUTHENTICATION;
    }
    return ExitCode.of(error.category());
  }

  /**
   * Describes anything a command threw: the sentence, the exit code, and whether to point at {@code
   * --help}.
   */
  Outcome outcome(Throwable thrown) {
    Throwable cause = unwrap(thrown);
    if (cause instanceof UsageException usage) {
      return new Outcome(usage.getMessage(), ExitCode.USAGE, true, cause);
    }
    if (cause instanceof UploadException upload) {
      return new Outcome(sentence(null, upload), exitCode(upload), false, cause);
    }
    if (cause instanceof UncheckedIOException || cause instanceof IOException) {
      return new Outcome(period(cause.getMessage()), ExitCode.PERMANENT, false, cause);
    }
    if (cause instanceof IllegalArgumentException || cause instanceof IllegalStateException) {
      // Plugins refuse unusable settings, and discovery finding no plugin, with these.
      return new Outcome(period(cause.getMessage()), ExitCode.PERMANENT, false, cause);
    }
    return new Outcome(
        "Unexpected failure: "
            + cause
            + ". This is a bug; please report it with the output of --verbose.",
        ExitCode.PERMANENT,
        false,
        cause);
  }

  /**
   * What a failure comes to.
   *
   * @param pointAtHelp whether the failure is a usage error, after which {@code --help} helps
   */
  record Outcome(String sentence, ExitCode exitCode, boolean pointAtHelp, Throwable cause) {}

  /** Returns the failure that Guice wrapped while creating a plugin. */
  static Throwable unwrap(Throwable e) {
    Throwable current = e;
    while (true) {
      List<Message> messages =
          current instanceof ProvisionException provision
              ? new ArrayList<>(provision.getErrorMessages())
              : current instanceof CreationException creation
                  ? new ArrayList<>(creation.getErrorMessages())
                  : List.of();
      Throwable inner = messages.size() == 1 ? messages.get(0).getCause() : null;
      if (inner == null) {
        return current;
      }
      current = inner;
    }
  }

  /** Returns {@code message} redacted and ending with a full stop. */
  static String period(@Nullable String message) {
    String text = Redaction.text(message == null ? "unknown failure" : message.strip());
    return text.endsWith(".") ? text : text + ".";
  }
}
