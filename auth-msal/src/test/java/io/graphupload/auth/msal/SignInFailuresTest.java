package io.graphupload.auth.msal;

import static io.graphupload.auth.msal.FakeEntra.CLIENT_ID;
import static io.graphupload.auth.msal.FakeEntra.TENANT_ID;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.aad.msal4j.MsalClientException;
import com.microsoft.aad.msal4j.MsalServiceException;
import io.graphupload.core.UploadException;
import io.graphupload.core.UploadException.Category;
import io.graphupload.core.UploadException.Phase;
import java.io.IOException;
import java.net.ConnectException;
import java.nio.file.Path;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SignInFailuresTest {
  @TempDir Path state;

  @Test
  void invalidSecretNamesTheAppAndWhereToCopyTheValue() {
    assertThat(message("AADSTS7000215: Invalid client secret provided.", "invalid_client"))
        .isEqualTo(
            "The client secret was refused: it is not a current secret of app "
                + CLIENT_ID
                + ". Copy the secret's Value (not its Secret ID) from Certificates & secrets in"
                + " the app registration. (Entra ID: AADSTS7000215)");
  }

  @Test
  void expiredSecretSaysToCreateANewOne() {
    assertThat(message("AADSTS7000222: The provided client secret keys are expired.", "x"))
        .isEqualTo(
            "The client secret of app "
                + CLIENT_ID
                + " has expired. Create a new one under Certificates & secrets in the app"
                + " registration and use it instead. (Entra ID: AADSTS7000222)");
  }

  @Test
  void unknownAppNamesClientIdAndTenant() {
    assertThat(message("AADSTS700016: Application not found in the directory.", "unauthorized"))
        .isEqualTo(
            "No app with client id "
                + CLIENT_ID
                + " exists in tenant "
                + TENANT_ID
                + ". Check client-id and tenant-id; an app registered in another tenant must be"
                + " multi-tenant and consented to in this one. (Entra ID: AADSTS700016)");
  }

  @Test
  void unknownTenantPointsAtTheCloud() {
    assertThat(message("AADSTS90002: Tenant not found.", "invalid_request"))
        .isEqualTo(
            "Tenant "
                + TENANT_ID
                + " does not exist in the global cloud. Check tenant-id (the directory id or a"
                + " domain such as contoso.onmicrosoft.com), and use cloud=china for tenants"
                + " operated by 21Vianet. (Entra ID: AADSTS90002)");
  }

  @Test
  void missingConsentAsksForAdminConsent() {
    assertThat(message("AADSTS65001: The user or administrator has not consented.", "x"))
        .isEqualTo(
            "App "
                + CLIENT_ID
                + " has not been granted the permissions it asks for. An administrator must grant"
                + " admin consent under API permissions in the app registration, or a user must"
                + " accept the consent prompt in an interactive sign-in. (Entra ID: AADSTS65001)");
  }

  @Test
  void multiFactorRequirementsPointAtInteractiveFlows() {
    assertThat(message("AADSTS50076: Due to a configuration change ... MFA.", "invalid_grant"))
        .isEqualTo(
            "Your organization requires multi-factor authentication for this sign-in. Sign in"
                + " with flow=device-code or flow=browser, which can complete the second factor."
                + " (Entra ID: AADSTS50076)");
    assertThat(message("AADSTS50079: The user is required to use MFA.", "invalid_grant"))
        .isEqualTo(
            "Your account must be registered for multi-factor authentication first. Register at"
                + " https://aka.ms/mfasetup, then sign in again with flow=device-code or"
                + " flow=browser. (Entra ID: AADSTS50079)");
  }

  @Test
  void pendingDeviceCodeSaysWhatIsAwaited() {
    String pending =
        "The device code sign-in is still waiting: open the page shown, enter the code and finish"
            + " signing in before the code expires.";
    assertThat(message("AADSTS70016: Authorization is pending.", "authorization_pending"))
        .isEqualTo(pending + " (Entra ID: AADSTS70016)");
    assertThat(message("pending", "authorization_pending"))
        .isEqualTo(pending + " (Entra ID: authorization_pending)");
  }

  @Test
  void expiredDeviceCodeIsKnownByNumberOrByName() {
    String expired =
        "The device code expired before the sign-in was finished. Sign in again and enter the new"
            + " code within its lifetime (about 15 minutes).";
    assertThat(message("AADSTS70020: This device code has expired.", "expired_token"))
        .isEqualTo(expired + " (Entra ID: AADSTS70020)");
    assertThat(message("The code has expired.", "expired_token"))
        .isEqualTo(expired + " (Entra ID: expired_token)");
  }

  @Test
  void declinedAndWrongPasswordAreToldApart() {
    assertThat(message("The user denied access.", "access_denied"))
        .isEqualTo(
            "The sign-in was declined: the user cancelled it or refused the permissions asked for."
                + " Sign in again and accept, or ask an administrator to grant consent for the app."
                + " (Entra ID: access_denied)");
    assertThat(message("AADSTS50126: Error validating credentials.", "invalid_grant"))
        .isEqualTo(
            "The user name or password is wrong. Sign in again with the right ones. (Entra ID:"
                + " AADSTS50126)");
  }

  @Test
  void unknownResourceMeansAnotherCloud() {
    assertThat(message("AADSTS500011: The resource principal was not found.", "invalid_resource"))
        .isEqualTo(
            "Microsoft Graph (https://graph.microsoft.com) is not known in tenant "
                + TENANT_ID
                + ", so the tenant is probably in another cloud. Use cloud=china for tenants"
                + " operated by 21Vianet, or cloud=global otherwise. (Entra ID: AADSTS500011)");
  }

  @Test
  void accountFromAnotherTenantIsExplained() {
    assertThat(message("AADSTS50020: User account from identity provider does not exist.", "x"))
        .isEqualTo(
            "The account belongs to another tenant and is not a guest in tenant "
                + TENANT_ID
                + ". Sign in with an account of that tenant, or set tenant-id to common (or to the"
                + " account's own tenant). (Entra ID: AADSTS50020)");
  }

  @Test
  void unknownCodeQuotesTheServiceWithSecretsMasked() {
    assertThat(
            message(
                "AADSTS1234567: Odd failure for client_secret=abc123 and Bearer eyJabc.def\r\n"
                    + "Trace ID: 1",
                "odd_error"))
        .isEqualTo(
            "Sign-in failed: AADSTS1234567: Odd failure for client_secret=REDACTED and Bearer"
                + " REDACTED (Entra ID: AADSTS1234567)");
  }

  @Test
  void failuresBecomeSignInAuthenticationErrors() {
    Exception translated =
        SignInFailures.translate(
            new CompletionException(new MsalServiceException("AADSTS90002: x", "invalid")),
            FakeEntra.appSettings(state));

    assertThat(translated)
        .isInstanceOfSatisfying(
            UploadException.class,
            e -> {
              assertThat(e.category()).isEqualTo(Category.AUTHENTICATION);
              assertThat(e.phase()).isEqualTo(Phase.SIGN_IN);
              assertThat(e.isRetryable()).isFalse();
            });
  }

  @Test
  void unreachableServiceIsAnIoFailureNamingTheHost() {
    Exception translated =
        SignInFailures.translate(
            new MsalClientException(new ConnectException("Connection refused")),
            FakeEntra.appSettings(state));

    assertThat(translated)
        .isInstanceOf(IOException.class)
        .hasMessage(
            "Could not reach the sign-in service at login.microsoftonline.com:"
                + " java.net.ConnectException: Connection refused");
  }

  private String message(String description, String error) {
    return SignInFailures.message(
        new MsalServiceException(description, error), FakeEntra.appSettings(state));
  }
}
