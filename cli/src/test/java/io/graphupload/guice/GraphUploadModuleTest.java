package io.graphupload.guice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.ProvisionException;
import io.graphupload.core.RangeRules;
import io.graphupload.core.UploadException;
import io.graphupload.core.Uploader;
import io.graphupload.core.spi.AccessTokenSource;
import io.graphupload.core.spi.ChunkPlanner;
import io.graphupload.core.spi.ResumeStore;
import io.graphupload.storage.FileResumeStore;
import io.graphupload.storage.InMemoryResumeStore;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GraphUploadModuleTest {
  @TempDir Path state;

  @Test
  void installingTheModuleTwiceBindsEverythingOnce() {
    UploadSettings settings = settings().token("t").build();

    Injector injector =
        Guice.createInjector(new GraphUploadModule(settings), new GraphUploadModule(settings));

    assertThat(injector.getInstance(Uploader.class)).isSameAs(injector.getInstance(Uploader.class));
  }

  @Test
  void twoModulesWithDifferentSettingsConflict() {
    GraphUploadModule first = new GraphUploadModule(settings().token("a").build());
    GraphUploadModule second = new GraphUploadModule(settings().token("b").build());

    assertThat(first).isNotEqualTo(second);
    assertThatThrownBy(() -> Guice.createInjector(first, second))
        .isInstanceOf(CreationException.class);
  }

  @Test
  void fileStoreIsTheDefaultAndKeepsCheckpointsInTheStateDirectory() {
    Injector injector = Guice.createInjector(new GraphUploadModule(settings().build()));

    ResumeStore store = injector.getInstance(ResumeStore.class);

    assertThat(store).isInstanceOf(FileResumeStore.class);
    assertThat(((FileResumeStore) store).stateDirectory()).isEqualTo(state);
  }

  @Test
  void storeNamedInTheSettingsWins() {
    Injector injector =
        Guice.createInjector(new GraphUploadModule(settings().resumeStore("memory").build()));

    assertThat(injector.getInstance(ResumeStore.class)).isInstanceOf(InMemoryResumeStore.class);
  }

  @Test
  void unknownTransportNameListsWhatWasFound() {
    Injector injector =
        Guice.createInjector(new GraphUploadModule(settings().transport("pigeon").build()));

    assertThatThrownBy(() -> injector.getInstance(Uploader.class))
        .isInstanceOf(ProvisionException.class)
        .cause()
        .hasMessage(
            "No TransportProvider named 'pigeon'. Found: retrofit (priority 0). Add a plugin jar"
                + " that lists its provider in"
                + " META-INF/services/io.graphupload.core.spi.TransportProvider to the class path,"
                + " or pick one of those found by name.");
  }

  @Test
  void chunkSizeCapsTheRangesThePlannerCuts() {
    Injector injector =
        Guice.createInjector(new GraphUploadModule(settings().chunkSize(1024L * 1024).build()));

    ChunkPlanner planner = injector.getInstance(ChunkPlanner.class);

    assertThat(planner.next(0, 10_000_000, RangeRules.OUTLOOK, List.of()).length())
        .isEqualTo(1024 * 1024);
  }

  @Test
  void tokenFromTheSettingsGoesToGraphCalls() throws Exception {
    Injector injector =
        Guice.createInjector(new GraphUploadModule(settings().token(" abc ").build()));

    assertThat(injector.getInstance(AccessTokenSource.class).token(Set.of("Mail.ReadWrite")))
        .isEqualTo("abc");
  }

  @Test
  void missingTokenIsAnAuthenticationFailureOnlyWhenOneIsNeeded() {
    Injector injector = Guice.createInjector(new GraphUploadModule(settings().build()));

    AccessTokenSource tokens = injector.getInstance(AccessTokenSource.class);

    // Without a token, the sign-in plugin on the class path (auth-msal) is asked, and says what
    // it lacks.
    assertThatThrownBy(() -> tokens.token(Set.of("Mail.ReadWrite")))
        .isInstanceOfSatisfying(
            UploadException.class,
            e -> assertThat(e.category()).isEqualTo(UploadException.Category.AUTHENTICATION))
        .hasMessage(
            "The device-code flow needs the app registration's client id: set 'client-id' or"
                + " GRAPH_UPLOAD_CLIENT_ID (the README's Sign in section says how to register the"
                + " app).");
  }

  @Test
  void settingsNeverShowTheToken() {
    UploadSettings settings =
        settings().token("secret-token").pluginOption("proxy", "http://u:pw@proxy:8080").build();

    assertThat(settings.toString()).doesNotContain("secret-token").doesNotContain("pw@");
  }

  private UploadSettings.Builder settings() {
    return UploadSettings.builder(state).graphEndpoint(URI.create("http://127.0.0.1:9"));
  }
}
