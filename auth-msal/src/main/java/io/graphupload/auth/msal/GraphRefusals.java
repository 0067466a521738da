package io.graphupload.auth.msal;

import io.graphupload.core.Nullable;
import java.util.Set;
import java.util.TreeSet;

/**
 * Explains why Microsoft Graph answered 401 or 403, naming the permission or consent that is
 * missing, for messages a person can act on.
 *
 * <p>Thread-safe; holds no state.
 */
public final class GraphRefusals {
  private GraphRefusals() {}

  /**
   * Returns a sentence saying what to do about Graph's refusal.
   *
   * @param httpStatus 401 or 403
   * @param graphErrorCode the {@code error.code} of Graph's answer, such as {@code
   *     ErrorAccessDenied}, or null
   * @param requiredPermissions the least-privilege permissions the request needs, such as {@code
   *     Mail.ReadWrite}
   * @param flow how the token was obtained, which decides between delegated and application
   *     permissions; null when unknown
   * @throws IllegalArgumentException when {@code httpStatus} is neither 401 nor 403
   */
  public static String explain(
      int httpStatus,
      @Nullable String graphErrorCode,
      Set<String> requiredPermissions,
      @Nullable Flow flow) {
    String answer =
        "Microsoft Graph answered HTTP "
            + httpStatus
            + (graphErrorCode == null || graphErrorCode.isBlank() ? "" : " " + graphErrorCode);
    if (httpStatus == 401) {
      return answer
          + ": it did not accept the access token, which has expired, was revoked or was issued"
          + " for another cloud. Sign in again, and check that the cloud setting matches the"
          + " tenant.";
    }
    if (httpStatus != 403) {
      throw new IllegalArgumentException(
          "Only 401 and 403 are refusals of sign-in or permission, not " + httpStatus);
    }
    String permissions = String.join(" and ", new TreeSet<>(requiredPermissions));
    boolean one = requiredPermissions.size() == 1;
    String permission = one ? "permission" : "permissions";
    String them = one ? "it" : "them";
    if (flow == null) {
      return answer
          + ": the token lacks the Microsoft Graph "
          + permission
          + " "
          + permissions
          + " or admin consent for "
          + them
          + ". Add "
          + them
          + " to the app registration (delegated for a signed-in"
          + " user, application for client credentials or managed identity) and grant admin"
          + " consent.";
    }
    if (flow.isDelegated()) {
      return answer
          + ": the signed-in user's token lacks the delegated "
          + permission
          + " "
          + permissions
          + ", or the mailbox is not the user's own. Add "
          + permissions
          + " as a delegated Microsoft Graph "
          + permission
          + " in the app registration, grant admin consent if your organization requires it, and"
          + " sign in again; another user's mailbox needs an application flow instead.";
    }
    if (flow == Flow.MANAGED_IDENTITY) {
      return answer
          + ": the managed identity lacks the Microsoft Graph application "
          + permission
          + " "
          + permissions
          + ". An administrator must assign it to the identity's service principal with"
          + " Microsoft Graph PowerShell or the Graph API, as the portal has no page for that.";
    }
    return answer
        + ": the app lacks the application "
        + permission
        + " "
        + permissions
        + " or admin consent for "
        + them
        + ". Add "
        + permissions
        + " as an application Microsoft Graph "
        + permission
        + " in the app registration and have an administrator grant admin consent; an Exchange"
        + " application access policy may also limit which mailboxes the app reaches.";
  }
}
