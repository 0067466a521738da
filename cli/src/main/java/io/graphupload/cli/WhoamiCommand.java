package io.graphupload.cli;

import io.graphupload.auth.msal.Identity;
import io.graphupload.auth.msal.MsalTokenSource;
import io.graphupload.core.Nullable;
import io.graphupload.core.UploadException;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code graph-upload whoami}: who the next command acts for; never a token. */
@Command(
    name = "whoami",
    description = {
      "Shows who commands act for, from the token cache, without signing in: the signed-in"
          + " person, or the application or managed identity. Never shows a token.",
      "",
      "Example: graph-upload whoami",
      ""
    })
final class WhoamiCommand implements Callable<Integer> {
  private final CliContext context;

  @ParentCommand RootCommand root;

  WhoamiCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws UploadException {
    try (Session session = Session.open(context, root)) {
      SignIn signIn = session.signIn();
      if (signIn.isStatic()) {
        return bearerToken(session);
      }
      MsalTokenSource source = signIn.source();
      Optional<Identity> identity = source.account();
      String cacheFile = source.settings().cacheFile().toString();
      if (identity.isEmpty()) {
        if (session.json()) {
          session.streams().out(json("notSignedIn", null, cacheFile));
        }
        session
            .streams()
            .err(
                "Not signed in: the token cache "
                    + cacheFile
                    + " holds no account for this app; run: graph-upload login");
        return ExitCode.AUTHENTICATION.code();
      }
      if (session.json()) {
        session.streams().out(json("identity", identity.get(), cacheFile));
      } else if (session.quiet()) {
        session.streams().out(identity.get().name());
      } else {
        session
            .streams()
            .out(
                identity.get().describe()
                    + " (signed in with "
                    + identity.get().flow().settingValue()
                    + ")");
      }
      return ExitCode.OK.code();
    }
  }

  private static int bearerToken(Session session) {
    if (session.json()) {
      session
          .streams()
          .out(
              JsonOutput.write(
                  json -> {
                    json.name("event").value("identity");
                    json.name("kind").value("bearerToken");
                  }));
    } else {
      session
          .streams()
          .out(
              "A bearer token given with --token or GRAPH_UPLOAD_TOKEN (--auth static);"
                  + " graph-upload does not look inside it.");
    }
    return ExitCode.OK.code();
  }

  /** Writes an identity as one JSON object; never a token. */
  static String json(String event, @Nullable Identity identity, String cacheFile) {
    return JsonOutput.write(
        json -> {
          json.name("event").value(event);
          if (identity != null) {
            json.name("kind").value(JsonOutput.camelCase(identity.kind().name()));
            json.name("name").value(identity.name());
            json.name("tenantId").value(identity.tenantId());
            json.name("flow").value(identity.flow().settingValue());
          }
          json.name("cacheFile").value(cacheFile);
        });
  }
}
