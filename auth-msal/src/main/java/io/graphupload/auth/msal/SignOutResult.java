package io.graphupload.auth.msal;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link MsalTokenSource#signOut()} removed.
 *
 * @param forgotten the signed-in people whose tokens were removed; empty for application flows
 * @param cacheFile the token cache file
 * @param cacheFileDeleted whether the cache file existed and was deleted
 */
public record SignOutResult(List<Identity> forgotten, Path cacheFile, boolean cacheFileDeleted) {
  public SignOutResult {
    forgotten = List.copyOf(forgotten);
  }
}
