package io.graphupload.cli;

import io.graphupload.core.Cloud;
import io.graphupload.core.Nullable;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code graph-upload}: the options every command shares, and the list of commands. */
@Command(
    name = "graph-upload",
    mixinStandardHelpOptions = true,
    scope = ScopeType.INHERIT,
    versionProvider = Version.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Attaches files of up to 150 MB to Outlook messages and events through Microsoft Graph"
          + " upload sessions, and resumes them after any failure.",
      ""
    },
    subcommands = {
      AttachCommand.class,
      SendCommand.class,
      ResumeCommand.class,
      StatusCommand.class,
      CancelCommand.class,
      LoginCommand.class,
      LogoutCommand.class,
      WhoamiCommand.class,
      EmulatorCommand.class,
      DemoCommand.class
    },
    footerHeading = "%nSettings:%n",
    footer = {
      "  Flags win over environment variables GRAPH_UPLOAD_* (GRAPH_UPLOAD_ENDPOINT,",
      "  GRAPH_UPLOAD_TOKEN, GRAPH_UPLOAD_CLIENT_ID, GRAPH_UPLOAD_STATE_DIR, ...), which win over",
      "  $XDG_CONFIG_HOME/graph-upload/config.properties (endpoint=..., state-dir=...).",
      "  See the README for every setting."
    },
    exitCodeListHeading = "%nExit codes:%n")
final class RootCommand implements Callable<Integer> {
  private final CliContext context;

  @Spec CommandSpec spec;

  @Option(
      names = "--endpoint",
      paramLabel = "URL",
      scope = ScopeType.INHERIT,
      converter = EndpointConverter.class,
      description =
          "The Graph root without a version, such as http://127.0.0.1:8080 for the emulator."
              + " Default: the cloud's own. Plain http only to this machine.")
  @Nullable
  URI endpoint;

  @Option(
      names = "--cloud",
      paramLabel = "CLOUD",
      scope = ScopeType.INHERIT,
      converter = CloudConverter.class,
      description = "global (default) or china.")
  @Nullable
  Cloud cloud;

  @Option(
      names = "--token",
      paramLabel = "TOKEN",
      scope = ScopeType.INHERIT,
      description =
          "A bearer token for Graph calls. Prefer GRAPH_UPLOAD_TOKEN: other users can see"
              + " command lines.")
  @Nullable
  String token;

  @Option(
      names = "--state-dir",
      paramLabel = "DIR",
      scope = ScopeType.INHERIT,
      description =
          "Where checkpoints of unfinished uploads live."
              + " Default: $XDG_STATE_HOME/graph-upload.")
  @Nullable
  Path stateDirectory;

  @Option(
      names = "--chunk-size",
      paramLabel = "SIZE",
      scope = ScopeType.INHERIT,
      converter = SizeConverter.class,
      description =
          "The largest range per request, such as 1M or 512K; Outlook takes at most 4M,"
              + " the default.")
  @Nullable
  Long chunkSize;

  @Option(
      names = "--limit-rate",
      paramLabel = "RATE",
      scope = ScopeType.INHERIT,
      converter = SizeConverter.class,
      description =
          "Bytes per second across all uploads, such as 20M or 512K; ranges shrink to about one"
              + " second's worth. Default: no limit.")
  @Nullable
  Long limitRate;

  @Option(
      names = "--auth",
      paramLabel = "HOW",
      scope = ScopeType.INHERIT,
      converter = AuthConverter.class,
      description =
          "How to sign in: static (the --token as it is), client-secret, certificate,"
              + " device-code, browser or managed-identity. Default: static with a token; else"
              + " certificate or client-secret when one is set, else device-code.")
  @Nullable
  String auth;

  @Option(
      names = "--tenant",
      paramLabel = "TENANT",
      scope = ScopeType.INHERIT,
      description =
          "The directory (tenant) id or a domain such as contoso.onmicrosoft.com; delegated"
              + " sign-in also takes common (default), organizations or consumers.")
  @Nullable
  String tenant;

  @Option(
      names = "--client-id",
      paramLabel = "ID",
      scope = ScopeType.INHERIT,
      description = "The app registration's Application (client) ID.")
  @Nullable
  String clientId;

  @Option(
      names = "--client-secret",
      paramLabel = "SECRET",
      scope = ScopeType.INHERIT,
      description =
          "The app's client secret, or @FILE holding it. Prefer @FILE or"
              + " GRAPH_UPLOAD_CLIENT_SECRET: other users can see command lines.")
  @Nullable
  String clientSecret;

  @Option(
      names = "--certificate",
      paramLabel = "FILE",
      scope = ScopeType.INHERIT,
      description = "The app's certificate: a PEM file with its private key, or PKCS#12 (.pfx).")
  @Nullable
  String certificate;

  @Option(
      names = "--certificate-password",
      paramLabel = "PASSWORD",
      scope = ScopeType.INHERIT,
      description = "The certificate's password, or @FILE holding it.")
  @Nullable
  String certificatePassword;

  @Option(
      names = "--authority",
      paramLabel = "URL",
      scope = ScopeType.INHERIT,
      description = "An https sign-in authority replacing the cloud's.")
  @Nullable
  String authority;

  @Option(
      names = "--json",
      scope = ScopeType.INHERIT,
      description = "One JSON object per line on stdout for every event, and nothing else.")
  boolean json;

  @Option(
      names = {"-q", "--quiet"},
      scope = ScopeType.INHERIT,
      description = "No progress and no notes; results are attachment ids only.")
  boolean quiet;

  @Option(
      names = {"-v", "--verbose"},
      scope = ScopeType.INHERIT,
      description = "Debug logging, and stack traces with errors.")
  boolean verbose;

  RootCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(context.err());
    return ExitCode.USAGE.code();
  }

  Configuration.Flags flags() {
    return new Configuration.Flags(endpoint, cloud, token, stateDirectory, chunkSize, limitRate);
  }

  Configuration.SignInFlags signInFlags() {
    return new Configuration.SignInFlags(
        auth, tenant, clientId, clientSecret, certificate, certificatePassword, authority);
  }

  static final class AuthConverter implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      try {
        return Configuration.auth(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  static final class EndpointConverter implements ITypeConverter<URI> {
    @Override
    public URI convert(String value) {
      try {
        return Endpoints.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  static final class SizeConverter implements ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
      try {
        return ByteSize.parse(value);
      } catch (IllegalArgumentException | ArithmeticException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  static final class CloudConverter implements ITypeConverter<Cloud> {
    @Override
    public Cloud convert(String value) {
      try {
        return Configuration.cloud(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
