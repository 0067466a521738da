package io.graphupload.emulator;

import java.util.Objects;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension that gives each test a fresh, started {@link Emulator} on a free port,
 * injected as a parameter of the test (or of its {@code @BeforeEach} method), and closes it after
 * the test.
 *
 * <pre>{@code
 * @ExtendWith(EmulatorExtension.class)
 * class UploadTest {
 *   @Test
 *   void uploads(Emulator emulator) { ... }
 * }
 *
 * // or, to configure every emulator:
 * @RegisterExtension
 * static EmulatorExtension graph = new EmulatorExtension(b -> b.statusQueries(false));
 * }</pre>
 */
public final class EmulatorExtension
    implements ParameterResolver, AfterEachCallback, AfterAllCallback {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(EmulatorExtension.class);
  private final Consumer<EmulatorBuilder> configuration;

  /** An extension whose emulators use the defaults. */
  public EmulatorExtension() {
    this(builder -> {});
  }

  /** An extension that applies {@code configuration} to each emulator before it starts. */
  public EmulatorExtension(Consumer<EmulatorBuilder> configuration) {
    this.configuration = Objects.requireNonNull(configuration, "configuration");
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Emulator.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(Emulator.class, key -> start(), Emulator.class);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    closeIn(context);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    closeIn(context);
  }

  private Emulator start() {
    EmulatorBuilder builder = Emulator.builder();
    configuration.accept(builder);
    return builder.build().start();
  }

  private static void closeIn(ExtensionContext context) {
    Emulator emulator = context.getStore(NAMESPACE).remove(Emulator.class, Emulator.class);
    if (emulator != null) {
      emulator.close();
    }
  }
}
