package io.graphupload.auth.msal;

import io.graphupload.core.spi.AccessTokenSourceProvider;
import io.graphupload.core.spi.PluginSettings;
import io.graphupload.core.spi.ResumeStoreProvider;
import java.util.Map;

/**
 * Registers {@link MsalTokenSource} under the name {@code msal}. It reads the settings below,
 * falling back to the {@code GRAPH_UPLOAD_*} environment variables where one is named.
 *
 * <p>A source made here shows device-code prompts through the log at WARN; frontends that talk to a
 * person build one with {@link MsalTokenSource#builder} and their own prompt instead.
 */
public final class MsalTokenSourceProvider implements AccessTokenSourceProvider {
  /** The flow: client-secret, certificate, device-code, browser or managed-identity. */
  public static final String FLOW = "flow";

  /**
   * The tenant id or domain; delegated flows also take {@code common} (the default), {@code
   * organizations} or {@code consumers}. Falls back to {@link #ENV_TENANT_ID}.
   */
  public static final String TENANT_ID = "tenant-id";

  /**
   * The app registration's client id; for managed identity, a user-assigned identity's client id.
   * Falls back to {@link #ENV_CLIENT_ID}.
   */
  public static final String CLIENT_ID = "client-id";

  /** The client secret, or {@code @path} to a file holding it. Falls back to the environment. */
  public static final String CLIENT_SECRET = "client-secret";

  /** A file that holds the client secret. */
  public static final String CLIENT_SECRET_FILE = "client-secret-file";

  /** A PEM (private key and certificate) or PKCS#12 file. Falls back to the environment. */
  public static final String CERTIFICATE = "certificate";

  /** The PKCS#12 or encrypted PEM key's password, or {@code @path} to a file holding it. */
  public static final String CERTIFICATE_PASSWORD = "certificate-password";

  /** The national cloud: global (the default) or china. */
  public static final String CLOUD = "cloud";

  /** An https authority URL that replaces the cloud's; with a path, the path names the tenant. */
  public static final String AUTHORITY = "authority";

  /** The token cache file; by default {@code msal-token-cache.json} in the state directory. */
  public static final String CACHE_FILE = "cache-file";

  /** graph-upload's state directory, shared with the resume store. */
  public static final String STATE_DIR = ResumeStoreProvider.STATE_DIR;

  /** Which cached account to use when several people have signed in with the same app. */
  public static final String USERNAME = "username";

  /**
   * Whether a delegated flow may prompt (true, the default) or must fail when no cached token
   * serves, for unattended runs.
   */
  public static final String INTERACTIVE = "interactive";

  /** The environment variable read when {@link #TENANT_ID} is absent. */
  public static final String ENV_TENANT_ID = "GRAPH_UPLOAD_TENANT_ID";

  /** The environment variable read when {@link #CLIENT_ID} is absent. */
  public static final String ENV_CLIENT_ID = "GRAPH_UPLOAD_CLIENT_ID";

  /** The environment variable read when {@link #CLIENT_SECRET} is absent; may be {@code @path}. */
  public static final String ENV_CLIENT_SECRET = "GRAPH_UPLOAD_CLIENT_SECRET";

  /** The environment variable read when {@link #CERTIFICATE} is absent. */
  public static final String ENV_CERTIFICATE = "GRAPH_UPLOAD_CERTIFICATE";

  /** The environment variable read when {@link #CERTIFICATE_PASSWORD} is absent. */
  public static final String ENV_CERTIFICATE_PASSWORD = "GRAPH_UPLOAD_CERTIFICATE_PASSWORD";

  private final Map<String, String> environment;

  /** Reads the process environment; this is the constructor ServiceLoader uses. */
  public MsalTokenSourceProvider() {
    this(System.getenv());
  }

  /** Reads {@code environment} instead of the process environment. */
  public MsalTokenSourceProvider(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  @Override
  public String name() {
    return "msal";
  }

  /**
   * Returns a source for {@code settings}; nothing is requested until the first token.
   *
   * @throws IllegalArgumentException listing every problem with the settings, or saying why the
   *     certificate cannot be read
   */
  @Override
  public MsalTokenSource create(PluginSettings settings) {
    return MsalTokenSource.builder(SignInSettings.from(settings, environment)).build();
  }
}
