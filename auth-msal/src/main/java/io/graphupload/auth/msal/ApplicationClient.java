package io.graphupload.auth.msal;

import com.microsoft.aad.msal4j.ClientCredentialParameters;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import java.util.Set;

/** Client credentials: an app signs in as itself with a secret or a certificate. */
final class ApplicationClient extends FixedIdentityClient {
  private final ConfidentialClientApplication application;

  ApplicationClient(ConfidentialClientApplication application, SignInSettings settings) {
    super(
        new Identity(
            Identity.Kind.APPLICATION, settings.clientId(), settings.tenant(), settings.flow()));
    this.application = application;
  }

  @Override
  public IAuthenticationResult acquire(Set<String> scopes, boolean forceRefresh, boolean mayPrompt)
      throws Exception {
    // MSAL looks in the cache first unless told to skip it.
    ClientCredentialParameters parameters =
        ClientCredentialParameters.builder(scopes).skipCache(forceRefresh).build();
    return TokenClient.await(application.acquireToken(parameters));
  }
}
