package io.graphupload.cli;

import io.graphupload.auth.msal.Identity;
import io.graphupload.auth.msal.SignInSettings;
import io.graphupload.auth.msal.SignOutResult;
import io.graphupload.core.UploadException;
import io.graphupload.core.UploadException.Phase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code graph-upload logout}: removes the token cache. */
@Command(
    name = "logout",
    description = {
      "Signs out: removes this app's accounts from the token cache and deletes the cache file,"
          + " which holds every graph-upload token of this user. Other graph-upload processes"
          + " stop using their copies. Says what was removed.",
      "",
      "Example: graph-upload logout",
      ""
    })
final class LogoutCommand implements Callable<Integer> {
  private final CliContext context;

  @ParentCommand RootCommand root;

  LogoutCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws UploadException, IOException {
    try (Session session = Session.open(context, root)) {
      SignOutResult result = signOut(session);
      if (session.json()) {
        session.streams().out(json(result));
      } else if (!session.quiet()) {
        session.streams().out(sentence(result));
      }
      return ExitCode.OK.code();
    }
  }

  /**
   * Signs out through MSAL; without usable sign-in settings (no client id, say) the cache file is
   * deleted directly, since a person signing out should not need to configure anything first.
   */
  private static SignOutResult signOut(Session session) throws UploadException, IOException {
    SignIn signIn = session.signIn();
    if (!signIn.isStatic()) {
      try {
        return signIn.source().signOut();
      } catch (UploadException e) {
        if (e.phase() != Phase.SIGN_IN || !(e.getCause() instanceof IllegalArgumentException)) {
          throw e;
        }
      }
    }
    Path cacheFile = session.settings().stateDirectory().resolve(SignInSettings.CACHE_FILE_NAME);
    return new SignOutResult(List.of(), cacheFile, Files.deleteIfExists(cacheFile));
  }

  static String sentence(SignOutResult result) {
    if (!result.cacheFileDeleted()) {
      return "There was no token cache at " + result.cacheFile() + "; nothing to remove.";
    }
    List<String> names = result.forgotten().stream().map(Identity::name).toList();
    return (names.isEmpty() ? "Signed out" : "Signed out " + String.join(", ", names))
        + "; deleted the token cache "
        + result.cacheFile()
        + ".";
  }

  private static String json(SignOutResult result) {
    return JsonOutput.write(
        json -> {
          json.name("event").value("signedOut");
          json.name("forgotten").beginArray();
          for (Identity identity : result.forgotten()) {
            json.value(identity.name());
          }
          json.endArray();
          json.name("cacheFile").value(result.cacheFile().toString());
          json.name("cacheFileDeleted").value(result.cacheFileDeleted());
        });
  }
}
