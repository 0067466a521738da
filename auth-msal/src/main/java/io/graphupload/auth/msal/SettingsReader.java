package io.graphupload.auth.msal;

import static io.graphupload.auth.msal.MsalTokenSourceProvider.AUTHORITY;
import static io.graphupload.auth.msal.MsalTokenSourceProvider.CACHE_FILE;
import static io.graphupload.auth.msal.MsalTokenSourceProvider.CERTIFICATE;
import static io.graphupload.auth.msal.MsalTokenSourceProvider.CERTIFICATE_PASSWORD;
import static io.graphupload.auth.msal.MsalTokenSourceProvider.CLIENT_ID;
import static io.graphupload.auth.msal.MsalTokenSourceProvider.CLIENT_SECRET;
import static io.graphupload.auth.msal.MsalTokenSourceProvider.CLIENT_SECRET_FILE;
import static io.graphupload.auth.msal.MsalTokenSourceProvider.CLOUD;
import static io.graphupload.auth.msal.MsalTokenSourceProvider.ENV_CERTIFICATE;
import static io.graphupload.auth.msal.MsalTokenSourceProvider.ENV_CERTIFICATE_PASSWORD;
import static io.graphupload.auth.msal.MsalTokenSourceProvider.ENV_CLIENT_ID;
import static io.graphupload.auth.msal.MsalTokenSourceProvider.ENV_CLIENT_SECRET;
import static io.graphupload.auth.msal.MsalTokenSourceProvider.ENV_TENANT_ID;
import static io.graphupload.auth.msal.MsalTokenSourceProvider.FLOW;
import static io.graphupload.auth.msal.MsalTokenSourceProvider.INTERACTIVE;
import static io.graphupload.auth.msal.MsalTokenSourceProvider.STATE_DIR;
import static io.graphupload.auth.msal.MsalTokenSourceProvider.TENANT_ID;
import static io.graphupload.auth.msal.MsalTokenSourceProvider.USERNAME;

import io.graphupload.auth.msal.SignInSettings.CertificateFile;
import io.graphupload.auth.msal.SignInSettings.ClientSecret;
import io.graphupload.auth.msal.SignInSettings.Credential;
import io.graphupload.core.Cloud;
import io.graphupload.core.Nullable;
import io.graphupload.core.spi.PluginSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads and checks {@link SignInSettings}, collecting problems instead of stopping at the first.
 */
final class SettingsReader {
  private final PluginSettings settings;
  private final Map<String, String> environment;
  private final List<String> problems = new ArrayList<>();
  private boolean secretUnreadable;
  private boolean certificateUnreadable;

  SettingsReader(PluginSettings settings, Map<String, String> environment) {
    this.settings = settings;
    this.environment = environment;
  }

  SignInSettings read() {
    String clientId = value(CLIENT_ID, ENV_CLIENT_ID);
    String tenant = value(TENANT_ID, ENV_TENANT_ID);
    ClientSecret secret = secret();
    CertificateFile certificate = certificate();
    Flow flow = flow(secret, certificate);
    Cloud cloud = cloud();
    URI authority = authorityOverride();

    tenant = checkTenant(flow, tenant, authority);
    checkClientId(flow, clientId);
    Credential credential = credential(flow, secret, certificate);
    Path cacheFile = cacheFile();
    boolean interactive = interactive();

    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(describe(problems));
    }
    return new SignInSettings(
        flow,
        cloud,
        tenant,
        clientId,
        credential,
        authority,
        cacheFile,
        value(USERNAME, null),
        interactive);
  }

  private @Nullable String value(String key, @Nullable String variable) {
    String value = settings.get(key);
    if (value != null && !value.isBlank()) {
      return value.strip();
    }
    String fromEnvironment = variable == null ? null : environment.get(variable);
    return fromEnvironment == null || fromEnvironment.isBlank() ? null : fromEnvironment.strip();
  }

  private @Nullable ClientSecret secret() {
    String inline = value(CLIENT_SECRET, ENV_CLIENT_SECRET);
    String file = value(CLIENT_SECRET_FILE, null);
    if (inline != null && file != null) {
      problems.add(
          "Both '"
              + CLIENT_SECRET
              + "' and '"
              + CLIENT_SECRET_FILE
              + "' give a client secret; keep one of them.");
      secretUnreadable = true;
      return null;
    }
    try {
      if (file != null) {
        return new ClientSecret(SecretSources.read(Path.of(file), "'" + CLIENT_SECRET_FILE + "'"));
      }
      if (inline != null) {
        String what = settings.get(CLIENT_SECRET) != null ? CLIENT_SECRET : ENV_CLIENT_SECRET;
        return new ClientSecret(SecretSources.resolve(inline, "'" + what + "'"));
      }
    } catch (IllegalArgumentException e) {
      problems.add(e.getMessage());
      secretUnreadable = true;
    }
    return null;
  }

  private @Nullable CertificateFile certificate() {
    String path = value(CERTIFICATE, ENV_CERTIFICATE);
    if (path == null) {
      return null;
    }
    String password = value(CERTIFICATE_PASSWORD, ENV_CERTIFICATE_PASSWORD);
    try {
      String resolved =
          password == null
              ? null
              : SecretSources.resolve(password, "'" + CERTIFICATE_PASSWORD + "'");
      return new CertificateFile(Path.of(path).toAbsolutePath().normalize(), resolved);
    } catch (IllegalArgumentException e) {
      problems.add(e.getMessage());
      certificateUnreadable = true;
      return null;
    }
  }

  private Flow flow(@Nullable ClientSecret secret, @Nullable CertificateFile certificate) {
    String named = value(FLOW, null);
    if (named != null) {
      try {
        return Flow.parse(named);
      } catch (IllegalArgumentException e) {
        problems.add(e.getMessage());
        return Flow.DEVICE_CODE;
      }
    }
    if (secret != null && certificate != null) {
      problems.add(
          "Both a client secret and a certificate are set; pick one with flow=client-secret or"
              + " flow=certificate.");
    }
    if (certificate != null) {
      return Flow.CERTIFICATE;
    }
    return secret != null ? Flow.CLIENT_SECRET : Flow.DEVICE_CODE;
  }

  private Cloud cloud() {
    String named = value(CLOUD, null);
    if (named == null || named.equalsIgnoreCase("global")) {
      return Cloud.GLOBAL;
    }
    if (named.equalsIgnoreCase("china")) {
      return Cloud.CHINA;
    }
    problems.add(
        "Setting '"
            + CLOUD
            + "' is '"
            + named
            + "'; use global or china (Outlook upload sessions are not offered in the US"
            + " Government clouds).");
    return Cloud.GLOBAL;
  }

  private @Nullable URI authorityOverride() {
    String text = value(AUTHORITY, null);
    if (text == null) {
      return null;
    }
    try {
      URI uri = new URI(text);
      if ("https".equalsIgnoreCase(uri.getScheme())
          && uri.getHost() != null
          && uri.getRawQuery() == null
          && uri.getRawFragment() == null) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // Reported below with the fix.
    }
    problems.add(
        "Setting '"
            + AUTHORITY
            + "' is '"
            + text
            + "'; give an https URL without query, such as https://login.microsoftonline.com"
            + " or https://login.microsoftonline.com/contoso.onmicrosoft.com.");
    return null;
  }

  private @Nullable String checkTenant(
      Flow flow, @Nullable String tenant, @Nullable URI authority) {
    if (flow == Flow.MANAGED_IDENTITY) {
      return null;
    }
    if (flow.isDelegated()) {
      return tenant == null ? "common" : tenant;
    }
    if (authority != null && SignInSettings.hasTenantPath(authority)) {
      return tenant != null ? tenant : authority.getPath().substring(1).split("/")[0];
    }
    if (tenant == null) {
      problems.add(
          "The "
              + flow.settingValue()
              + " flow needs the tenant: set '"
              + TENANT_ID
              + "' or "
              + ENV_TENANT_ID
              + " to the directory (tenant) id or a domain such as contoso.onmicrosoft.com.");
    } else if (SignInSettings.ACCOUNT_KIND_TENANTS.contains(tenant.toLowerCase(Locale.ROOT))) {
      problems.add(
          "The "
              + flow.settingValue()
              + " flow cannot use tenant '"
              + tenant
              + "', which works only for delegated sign-in; set '"
              + TENANT_ID
              + "' to the directory (tenant) id or a domain such as contoso.onmicrosoft.com.");
    }
    return tenant;
  }

  private void checkClientId(Flow flow, @Nullable String clientId) {
    if (clientId == null && flow != Flow.MANAGED_IDENTITY) {
      problems.add(
          "The "
              + flow.settingValue()
              + " flow needs the app registration's client id: set '"
              + CLIENT_ID
              + "' or "
              + ENV_CLIENT_ID
              + " (the README's Sign in section says how to register the app).");
    }
  }

  private @Nullable Credential credential(
      Flow flow, @Nullable ClientSecret secret, @Nullable CertificateFile certificate) {
    if (flow == Flow.CLIENT_SECRET && secret == null && !secretUnreadable) {
      problems.add(
          "The client-secret flow needs the secret: set "
              + ENV_CLIENT_SECRET
              + ", or '"
              + CLIENT_SECRET_FILE
              + "' to a file that holds it.");
    }
    if (flow == Flow.CERTIFICATE && certificate == null && !certificateUnreadable) {
      problems.add(
          "The certificate flow needs the certificate: set '"
              + CERTIFICATE
              + "' or "
              + ENV_CERTIFICATE
              + " to a PEM file (private key and certificate) or a PKCS#12 file.");
    }
    return switch (flow) {
      case CLIENT_SECRET -> secret;
      case CERTIFICATE -> certificate;
      default -> null;
    };
  }

  private Path cacheFile() {
    String file = value(CACHE_FILE, null);
    if (file != null) {
      return Path.of(file).toAbsolutePath().normalize();
    }
    String stateDirectory = value(STATE_DIR, null);
    Path directory =
        stateDirectory != null
            ? Path.of(stateDirectory)
            : SignInSettings.defaultStateDirectory(environment, System.getProperty("user.home"));
    return directory.resolve(SignInSettings.CACHE_FILE_NAME).toAbsolutePath().normalize();
  }

  private boolean interactive() {
    String text = value(INTERACTIVE, null);
    if (text == null || text.equalsIgnoreCase("true")) {
      return true;
    }
    if (text.equalsIgnoreCase("false")) {
      return false;
    }
    problems.add("Setting '" + INTERACTIVE + "' is '" + text + "'; use true or false.");
    return true;
  }

  private static String describe(List<String> problems) {
    if (problems.size() == 1) {
      return problems.get(0);
    }
    StringBuilder message =
        new StringBuilder(problems.size() + " problems with the sign-in settings:");
    for (int i = 0; i < problems.size(); i++) {
      message.append(System.lineSeparator()).append(i + 1).append(") ").append(problems.get(i));
    }
    return message.toString();
  }
}
