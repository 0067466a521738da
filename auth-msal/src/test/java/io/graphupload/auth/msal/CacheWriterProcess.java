package io.graphupload.auth.msal;

import io.graphupload.core.spi.PluginSettings;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;

/**
 * A separate graph-upload process for {@link TokenCacheAcrossProcessesTest}: gets an app token for
 * each tenant named, one after another, into the shared cache file.
 *
 * <p>Arguments: the fake Entra ID's base URL, the state directory, then tenants.
 */
final class CacheWriterProcess {
  private CacheWriterProcess() {}

  public static void main(String[] arguments) throws Exception {
    String entra = arguments[0];
    String state = arguments[1];
    for (String tenant : Arrays.copyOfRange(arguments, 2, arguments.length)) {
      SignInSettings settings =
          SignInSettings.from(
              PluginSettings.of(
                  Map.of(
                      MsalTokenSourceProvider.STATE_DIR,
                      state,
                      MsalTokenSourceProvider.TENANT_ID,
                      tenant,
                      MsalTokenSourceProvider.CLIENT_ID,
                      FakeEntra.CLIENT_ID,
                      MsalTokenSourceProvider.CLIENT_SECRET,
                      FakeEntra.SECRET)),
              Map.of());
      MsalTokenSource source =
          MsalTokenSource.builder(settings)
              .httpClient(new LoopbackHttpClient(entra))
              .instanceDiscovery(false)
              .build();
      String token = source.token(Set.of());
      if (!token.equals("token-of-" + tenant)) {
        throw new IllegalStateException("Unexpected token for " + tenant);
      }
    }
  }
}
