package io.graphupload.auth.msal;

import io.graphupload.core.Cloud;
import io.graphupload.core.Nullable;
import io.graphupload.core.spi.PluginSettings;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Everything a sign-in needs, read from plugin settings with environment variables as fallbacks and
 * checked as a whole: every problem is reported at once.
 *
 * <p>{@link #toString()} never shows the secret or the certificate password.
 *
 * @param flow how to sign in
 * @param cloud the national cloud, which picks the authority host and the Graph scope
 * @param tenant the tenant id or domain, or {@code common}, {@code organizations} or {@code
 *     consumers} for delegated flows; null for managed identity
 * @param clientId the app registration's client id; for managed identity, a user-assigned
 *     identity's client id, or null for the system-assigned one
 * @param credential the client secret or certificate, for the application flows only
 * @param authorityOverride an authority that replaces the cloud's, or null
 * @param cacheFile where the token cache is kept
 * @param username which cached account to use when several people signed in, or null
 * @param interactive whether a delegated flow may prompt when no cached token serves
 */
public record SignInSettings(
    Flow flow,
    Cloud cloud,
    @Nullable String tenant,
    @Nullable String clientId,
    @Nullable Credential credential,
    @Nullable URI authorityOverride,
    Path cacheFile,
    @Nullable String username,
    boolean interactive) {

  /** The file name of the token cache inside the state directory. */
  public static final String CACHE_FILE_NAME = "msal-token-cache.json";

  /** The tenants that stand for a kind of account rather than one directory. */
  static final Set<String> ACCOUNT_KIND_TENANTS = Set.of("common", "organizations", "consumers");

  /** How an application proves who it is. */
  public sealed interface Credential permits ClientSecret, CertificateFile {}

  /** A client secret; its {@code toString()} hides the value. */
  public record ClientSecret(String value) implements Credential {
    @Override
    public String toString() {
      return "ClientSecret[REDACTED]";
    }
  }

  /**
   * A certificate file: PEM with the private key and certificate, or PKCS#12; its {@code
   * toString()} hides the password.
   */
  public record CertificateFile(Path path, @Nullable String password) implements Credential {
    @Override
    public String toString() {
      return "CertificateFile[" + path + (password == null ? "" : ", password=REDACTED") + "]";
    }
  }

  /** Reads settings with the process environment as fallback. */
  public static SignInSettings from(PluginSettings settings) {
    return from(settings, System.getenv());
  }

  /**
   * Reads settings, falling back to {@code environment} for the {@code GRAPH_UPLOAD_*} variables.
   *
   * @throws IllegalArgumentException listing every problem, each with its fix
   */
  public static SignInSettings from(PluginSettings settings, Map<String, String> environment) {
    return new SettingsReader(settings, environment).read();
  }

  /** Returns the authority URL with its tenant, ending in a slash, as MSAL takes it. */
  public String authority() {
    if (authorityOverride != null && hasTenantPath(authorityOverride)) {
      String text = authorityOverride.toString();
      return text.endsWith("/") ? text : text + "/";
    }
    String root =
        authorityOverride != null ? authorityOverride.toString() : cloud.authority().toString();
    root = root.endsWith("/") ? root : root + "/";
    return root + (tenant == null ? "organizations" : tenant) + "/";
  }

  /** Returns the Graph root for this cloud, such as {@code https://graph.microsoft.com}. */
  public URI graphEndpoint() {
    return cloud.graphEndpoint();
  }

  static boolean hasTenantPath(URI authority) {
    String path = authority.getPath();
    return path != null && !path.isEmpty() && !path.equals("/");
  }

  @Override
  public String toString() {
    return "SignInSettings[flow="
        + flow.settingValue()
        + ", cloud="
        + cloud.name().toLowerCase(Locale.ROOT)
        + ", tenant="
        + tenant
        + ", clientId="
        + clientId
        + ", credential="
        + credential
        + ", authority="
        + authority()
        + ", cacheFile="
        + cacheFile
        + (username == null ? "" : ", username=" + username)
        + ", interactive="
        + interactive
        + "]";
  }

  /**
   * Returns graph-upload's state directory: {@code $XDG_STATE_HOME/graph-upload} when that holds an
   * absolute path, else {@code ~/.local/state/graph-upload}, as the resume store does.
   */
  static Path defaultStateDirectory(Map<String, String> environment, String userHome) {
    String stateHome = environment.get("XDG_STATE_HOME");
    if (stateHome != null && Path.of(stateHome).isAbsolute()) {
      return Path.of(stateHome, "graph-upload");
    }
    return Path.of(userHome, ".local", "state", "graph-upload");
  }
}
