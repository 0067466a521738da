package io.graphupload.auth.msal;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.graphupload.core.spi.PluginSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Several JVMs write the same cache file at once; none loses another's tokens. */
class TokenCacheAcrossProcessesTest {
  @RegisterExtension static WireMockExtension entra = FakeEntra.server();

  @TempDir Path state;

  @Test
  void processesWritingAtOnceKeepEveryonesTokens() throws Exception {
    List<List<String>> tenantsPerProcess =
        IntStream.range(0, 2)
            .mapToObj(
                process ->
                    IntStream.range(0, 4)
                        .mapToObj(i -> "process" + process + "-tenant" + i)
                        .toList())
            .toList();
    tenantsPerProcess.stream()
        .flatMap(List::stream)
        .forEach(
            tenant -> FakeEntra.stubToken(entra, tenant, FakeEntra.appToken("token-of-" + tenant)));

    List<Process> processes = new ArrayList<>();
    for (List<String> tenants : tenantsPerProcess) {
      processes.add(start(tenants));
    }
    for (Process process : processes) {
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.waitFor()).as(output).isZero();
    }
    int requests = entra.getAllServeEvents().size();

    for (String tenant : tenantsPerProcess.stream().flatMap(List::stream).toList()) {
      assertThat(source(tenant).token(Set.of())).isEqualTo("token-of-" + tenant);
    }
    assertThat(requests).isEqualTo(8);
    assertThat(entra.getAllServeEvents()).hasSize(requests);
  }

  private Process start(List<String> tenants) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(CacheWriterProcess.class.getName());
    command.add(entra.baseUrl());
    command.add(state.toString());
    command.addAll(tenants);
    return new ProcessBuilder(command).redirectErrorStream(true).start();
  }

  private MsalTokenSource source(String tenant) {
    SignInSettings settings =
        SignInSettings.from(
            PluginSettings.of(
                Map.of(
                    MsalTokenSourceProvider.STATE_DIR,
                    state.toString(),
                    MsalTokenSourceProvider.TENANT_ID,
                    tenant,
                    MsalTokenSourceProvider.CLIENT_ID,
                    FakeEntra.CLIENT_ID,
                    MsalTokenSourceProvider.CLIENT_SECRET,
                    FakeEntra.SECRET)),
            Map.of());
    return FakeEntra.source(entra, settings).build();
  }
}
