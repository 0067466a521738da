package io.graphupload.auth.msal;

import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.ManagedIdentityApplication;
import com.microsoft.aad.msal4j.ManagedIdentityParameters;
import java.util.Set;

/**
 * An Azure managed identity. Tokens come from the platform's local endpoint and live in MSAL's
 * in-memory cache only: fetching one is cheap and needs no secret, so they are not persisted.
 */
final class ManagedIdentityClient extends FixedIdentityClient {
  private final ManagedIdentityApplication application;
  private final String resource;

  ManagedIdentityClient(ManagedIdentityApplication application, SignInSettings settings) {
    super(
        new Identity(
            Identity.Kind.MANAGED_IDENTITY,
            settings.clientId() == null ? "system-assigned" : settings.clientId(),
            null,
            settings.flow()));
    this.application = application;
    this.resource = settings.graphEndpoint().toString();
  }

  @Override
  public IAuthenticationResult acquire(Set<String> scopes, boolean forceRefresh, boolean mayPrompt)
      throws Exception {
    ManagedIdentityParameters parameters =
        ManagedIdentityParameters.builder(resource).forceRefresh(forceRefresh).build();
    return TokenClient.await(application.acquireTokenForManagedIdentity(parameters));
  }
}
