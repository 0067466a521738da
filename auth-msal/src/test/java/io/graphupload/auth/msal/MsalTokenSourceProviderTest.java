package io.graphupload.auth.msal;

import static io.graphupload.auth.msal.FakeEntra.CLIENT_ID;
import static io.graphupload.auth.msal.FakeEntra.SECRET;
import static io.graphupload.auth.msal.FakeEntra.TENANT_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.graphupload.core.Plugins;
import io.graphupload.core.spi.AccessTokenSource;
import io.graphupload.core.spi.AccessTokenSourceProvider;
import io.graphupload.core.spi.PluginSettings;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MsalTokenSourceProviderTest {
  @TempDir Path state;

  @Test
  void serviceLoaderFindsTheProviderByName() {
    AccessTokenSourceProvider provider =
        Plugins.select(AccessTokenSourceProvider.class, "msal", getClass().getClassLoader());

    assertThat(provider).isInstanceOf(MsalTokenSourceProvider.class);
    assertThat(provider.name()).isEqualTo("msal");
  }

  @Test
  void createdSourceReadsSettingsAndEnvironmentWithoutShowingTheSecret() {
    MsalTokenSourceProvider provider =
        new MsalTokenSourceProvider(
            Map.of("GRAPH_UPLOAD_CLIENT_SECRET", SECRET, "GRAPH_UPLOAD_TENANT_ID", TENANT_ID));

    AccessTokenSource source =
        provider.create(
            PluginSettings.of(
                Map.of(
                    MsalTokenSourceProvider.CLIENT_ID,
                    CLIENT_ID,
                    MsalTokenSourceProvider.STATE_DIR,
                    state.toString())));

    assertThat(source).isInstanceOf(MsalTokenSource.class);
    assertThat(((MsalTokenSource) source).settings().flow()).isEqualTo(Flow.CLIENT_SECRET);
    assertThat(source.toString()).doesNotContain(SECRET);
  }

  @Test
  void badSettingsFailAtCreation() {
    MsalTokenSourceProvider provider = new MsalTokenSourceProvider(Map.of());

    assertThatThrownBy(() -> provider.create(PluginSettings.EMPTY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "The device-code flow needs the app registration's client id: set 'client-id' or"
                + " GRAPH_UPLOAD_CLIENT_ID (the README's Sign in section says how to register the"
                + " app).");
  }
}
