package io.graphupload.cli;

import io.graphupload.auth.msal.Identity;
import io.graphupload.auth.msal.MsalTokenSource;
import io.graphupload.core.UploadException;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code graph-upload login}: signs in once, so that later commands sign in silently. */
@Command(
    name = "login",
    description = {
      "Signs in to Microsoft Graph and keeps the tokens in an owner-only cache in the state"
          + " directory, so that later commands sign in without asking. Asks in one go for"
          + " Mail.ReadWrite (attach to messages, send) and Calendars.ReadWrite (attach to"
          + " events). With --auth device-code (the default), it shows a code to enter at"
          + " https://microsoft.com/devicelogin on stderr.",
      "",
      "Example: graph-upload login --client-id 11111111-2222-3333-4444-555555555555",
      ""
    })
final class LoginCommand implements Callable<Integer> {
  private final CliContext context;

  @ParentCommand RootCommand root;

  LoginCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws IOException, UploadException {
    try (Session session = Session.open(context, root)) {
      MsalTokenSource source = session.signIn().source();
      Identity identity = source.signIn(SignIn.LOGIN_PERMISSIONS);
      String cacheFile = source.settings().cacheFile().toString();
      if (session.json()) {
        session.streams().out(WhoamiCommand.json("signedIn", identity, cacheFile));
      } else if (session.quiet()) {
        session.streams().out(identity.name());
      } else {
        session
            .streams()
            .out(
                "Signed in as "
                    + identity.describe()
                    + " ("
                    + identity.flow().settingValue()
                    + "); the tokens are cached in "
                    + cacheFile
                    + ".");
      }
      return ExitCode.OK.code();
    }
  }
}
