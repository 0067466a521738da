package io.graphupload.auth.msal;

import com.microsoft.aad.msal4j.MsalClientException;
import com.microsoft.aad.msal4j.MsalException;
import com.microsoft.aad.msal4j.MsalServiceException;
import com.microsoft.aad.msal4j.MsalThrottlingException;
import io.graphupload.auth.msal.TokenCacheFile.TokenCacheException;
import io.graphupload.core.Nullable;
import io.graphupload.core.Redaction;
import io.graphupload.core.UploadException;
import io.graphupload.core.UploadException.Category;
import io.graphupload.core.UploadException.Phase;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns MSAL's failures into sentences a person can act on. Entra ID's codes (AADSTS numbers and
 * OAuth error names) pick the sentence; the service's own text is passed on only, redacted, when
 * the code is unknown.
 */
final class SignInFailures {
  private static final Pattern AADSTS = Pattern.compile("AADSTS(\\d+)");

  /** Sentences by AADSTS number or OAuth error name, lowercase. */
  private static final Map<String, Function<SignInSettings, String>> SENTENCES =
      Map.ofEntries(
          Map.entry(
              "7000215",
              s ->
                  "The client secret was refused: it is not a current secret of app "
                      + s.clientId()
                      + ". Copy the secret's Value (not its Secret ID) from Certificates & secrets"
                      + " in the app registration."),
          Map.entry(
              "7000222",
              s ->
                  "The client secret of app "
                      + s.clientId()
                      + " has expired. Create a new one under Certificates & secrets in the app"
                      + " registration and use it instead."),
          Map.entry(
              "700027",
              s ->
                  "The certificate was refused: it is not registered on app "
                      + s.clientId()
                      + ". Upload its public part (.cer or .pem) under Certificates & secrets in"
                      + " the app registration."),
          Map.entry(
              "700016",
              s ->
                  "No app with client id "
                      + s.clientId()
                      + " exists in tenant "
                      + s.tenant()
                      + ". Check client-id and tenant-id; an app registered in another tenant must"
                      + " be multi-tenant and consented to in this one."),
          Map.entry(
              "90002",
              s ->
                  "Tenant "
                      + s.tenant()
                      + " does not exist in the "
                      + cloudName(s)
                      + " cloud. Check tenant-id (the directory id or a domain such as"
                      + " contoso.onmicrosoft.com), and use cloud=china for tenants operated by"
                      + " 21Vianet."),
          Map.entry(
              "65001",
              s ->
                  "App "
                      + s.clientId()
                      + " has not been granted the permissions it asks for. An administrator must"
                      + " grant admin consent under API permissions in the app registration, or a"
                      + " user must accept the consent prompt in an interactive sign-in."),
          Map.entry(
              "50076",
              s ->
                  "Your organization requires multi-factor authentication for this sign-in."
                      + " Sign in with flow=device-code or flow=browser, which can complete the"
                      + " second factor."),
          Map.entry(
              "50079",
              s ->
                  "Your account must be registered for multi-factor authentication first."
                      + " Register at https://aka.ms/mfasetup, then sign in again with"
                      + " flow=device-code or flow=browser."),
          Map.entry("70016", s -> pending()),
          Map.entry("authorization_pending", s -> pending()),
          Map.entry("70019", s -> expiredCode()),
          Map.entry("70020", s -> expiredCode()),
          Map.entry("expired_token", s -> expiredCode()),
          Map.entry("code_expired", s -> expiredCode()),
          Map.entry("access_denied", s -> declined()),
          Map.entry("authorization_declined", s -> declined()),
          Map.entry("65004", s -> declined()),
          Map.entry(
              "50126",
              s -> "The user name or password is wrong. Sign in again with the right ones."),
          Map.entry(
              "500011",
              s ->
                  "Microsoft Graph ("
                      + s.graphEndpoint()
                      + ") is not known in tenant "
                      + s.tenant()
                      + ", so the tenant is probably in another cloud. Use cloud=china for tenants"
                      + " operated by 21Vianet, or cloud=global otherwise."),
          Map.entry(
              "50020",
              s ->
                  "The account belongs to another tenant and is not a guest in tenant "
                      + s.tenant()
                      + ". Sign in with an account of that tenant, or set tenant-id to common"
                      + " (or to the account's own tenant)."),
          Map.entry(
              "7000218",
              s ->
                  "App "
                      + s.clientId()
                      + " does not allow public client flows. In the app registration, under"
                      + " Authentication, set Allow public client flows to Yes."),
          Map.entry(
              "50011",
              s ->
                  "The redirect URI http://localhost is not registered for app "
                      + s.clientId()
                      + ". Add it under Authentication, Mobile and desktop applications, in the"
                      + " app registration."),
          Map.entry(
              "50194",
              s ->
                  "App "
                      + s.clientId()
                      + " accepts accounts of its own tenant only; set tenant-id to that tenant's"
                      + " id instead of "
                      + s.tenant()
                      + "."),
          Map.entry(
              "9002346",
              s ->
                  "App "
                      + s.clientId()
                      + " accepts personal Microsoft accounts only; set tenant-id to consumers."),
          Map.entry("700082", s -> staleSignIn()),
          Map.entry("70008", s -> staleSignIn()),
          Map.entry("70043", s -> staleSignIn()),
          Map.entry("50173", s -> staleSignIn()),
          Map.entry(
              "53003",
              s ->
                  "A Conditional Access policy of your organization blocked this sign-in. Ask an"
                      + " administrator which policy applies; the tenant's sign-in logs name it."),
          Map.entry(
              "invalid_authorization_result",
              // MSAL 1.23 reports a cancel in the browser and a time-out alike, with no reason.
              s ->
                  "The browser sign-in ended without a result: it was cancelled or declined in"
                      + " the browser, or not finished within five minutes. Sign in again, or use"
                      + " flow=device-code where no browser can reach this machine."),
          Map.entry(
              "desktop_browser_not_supported",
              s ->
                  "No browser can be opened here. Use flow=device-code, which lets you sign in"
                      + " on another device."),
          Map.entry(
              "managed_identity_request_failed",
              s ->
                  "The managed identity endpoint refused to issue a token. Check that the"
                      + " identity is assigned to this Azure resource"
                      + (s.clientId() == null ? "" : " (client id " + s.clientId() + ")")
                      + "; outside Azure, use flow=client-secret or flow=certificate."),
          Map.entry(
              "managed_identity_unreachable_network",
              s ->
                  "No managed identity endpoint answered: managed identity works only on Azure."
                      + " Elsewhere, use flow=client-secret or flow=certificate."));

  private SignInFailures() {}

  /**
   * Returns what to throw for {@code failure}: an {@link IOException} when the service could not be
   * reached, otherwise an {@link UploadException} of phase SIGN_IN.
   */
  static Exception translate(Throwable failure, SignInSettings settings) {
    Throwable cause = unwrap(failure);
    if (cause instanceof TokenCacheException) {
      return new UploadException(Category.AUTHENTICATION, Phase.SIGN_IN, cause.getMessage(), cause);
    }
    IOException network = networkCause(cause);
    if (network != null && !(cause instanceof MsalServiceException)) {
      return new IOException(
          "Could not reach " + endpointName(settings) + ": " + Redaction.text(network.toString()),
          cause);
    }
    return new UploadException(category(cause), Phase.SIGN_IN, message(cause, settings), cause);
  }

  /** Returns the sentence for {@code failure}, with Entra ID's code and correlation id. */
  static String message(Throwable failure, SignInSettings settings) {
    String description = failure.getMessage() == null ? "" : failure.getMessage();
    String aadsts = aadstsCode(description);
    String error = failure instanceof MsalException msal ? msal.errorCode() : null;
    String sentence = sentence(aadsts, error, settings);
    if (sentence == null) {
      sentence = "Sign-in failed: " + Redaction.text(firstLine(description));
    }
    return sentence + details(aadsts, error, failure);
  }

  /** Returns the sentence for an AADSTS number or an OAuth error name, or null when unknown. */
  static @Nullable String sentence(
      @Nullable String aadsts, @Nullable String error, SignInSettings settings) {
    Function<SignInSettings, String> byNumber = aadsts == null ? null : SENTENCES.get(aadsts);
    if (byNumber != null) {
      return byNumber.apply(settings);
    }
    Function<SignInSettings, String> byName =
        error == null ? null : SENTENCES.get(error.toLowerCase(Locale.ROOT));
    return byName == null ? null : byName.apply(settings);
  }

  static @Nullable String aadstsCode(String text) {
    Matcher matcher = AADSTS.matcher(text);
    return matcher.find() ? matcher.group(1) : null;
  }

  private static String details(
      @Nullable String aadsts, @Nullable String error, Throwable failure) {
    String code = aadsts != null ? "AADSTS" + aadsts : error;
    if (code == null || code.isBlank() || code.equals("unknown")) {
      return "";
    }
    if (!(failure instanceof MsalServiceException service)) {
      return " (MSAL: " + code + ")";
    }
    String correlation = service.correlationId();
    return " (Entra ID: "
        + code
        + (correlation == null || correlation.isBlank() ? "" : ", correlation id " + correlation)
        + ")";
  }

  private static Category category(Throwable failure) {
    if (failure instanceof MsalThrottlingException) {
      return Category.TRANSIENT;
    }
    if (failure instanceof MsalServiceException service) {
      Integer status = service.statusCode();
      boolean busy = status != null && (status == 429 || status >= 500);
      if (busy || "temporarily_unavailable".equalsIgnoreCase(service.errorCode())) {
        return Category.TRANSIENT;
      }
    }
    return Category.AUTHENTICATION;
  }

  private static Throwable unwrap(Throwable failure) {
    Throwable current = failure;
    while ((current instanceof CompletionException || current instanceof ExecutionException)
        && current.getCause() != null) {
      current = current.getCause();
    }
    return current;
  }

  private static @Nullable IOException networkCause(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof IOException io) {
        return io;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }

  private static String endpointName(SignInSettings settings) {
    if (settings.flow() == Flow.MANAGED_IDENTITY) {
      return "the managed identity endpoint (managed identity works only on Azure)";
    }
    return "the sign-in service at " + URI.create(settings.authority()).getHost();
  }

  private static String firstLine(String text) {
    String line = text.strip().lines().findFirst().orElse("");
    return line.isEmpty() ? "no reason given" : line;
  }

  private static String cloudName(SignInSettings settings) {
    return settings.cloud().name().toLowerCase(Locale.ROOT);
  }

  private static String pending() {
    return "The device code sign-in is still waiting: open the page shown, enter the code and"
        + " finish signing in before the code expires.";
  }

  private static String expiredCode() {
    return "The device code expired before the sign-in was finished. Sign in again and enter the"
        + " new code within its lifetime (about 15 minutes).";
  }

  private static String declined() {
    return "The sign-in was declined: the user cancelled it or refused the permissions asked"
        + " for. Sign in again and accept, or ask an administrator to grant consent for the app.";
  }

  private static String staleSignIn() {
    return "The saved sign-in has expired or was revoked. Sign in again.";
  }

  /** Returns whether MSAL reported only that nothing usable is cached. */
  static boolean isCacheMiss(Throwable failure) {
    Throwable cause = unwrap(failure);
    return cause instanceof MsalClientException client
        && "cache_miss".equalsIgnoreCase(client.errorCode());
  }
}
