package io.graphupload.auth.msal;

import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.IHttpClient;
import com.microsoft.aad.msal4j.OpenBrowserAction;
import io.graphupload.core.Nullable;
import io.graphupload.core.UploadException;
import io.graphupload.core.UploadException.Category;
import io.graphupload.core.UploadException.Phase;
import io.graphupload.core.spi.AccessTokenSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Access tokens for Microsoft Graph from MSAL4J, for one flow and one app. Cached tokens always
 * come first; a delegated flow prompts (device code or browser) only when neither a cached access
 * token nor a refresh token serves. Tokens are cached in an owner-only file shared by the user's
 * graph-upload processes (managed identity tokens stay in memory).
 *
 * <p>Besides {@link #token}, frontends call {@link #signIn} (login), {@link #account} and {@link
 * #accounts} (whoami) and {@link #signOut} (logout).
 *
 * <p>Thread-safe: calls that may reach Entra ID run one at a time, so two threads never prompt at
 * once. {@link #toString()} shows no token or secret.
 */
public final class MsalTokenSource implements AccessTokenSource {
  private static final Logger log = LoggerFactory.getLogger(MsalTokenSource.class);

  private final SignInSettings settings;
  private final TokenCacheFile cacheFile;
  private final TokenClients clients;
  private final Object lock = new Object();
  private final Set<String> refusedTokens = ConcurrentHashMap.newKeySet();
  private TokenClient client;

  private MsalTokenSource(Builder builder) {
    this.settings = builder.settings;
    this.cacheFile = new TokenCacheFile(settings.cacheFile());
    this.clients =
        new TokenClients(
            settings,
            cacheFile,
            builder.prompt,
            builder.httpClient,
            builder.instanceDiscovery,
            builder.browser);
    this.client = clients.create();
  }

  /** Returns a builder for a source with {@code settings}. */
  public static Builder builder(SignInSettings settings) {
    return new Builder(settings);
  }

  /**
   * Returns a token for the Graph permissions {@code scopes}, such as {@code Mail.ReadWrite}.
   * Application flows ask for every permission granted to the app ({@code {graph}/.default}).
   *
   * @throws UploadException of phase SIGN_IN, with a sentence saying what to do
   * @throws IOException when Entra ID or the managed identity endpoint cannot be reached
   */
  @Override
  public String token(Set<String> scopes) throws IOException, UploadException {
    return acquire(scopes, settings.interactive()).accessToken();
  }

  /**
   * Makes the next {@link #token} call skip {@code token}, which Graph refused, and get a fresh
   * one.
   */
  @Override
  public void invalidate(String token) {
    refusedTokens.add(fingerprint(token));
  }

  /**
   * Signs in for {@code scopes} and returns who is signed in: silently when the cache serves,
   * otherwise with the flow's prompt, even when {@code interactive} is off. Application flows check
   * their credential by getting a token.
   *
   * @throws UploadException of phase SIGN_IN, with a sentence saying what to do
   * @throws IOException when Entra ID cannot be reached
   */
  public Identity signIn(Set<String> scopes) throws IOException, UploadException {
    IAuthenticationResult result = acquire(scopes, true);
    synchronized (lock) {
      return client.identityOf(result);
    }
  }

  /**
   * Returns who {@link #token} acts for without prompting: the signed-in person, the application or
   * the managed identity; empty when nobody has signed in with a delegated flow. Makes no network
   * call.
   *
   * @throws UploadException when several people signed in with this app and {@code username} does
   *     not pick one, or the cache cannot be read
   */
  public Optional<Identity> account() throws UploadException {
    return Optional.ofNullable(call(TokenClient::current));
  }

  /** Returns every identity with cached tokens for this app; makes no network call. */
  public List<Identity> accounts() throws UploadException {
    return call(TokenClient::identities);
  }

  /**
   * Signs out: removes this app's accounts from the cache, then deletes the cache file, which holds
   * every app's tokens for this user. Other processes notice and stop using their copies.
   *
   * @throws UploadException when the cache file cannot be deleted
   */
  public SignOutResult signOut() throws UploadException {
    synchronized (lock) {
      List<Identity> forgotten = call(TokenClient::forget);
      boolean deleted = call(ignored -> cacheFile.delete());
      client = clients.create();
      refusedTokens.clear();
      log.info(
          "Signed out; the token cache {} was {}",
          cacheFile.path(),
          deleted ? "deleted" : "absent");
      return new SignOutResult(forgotten, cacheFile.path(), deleted);
    }
  }

  /**
   * Returns the sentence explaining Graph's 401 or 403, naming the missing permission or consent
   * for this source's flow. See {@link GraphRefusals#explain}.
   */
  public String explainRefusal(
      int httpStatus, @Nullable String graphErrorCode, Set<String> requiredPermissions) {
    return GraphRefusals.explain(httpStatus, graphErrorCode, requiredPermissions, settings.flow());
  }

  /** Returns the settings this source signs in with. */
  public SignInSettings settings() {
    return settings;
  }

  private IAuthenticationResult acquire(Set<String> permissions, boolean mayPrompt)
      throws IOException, UploadException {
    Set<String> scopes =
        settings.flow().isDelegated()
            ? GraphScopes.delegated(settings.graphEndpoint(), permissions)
            : GraphScopes.application(settings.graphEndpoint());
    synchronized (lock) {
      IAuthenticationResult result = acquireOnce(scopes, false, mayPrompt);
      if (refusedTokens.contains(fingerprint(result.accessToken()))) {
        log.debug("Graph refused the cached token; asking Entra ID for a new one");
        result = acquireOnce(scopes, true, mayPrompt);
      }
      refusedTokens.clear();
      return result;
    }
  }

  private IAuthenticationResult acquireOnce(Set<String> scopes, boolean force, boolean mayPrompt)
      throws IOException, UploadException {
    return callOrIo(current -> current.acquire(scopes, force, mayPrompt));
  }

  /** Runs {@code action} on the current client, turning MSAL's failures into ours. */
  private <T> T call(ClientAction<T> action) throws UploadException {
    try {
      return callOrIo(action);
    } catch (IOException e) {
      throw new UploadException(Category.TRANSIENT, Phase.SIGN_IN, e.getMessage(), e);
    }
  }

  private <T> T callOrIo(ClientAction<T> action) throws IOException, UploadException {
    synchronized (lock) {
      if (cacheFile.removedElsewhere()) {
        log.info("Another graph-upload process signed out; dropping the tokens held in memory");
        cacheFile.reset();
        client = clients.create();
      }
      try {
        return action.run(client);
      } catch (UploadException | IOException e) {
        throw e;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new UploadException(
            Category.CANCELLED, Phase.SIGN_IN, "Signing in was interrupted.", e);
      } catch (Exception e) {
        Exception translated = SignInFailures.translate(e, settings);
        if (translated instanceof IOException io) {
          throw io;
        }
        throw (UploadException) translated;
      }
    }
  }

  private static String fingerprint(String token) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }

  @Override
  public String toString() {
    return "MsalTokenSource[flow="
        + settings.flow().settingValue()
        + ", tenant="
        + settings.tenant()
        + ", clientId="
        + settings.clientId()
        + ", cacheFile="
        + cacheFile.path()
        + "]";
  }

  @FunctionalInterface
  private interface ClientAction<T> {
    T run(TokenClient client) throws Exception;
  }

  /** Builds a {@link MsalTokenSource}. Not thread-safe. */
  public static final class Builder {
    private final SignInSettings settings;
    private Consumer<DeviceCodePrompt> prompt = DeviceCodePrompts.LOG;
    private @Nullable IHttpClient httpClient;
    private boolean instanceDiscovery = true;
    private @Nullable OpenBrowserAction browser;

    private Builder(SignInSettings settings) {
      this.settings = settings;
    }

    /**
     * Sets what shows a device code to the person signing in; the CLI prints {@link
     * DeviceCodePrompt#message()} on stderr. By default the prompt is logged at WARN. It is called
     * on an MSAL thread and should return quickly.
     */
    public Builder deviceCodePrompt(Consumer<DeviceCodePrompt> prompt) {
      this.prompt = prompt;
      return this;
    }

    /** Routes MSAL's requests through {@code httpClient}; for tests against a local fake. */
    Builder httpClient(IHttpClient httpClient) {
      this.httpClient = httpClient;
      return this;
    }

    /** Turns off MSAL's authority validation, which needs the real Entra ID; for tests. */
    Builder instanceDiscovery(boolean instanceDiscovery) {
      this.instanceDiscovery = instanceDiscovery;
      return this;
    }

    /** Replaces opening the system browser; for tests. */
    Builder browser(OpenBrowserAction browser) {
      this.browser = browser;
      return this;
    }

    /**
     * Returns the source. Reads the certificate now, so a bad one fails here; makes no request.
     *
     * @throws IllegalArgumentException saying what is wrong with the certificate or authority
     */
    public MsalTokenSource build() {
      return new MsalTokenSource(this);
    }
  }
}
