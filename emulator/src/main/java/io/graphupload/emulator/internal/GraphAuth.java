package io.graphupload.emulator.internal;

import io.graphupload.emulator.ClientRule;

/**
 * Checks Graph bearer tokens and resolves whose mailbox a path names.
 *
 * <p>The emulator does not validate tokens cryptographically. Any non-empty bearer token is
 * accepted unless a set of required tokens was configured. A token starting with {@code app:}
 * stands for an application token; any other token is a delegated token of the signed-in user.
 */
final class GraphAuth {
  private final Settings settings;
  private final MailStore mail;
  private final ViolationLog violations;

  GraphAuth(Settings settings, MailStore mail, ViolationLog violations) {
    this.settings = settings;
    this.mail = mail;
    this.violations = violations;
  }

  /** Who is calling; application callers may use any mailbox. */
  record Caller(boolean application) {}

  /** Whose mailbox a request addresses, and whether a delegated caller reaches past its own. */
  record Access(MailboxState mailbox, boolean delegatedToOther) {}

  Caller authenticate(HttpCall call) {
    String header = call.header("Authorization");
    String token =
        header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
            ? header.substring(7).trim()
            : "";
    if (token.isEmpty()) {
      violations.record(
          ClientRule.MISSING_BEARER_TOKEN,
          "Graph requests need 'Authorization: Bearer <token>'",
          null,
          call);
      throw new GraphException(401, "InvalidAuthenticationToken", "Access token is empty.");
    }
    if (!settings.requiredTokens.isEmpty() && !settings.requiredTokens.contains(token)) {
      violations.record(
          ClientRule.MISSING_BEARER_TOKEN,
          "The bearer token is not one of the tokens the emulator was started with",
          null,
          call);
      throw new GraphException(
          401, "InvalidAuthenticationToken", "Access token validation failure.");
    }
    return new Caller(token.startsWith("app:"));
  }

  /**
   * Resolves {@code me} (when {@code user} is null) or {@code users/{user}}.
   *
   * @throws GraphException 400 for {@code me} with an application token, 404 for unknown users
   */
  Access resolve(Caller caller, String user) {
    if (user == null) {
      if (caller.application()) {
        throw GraphException.badRequest(
            "BadRequest", "/me request is only valid with delegated authentication flow.");
      }
      return new Access(mail.signedIn(), false);
    }
    MailboxState mailbox =
        mail.find(user)
            .orElseThrow(
                () ->
                    GraphException.notFound(
                        "ErrorInvalidUser", "The requested user '" + user + "' is invalid."));
    return new Access(mailbox, !caller.application() && mailbox != mail.signedIn());
  }
}
