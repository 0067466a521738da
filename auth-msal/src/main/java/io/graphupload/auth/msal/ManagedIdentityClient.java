package io.graphupload.auth.msal;

import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.ManagedIdentityApplication;
import com.microsoft.aad.msal4j.ManagedIdentityParameters;
import java.util.List;
import java.util.Set;

/**
 * An Azure managed identity. Tokens come from the platform's local endpoint and live in MSAL's
 * in-memory cache only: fetching one is cheap and needs no secret, so they are not persisted.
 */
final class ManagedIdentityClient implements TokenClient {
  private final ManagedIdentityApplication application;
  private final String resource;
  private final Identity identity;

  ManagedIdentityClient(ManagedIdentityApplication application, SignInSettings settings) {
    this.application = application;
    this.resource = settings.graphEndpoint().toString();
    String name = settings.clientId() == null ? "system-assigned" : settings.clientId();
    this.identity = new Identity(Identity.Kind.MANAGED_IDENTITY, name, null, settings.flow());
  }

  @Override
  public IAuthenticationResult acquire(Set<String> scopes, boolean forceRefresh, boolean mayPrompt)
      throws Exception {
    ManagedIdentityParameters parameters =
        ManagedIdentityParameters.builder(resource).forceRefresh(forceRefresh).build();
    return TokenClient.await(application.acquireTokenForManagedIdentity(parameters));
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
    return List.of();
  }
}
