package io.graphupload.cli;

import io.graphupload.auth.msal.Flow;
import io.graphupload.auth.msal.MsalTokenSource;
import io.graphupload.auth.msal.MsalTokenSourceProvider;
import io.graphupload.auth.msal.SignInSettings;
import io.graphupload.core.Nullable;
import io.graphupload.core.UploadException;
import io.graphupload.core.UploadException.Category;
import io.graphupload.core.UploadException.Phase;
import io.graphupload.core.spi.AccessTokenSource;
import io.graphupload.core.spi.PluginSettings;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * How this run signs in to Graph: a bearer token sent as it is ({@code --auth static}), or an MSAL
 * flow whose device-code prompt goes to stderr. The MSAL source is built on first use, so that
 * commands which never call Graph need no sign-in settings.
 *
 * <p>Thread-safe.
 */
final class SignIn {
  /** What {@code login} asks for: every permission graph-upload uses, in one consent. */
  static final Set<String> LOGIN_PERMISSIONS = Set.of("Mail.ReadWrite", "Calendars.ReadWrite");

  static final String NOTHING_CONFIGURED =
      "No access token for Microsoft Graph: pass one with --token or GRAPH_UPLOAD_TOKEN, or sign"
          + " in with your app registration: set GRAPH_UPLOAD_CLIENT_ID (and"
          + " GRAPH_UPLOAD_TENANT_ID), then run graph-upload login. The README's Sign in section"
          + " says how to register the app.";

  private final @Nullable String auth;
  private final @Nullable String token;
  private final Map<String, String> msalSettings;
  private final Map<String, String> environment;
  private final Consumer<String> prompt;
  private final UnaryOperator<MsalTokenSource.Builder> adjust;
  private @Nullable MsalTokenSource source;

  /**
   * @param auth {@code static}, a flow's name, or null for the default
   * @param token the bearer token given, or null
   * @param msalSettings the MSAL settings, as {@link Configuration#signInSettings} resolved them
   * @param interactive whether a person could answer a prompt (stdin is a terminal)
   * @param prompt shows a device-code prompt to the person
   * @param adjust adjusts the MSAL source before it is built
   */
  SignIn(
      @Nullable String auth,
      @Nullable String token,
      Map<String, String> msalSettings,
      boolean interactive,
      Map<String, String> environment,
      Consumer<String> prompt,
      UnaryOperator<MsalTokenSource.Builder> adjust) {
    this.auth = auth;
    this.token = token;
    this.environment = Map.copyOf(environment);
    this.prompt = prompt;
    this.adjust = adjust;
    Map<String, String> settings = new TreeMap<>(msalSettings);
    if (auth != null && !auth.equals(Configuration.STATIC_AUTH)) {
      settings.put(MsalTokenSourceProvider.FLOW, auth);
    }
    if (!interactive) {
      settings.put(MsalTokenSourceProvider.INTERACTIVE, "false");
    }
    this.msalSettings = Map.copyOf(settings);
  }

  /** Returns whether this run sends a given bearer token rather than signing in. */
  boolean isStatic() {
    return Configuration.STATIC_AUTH.equals(auth) || auth == null && token != null;
  }

  /** Returns the sign-in flow, or null for a bearer token of unknown origin. */
  @Nullable
  Flow flow() {
    if (isStatic()) {
      return null;
    }
    if (auth != null) {
      return Flow.parse(auth);
    }
    // MSAL's own default, which it applies when no flow is named.
    if (has(MsalTokenSourceProvider.CERTIFICATE, MsalTokenSourceProvider.ENV_CERTIFICATE)) {
      return Flow.CERTIFICATE;
    }
    if (has(MsalTokenSourceProvider.CLIENT_SECRET, MsalTokenSourceProvider.ENV_CLIENT_SECRET)
        || msalSettings.containsKey(MsalTokenSourceProvider.CLIENT_SECRET_FILE)) {
      return Flow.CLIENT_SECRET;
    }
    return Flow.DEVICE_CODE;
  }

  /**
   * Returns the MSAL source, built on the first call.
   *
   * @throws UsageException when this run uses a static token, which has no sign-in
   * @throws UploadException AUTHENTICATION when the sign-in settings are incomplete or wrong
   */
  synchronized MsalTokenSource source() throws UploadException {
    if (isStatic()) {
      throw new UsageException(
          "This run uses the bearer token given with --token or GRAPH_UPLOAD_TOKEN"
              + " (--auth static), which has no sign-in; leave the token out, or choose a flow"
              + " with --auth.");
    }
    if (source == null) {
      source = build();
    }
    return source;
  }

  private MsalTokenSource build() throws UploadException {
    try {
      SignInSettings settings = SignInSettings.from(PluginSettings.of(msalSettings), environment);
      return adjust
          .apply(
              MsalTokenSource.builder(settings)
                  .deviceCodePrompt(deviceCode -> prompt.accept(deviceCode.message())))
          .build();
    } catch (IllegalArgumentException e) {
      String sentence = nothingConfigured() ? NOTHING_CONFIGURED : Failures.period(e.getMessage());
      throw new UploadException(Category.AUTHENTICATION, Phase.SIGN_IN, sentence, e);
    }
  }

  private boolean nothingConfigured() {
    return auth == null
        && !has(MsalTokenSourceProvider.CLIENT_ID, MsalTokenSourceProvider.ENV_CLIENT_ID);
  }

  private boolean has(String key, String variable) {
    String value = msalSettings.get(key);
    String fallback = environment.get(variable);
    return value != null && !value.isBlank() || fallback != null && !fallback.isBlank();
  }

  /** Returns the token source for uploads: the given token, or the MSAL source on first use. */
  AccessTokenSource tokens() {
    return new AccessTokenSource() {
      @Override
      public String token(Set<String> scopes) throws IOException, UploadException {
        if (isStatic()) {
          return staticToken();
        }
        return source().token(scopes);
      }

      @Override
      public void invalidate(String refused) {
        MsalTokenSource current;
        synchronized (SignIn.this) {
          current = source;
        }
        if (current != null) {
          current.invalidate(refused);
        }
      }

      @Override
      public String toString() {
        return "SignIn[" + (isStatic() ? "static" : String.valueOf(flow())) + "]";
      }
    };
  }

  private String staticToken() throws UploadException {
    if (token == null || token.isBlank()) {
      throw new UploadException(
          Category.AUTHENTICATION,
          Phase.SIGN_IN,
          "--auth static sends a bearer token, but none was given: pass --token, or set"
              + " GRAPH_UPLOAD_TOKEN.");
    }
    return token.strip();
  }
}
