package io.graphupload.auth.msal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class GraphRefusalsTest {
  @Test
  void unauthorizedSaysToSignInAgain() {
    assertThat(
            GraphRefusals.explain(
                401, "InvalidAuthenticationToken", Set.of("Mail.ReadWrite"), Flow.DEVICE_CODE))
        .isEqualTo(
            "Microsoft Graph answered HTTP 401 InvalidAuthenticationToken: it did not accept the"
                + " access token, which has expired, was revoked or was issued for another cloud."
                + " Sign in again, and check that the cloud setting matches the tenant.");
  }

  @Test
  void forbiddenForUserNamesDelegatedPermission() {
    assertThat(
            GraphRefusals.explain(403, "ErrorAccessDenied", Set.of("Mail.ReadWrite"), Flow.BROWSER))
        .isEqualTo(
            "Microsoft Graph answered HTTP 403 ErrorAccessDenied: the signed-in user's token lacks"
                + " the delegated permission Mail.ReadWrite, or the mailbox is not the user's own."
                + " Add Mail.ReadWrite as a delegated Microsoft Graph permission in the app"
                + " registration, grant admin consent if your organization requires it, and sign"
                + " in again; another user's mailbox needs an application flow instead.");
  }

  @Test
  void forbiddenForAppNamesApplicationPermissionAndAdminConsent() {
    assertThat(
            GraphRefusals.explain(
                403, "ErrorAccessDenied", Set.of("Calendars.ReadWrite"), Flow.CERTIFICATE))
        .isEqualTo(
            "Microsoft Graph answered HTTP 403 ErrorAccessDenied: the app lacks the application"
                + " permission Calendars.ReadWrite or admin consent for it. Add"
                + " Calendars.ReadWrite as an application Microsoft Graph permission in the app"
                + " registration and have an administrator grant admin consent; an Exchange"
                + " application access policy may also limit which mailboxes the app reaches.");
  }

  @Test
  void forbiddenForManagedIdentitySaysHowToAssignThePermission() {
    assertThat(GraphRefusals.explain(403, null, Set.of("Mail.ReadWrite"), Flow.MANAGED_IDENTITY))
        .isEqualTo(
            "Microsoft Graph answered HTTP 403: the managed identity lacks the Microsoft Graph"
                + " application permission Mail.ReadWrite. An administrator must assign it to the"
                + " identity's service principal with Microsoft Graph PowerShell or the Graph API,"
                + " as the portal has no page for that.");
  }

  @Test
  void forbiddenWithUnknownFlowCoversBothKindsOfPermission() {
    assertThat(
            GraphRefusals.explain(
                403, "accessDenied", Set.of("Mail.ReadWrite", "Calendars.ReadWrite"), null))
        .isEqualTo(
            "Microsoft Graph answered HTTP 403 accessDenied: the token lacks the Microsoft Graph"
                + " permissions Calendars.ReadWrite and Mail.ReadWrite or admin consent for them."
                + " Add them to the app registration (delegated for a signed-in user, application"
                + " for client credentials or managed identity) and grant admin consent.");
  }

  @Test
  void otherStatusesAreNotRefusals() {
    assertThatThrownBy(() -> GraphRefusals.explain(404, null, Set.of(), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Only 401 and 403 are refusals of sign-in or permission, not 404");
  }
}
