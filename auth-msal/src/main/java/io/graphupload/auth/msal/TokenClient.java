package io.graphupload.auth.msal;

import com.microsoft.aad.msal4j.IAuthenticationResult;
import io.graphupload.core.Nullable;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * One MSAL application for one flow. Callers serialize calls; implementations need not be
 * thread-safe. Failures are MSAL's, or an {@link io.graphupload.core.UploadException} already
 * worded for a person.
 */
interface TokenClient {

  /**
   * Returns a token for {@code scopes}: from the cache when one serves, else from Entra ID.
   *
   * @param forceRefresh whether to skip the cached access token, as Graph refused it
   * @param mayPrompt whether a delegated flow may ask a person to sign in
   */
  IAuthenticationResult acquire(Set<String> scopes, boolean forceRefresh, boolean mayPrompt)
      throws Exception;

  /** Returns who a token from {@code result} is for. */
  Identity identityOf(IAuthenticationResult result);

  /** Returns the identities this client can get tokens for without prompting. */
  List<Identity> identities() throws Exception;

  /**
   * Returns the identity {@link #acquire} would use without prompting, or null when none.
   *
   * @throws io.graphupload.core.UploadException when several people signed in and none was chosen
   */
  @Nullable
  Identity current() throws Exception;

  /** Removes this client's accounts from the cache and returns who they were. */
  List<Identity> forget() throws Exception;

  /** Waits for {@code future}; an interrupt cancels it, so no sign-in goes on polling. */
  static <T> T await(CompletableFuture<T> future) throws Exception {
    try {
      return future.get();
    } catch (InterruptedException e) {
      future.cancel(true);
      throw e;
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }
}
