package io.graphupload.auth.msal;

import com.microsoft.aad.msal4j.IAuthenticationResult;
import java.util.List;

/**
 * A client that is always one identity, an app or a managed identity, rather than accounts that
 * sign in and out. Its tokens belong to no account, so there is nothing to forget but the cache
 * file, which the caller deletes.
 */
abstract class FixedIdentityClient implements TokenClient {
  private final Identity identity;

  FixedIdentityClient(Identity identity) {
    this.identity = identity;
  }

  @Override
  public final Identity identityOf(IAuthenticationResult result) {
    return identity;
  }

  @Override
  public final List<Identity> identities() {
    return List.of(identity);
  }

  @Override
  public final Identity current() {
    return identity;
  }

  @Override
  public final List<Identity> forget() {
    return List.of();
  }
}
