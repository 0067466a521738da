package io.graphupload.auth.msal;

import com.microsoft.aad.msal4j.AbstractClientApplicationBase;
import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.IClientCredential;
import com.microsoft.aad.msal4j.IHttpClient;
import com.microsoft.aad.msal4j.ManagedIdentityApplication;
import com.microsoft.aad.msal4j.ManagedIdentityId;
import com.microsoft.aad.msal4j.OpenBrowserAction;
import com.microsoft.aad.msal4j.PublicClientApplication;
import io.graphupload.auth.msal.SignInSettings.CertificateFile;
import io.graphupload.auth.msal.SignInSettings.ClientSecret;
import io.graphupload.core.Nullable;
import java.net.MalformedURLException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Creates the MSAL application for the configured flow. The credential is read once, when this is
 * created, so that a bad certificate fails at start-up; a fresh application (with an empty
 * in-memory cache) can then be made at any time, as after signing out.
 */
final class TokenClients {
  /**
   * MSAL's requests run here rather than in the common fork-join pool: a device-code or browser
   * sign-in blocks its thread for minutes, which would stall the rest of the application's
   * asynchronous work. Daemon threads, so an idle pool never keeps the JVM alive.
   */
  private static final ExecutorService MSAL_THREADS =
      Executors.newCachedThreadPool(
          new ThreadFactory() {
            private final AtomicInteger count = new AtomicInteger();

            @Override
            public Thread newThread(Runnable task) {
              Thread thread = new Thread(task, "graph-upload-msal-" + count.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            }
          });

  private final SignInSettings settings;
  private final TokenCacheFile cacheFile;
  private final Consumer<DeviceCodePrompt> prompt;
  private final @Nullable IHttpClient httpClient;
  private final boolean instanceDiscovery;
  private final @Nullable OpenBrowserAction browser;
  private final @Nullable IClientCredential credential;

  TokenClients(
      SignInSettings settings,
      TokenCacheFile cacheFile,
      Consumer<DeviceCodePrompt> prompt,
      @Nullable IHttpClient httpClient,
      boolean instanceDiscovery,
      @Nullable OpenBrowserAction browser) {
    this.settings = settings;
    this.cacheFile = cacheFile;
    this.prompt = prompt;
    this.httpClient = httpClient;
    this.instanceDiscovery = instanceDiscovery;
    this.browser = browser;
    this.credential = credential(settings);
  }

  TokenClient create() {
    return switch (settings.flow()) {
      case CLIENT_SECRET, CERTIFICATE -> application();
      case DEVICE_CODE, BROWSER -> user();
      case MANAGED_IDENTITY -> managedIdentity();
    };
  }

  private static @Nullable IClientCredential credential(SignInSettings settings) {
    if (settings.credential() instanceof ClientSecret secret) {
      return ClientCredentialFactory.createFromSecret(secret.value());
    }
    if (settings.credential() instanceof CertificateFile certificate) {
      return Certificates.load(certificate.path(), certificate.password());
    }
    return null;
  }

  private TokenClient application() {
    ConfidentialClientApplication.Builder builder =
        ConfidentialClientApplication.builder(settings.clientId(), credential);
    return new ApplicationClient(configure(builder).build(), settings);
  }

  private TokenClient user() {
    PublicClientApplication.Builder builder = PublicClientApplication.builder(settings.clientId());
    return new UserClient(configure(builder).build(), settings, prompt, browser);
  }

  private TokenClient managedIdentity() {
    ManagedIdentityId id =
        settings.clientId() == null
            ? ManagedIdentityId.systemAssigned()
            : ManagedIdentityId.userAssignedClientId(settings.clientId());
    ManagedIdentityApplication.Builder builder =
        ManagedIdentityApplication.builder(id).executorService(MSAL_THREADS);
    if (httpClient != null) {
      builder.httpClient(httpClient);
    }
    return new ManagedIdentityClient(builder.build(), settings);
  }

  private <T extends AbstractClientApplicationBase.Builder<T>> T configure(T builder) {
    try {
      builder.authority(settings.authority());
    } catch (MalformedURLException | IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "The authority "
              + settings.authority()
              + " is not one MSAL accepts ("
              + e.getMessage()
              + "); check the 'authority' and 'tenant-id' settings.",
          e);
    }
    builder
        .setTokenCacheAccessAspect(cacheFile)
        .instanceDiscovery(instanceDiscovery)
        .executorService(MSAL_THREADS);
    if (httpClient != null) {
      builder.httpClient(httpClient);
    }
    return builder;
  }
}
