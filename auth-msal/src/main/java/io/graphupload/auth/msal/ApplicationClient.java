package io.graphupload.auth.msal;

import com.microsoft.aad.msal4j.ClientCredentialParameters;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import java.util.List;
import java.util.Set;

/** Client credentials: an app signs in as itself with a secret or a certificate. */
final class ApplicationClient implements TokenClient {
  private final ConfidentialClientApplication application;
  private final Identity identity;

  ApplicationClient(ConfidentialClientApplication application, SignInSettings settings) {
    this.application = application;
    this.identity =
        new Identity(
            Identity.Kind.APPLICATION, settings.clientId(), settings.tenant(), settings.flow());
  }

  @Override
  public IAuthenticationResult acquire(Set<String> scopes, boolean forceRefresh, boolean mayPrompt)
      throws Exception {
    // MSAL looks in the cache first unless told to skip it.
    ClientCredentialParameters parameters =
        ClientCredentialParameters.builder(scopes).skipCache(forceRefresh).build();
    return TokenClient.await(application.acquireToken(parameters));
  }

  @Override
  public Identity identityOf(IAuthenticationResult result) {
    return identity;
  }

  @Override
  public List<Identity> identities() {
    return List.of(identity);
  }

  @Override
  public Identity current() {
    return identity;
  }

  @Override
  public List<Identity> forget() {
    // App tokens belong to no account; deleting the cache file forgets them.
    return List.of();
  }
}
