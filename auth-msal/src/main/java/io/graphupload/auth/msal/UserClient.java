package io.graphupload.auth.msal;

import com.microsoft.aad.msal4j.DeviceCode;
import com.microsoft.aad.msal4j.DeviceCodeFlowParameters;
import com.microsoft.aad.msal4j.IAccount;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.InteractiveRequestParameters;
import com.microsoft.aad.msal4j.MsalInteractionRequiredException;
import com.microsoft.aad.msal4j.OpenBrowserAction;
import com.microsoft.aad.msal4j.PublicClientApplication;
import com.microsoft.aad.msal4j.SilentParameters;
import com.microsoft.aad.msal4j.SystemBrowserOptions;
import io.graphupload.core.Nullable;
import io.graphupload.core.UploadException;
import io.graphupload.core.UploadException.Category;
import io.graphupload.core.UploadException.Phase;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delegated sign-in: a person signs in with a device code or in the browser. Cached tokens are
 * always tried first; a prompt comes only when no cached token or refresh token serves.
 */
final class UserClient implements TokenClient {
  private static final Logger log = LoggerFactory.getLogger(UserClient.class);

  /** Entra ID accepts any port on a loopback redirect URI; MSAL picks a free one. */
  private static final URI LOOPBACK = URI.create("http://localhost");

  /** How long the browser flow waits for the person to finish signing in. */
  static final int BROWSER_TIMEOUT_SECONDS = 300;

  private final PublicClientApplication application;
  private final SignInSettings settings;
  private final Consumer<DeviceCodePrompt> prompt;
  private final @Nullable OpenBrowserAction browser;

  UserClient(
      PublicClientApplication application,
      SignInSettings settings,
      Consumer<DeviceCodePrompt> prompt,
      @Nullable OpenBrowserAction browser) {
    this.application = application;
    this.settings = settings;
    this.prompt = prompt;
    this.browser = browser;
  }

  @Override
  public IAuthenticationResult acquire(Set<String> scopes, boolean forceRefresh, boolean mayPrompt)
      throws Exception {
    IAccount account = chosenAccount();
    if (account != null) {
      try {
        SilentParameters parameters =
            SilentParameters.builder(scopes, account).forceRefresh(forceRefresh).build();
        return TokenClient.await(application.acquireTokenSilently(parameters));
      } catch (MsalInteractionRequiredException e) {
        log.debug("The cached sign-in needs the user again ({})", e.errorCode());
      } catch (Exception e) {
        if (!SignInFailures.isCacheMiss(e)) {
          throw e;
        }
        log.debug("No cached token serves scopes {}", scopes);
      }
    }
    if (!mayPrompt) {
      throw notSignedIn();
    }
    IAuthenticationResult result =
        settings.flow() == Flow.BROWSER ? inBrowser(scopes) : withDeviceCode(scopes);
    log.info("Signed in with the {} flow", settings.flow().settingValue());
    return result;
  }

  private IAuthenticationResult withDeviceCode(Set<String> scopes) throws Exception {
    Consumer<DeviceCode> show =
        code ->
            prompt.accept(
                new DeviceCodePrompt(
                    code.message(),
                    code.userCode(),
                    URI.create(code.verificationUri()),
                    Duration.ofSeconds(code.expiresIn())));
    DeviceCodeFlowParameters parameters = DeviceCodeFlowParameters.builder(scopes, show).build();
    return TokenClient.await(application.acquireToken(parameters));
  }

  private IAuthenticationResult inBrowser(Set<String> scopes) throws Exception {
    SystemBrowserOptions.SystemBrowserOptionsBuilder options =
        SystemBrowserOptions.builder()
            .htmlMessageSuccess("Signed in to graph-upload. You can close this window.")
            .htmlMessageError("graph-upload could not sign you in. Details are in the terminal.");
    if (browser != null) {
      options.openBrowserAction(browser);
    }
    InteractiveRequestParameters.InteractiveRequestParametersBuilder parameters =
        InteractiveRequestParameters.builder(LOOPBACK)
            .scopes(scopes)
            .systemBrowserOptions(options.build())
            .httpPollingTimeoutInSeconds(BROWSER_TIMEOUT_SECONDS);
    if (settings.username() != null) {
      parameters.loginHint(settings.username());
    }
    return TokenClient.await(application.acquireToken(parameters.build()));
  }

  @Override
  public Identity identityOf(IAuthenticationResult result) {
    return identity(result.account());
  }

  @Override
  public List<Identity> identities() throws Exception {
    return accounts().stream().map(this::identity).toList();
  }

  @Override
  public @Nullable Identity current() throws Exception {
    IAccount account = chosenAccount();
    return account == null ? null : identity(account);
  }

  @Override
  public List<Identity> forget() throws Exception {
    List<Identity> forgotten = new ArrayList<>();
    for (IAccount account : accounts()) {
      TokenClient.await(application.removeAccount(account));
      forgotten.add(identity(account));
    }
    return forgotten;
  }

  /**
   * Returns the cached account to use: the one named by {@code username}, or the only one.
   *
   * @throws UploadException when several people signed in and none was chosen
   */
  private @Nullable IAccount chosenAccount() throws Exception {
    List<IAccount> accounts = accounts();
    String username = settings.username();
    if (username != null) {
      return accounts.stream()
          .filter(account -> username.equalsIgnoreCase(account.username()))
          .findFirst()
          .orElse(null);
    }
    if (accounts.size() > 1) {
      throw new UploadException(
          Category.AUTHENTICATION,
          Phase.SIGN_IN,
          accounts.size()
              + " people are signed in with app "
              + settings.clientId()
              + " ("
              + accounts.stream().map(IAccount::username).collect(Collectors.joining(", "))
              + "); set '"
              + MsalTokenSourceProvider.USERNAME
              + "' to the one to use, or sign out and sign in again.");
    }
    return accounts.isEmpty() ? null : accounts.get(0);
  }

  private List<IAccount> accounts() throws Exception {
    Set<IAccount> accounts = TokenClient.await(application.getAccounts());
    return accounts.stream()
        .sorted(Comparator.comparing(account -> String.valueOf(account.username())))
        .toList();
  }

  private Identity identity(IAccount account) {
    String home = account.homeAccountId();
    int dot = home == null ? -1 : home.indexOf('.');
    String tenant = dot < 0 ? null : home.substring(dot + 1);
    // Some account types carry no user name; the home account id still tells them apart.
    String name = account.username() != null ? account.username() : home;
    return new Identity(Identity.Kind.USER, name, tenant, settings.flow());
  }

  private UploadException notSignedIn() {
    return new UploadException(
        Category.AUTHENTICATION,
        Phase.SIGN_IN,
        "Nobody is signed in with app "
            + settings.clientId()
            + (settings.username() == null ? "" : " as " + settings.username())
            + ", and prompting is off (interactive=false). Sign in first with the "
            + settings.flow().settingValue()
            + " flow, or use an application flow for unattended runs.");
  }
}
