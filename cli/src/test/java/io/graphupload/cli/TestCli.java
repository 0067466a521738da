package io.graphupload.cli;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import io.graphupload.auth.msal.MsalTokenSource;
import io.graphupload.core.Sleeper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Runs {@code graph-upload} in memory: its own home, state and configuration directories under a
 * test's temporary directory, a fixed clock, a sleeper that records instead of waiting, and
 * shutdown hooks that the test plays.
 */
final class TestCli {
  static final Instant NOW = Instant.parse("2030-01-02T03:04:05Z");

  final Path home;
  final Map<String, String> environment = new HashMap<>();
  final RecordingHooks hooks = new RecordingHooks();
  final FakeCtrlC ctrlC = new FakeCtrlC();
  UnaryOperator<MsalTokenSource.Builder> signIn = UnaryOperator.identity();
  boolean stdinTerminal;
  final List<Duration> sleeps = new ArrayList<>();
  final List<Module> overrides = new ArrayList<>();
  Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  boolean interactive;

  TestCli(Path home) {
    this.home = home;
    environment.put("XDG_STATE_HOME", home.resolve("state").toString());
    environment.put("XDG_CONFIG_HOME", home.resolve("config").toString());
    overrides.add(
        new AbstractModule() {
          @Override
          protected void configure() {
            bind(Sleeper.class)
                .toInstance(
                    (duration, wakeUp) -> {
                      synchronized (sleeps) {
                        sleeps.add(duration);
                      }
                    });
          }
        });
  }

  /** Returns the state directory the command uses by default. */
  Path stateDirectory() {
    return home.resolve("state").resolve("graph-upload");
  }

  Path configFile() {
    return home.resolve("config").resolve("graph-upload").resolve("config.properties");
  }

  /** The stdout of the command running now, or of the last one. */
  volatile WatchedWriter out = new WatchedWriter();

  Result run(String... args) {
    WatchedWriter out = new WatchedWriter();
    this.out = out;
    StringWriter err = new StringWriter();
    Cli.Builder builder =
        Cli.builder()
            .out(new PrintWriter(out, true))
            .err(new PrintWriter(err, true))
            .environment(environment)
            .userHome(home)
            .interactive(interactive)
            .columns(80)
            .shutdownHooks(hooks)
            .ctrlC(ctrlC)
            .stdinTerminal(stdinTerminal)
            .signIn(signIn)
            .clock(clock);
    overrides.forEach(builder::override);
    int code = builder.build().execute(args);
    return new Result(code, out.toString(), err.toString());
  }

  /** What a command did: its exit code and everything it wrote. */
  record Result(int code, String out, String err) {
    List<String> outLines() {
      return out.isEmpty() ? List.of() : List.of(out.split("\n"));
    }

    List<String> errLines() {
      return err.isEmpty() ? List.of() : List.of(err.split("\n"));
    }
  }
}
