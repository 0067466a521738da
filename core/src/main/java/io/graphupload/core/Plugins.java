package io.graphupload.core;

import io.graphupload.core.spi.NamedProvider;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds plugin providers with {@link ServiceLoader}. An explicit name always wins; without one, the
 * highest priority does.
 */
public final class Plugins {
  private static final Logger log = LoggerFactory.getLogger(Plugins.class);

  private Plugins() {}

  /**
   * Returns the provider of {@code type} called {@code name}, or the one of highest priority when
   * {@code name} is null.
   *
   * @throws IllegalStateException listing what was found and how to add a provider, when none
   *     matches
   */
  public static <P extends NamedProvider> P select(
      Class<P> type, @Nullable String name, ClassLoader classLoader) {
    List<P> found = discover(type, classLoader);
    if (name != null) {
      return found.stream()
          .filter(provider -> provider.name().equalsIgnoreCase(name))
          .findFirst()
          .orElseThrow(() -> notFound(type, "named '" + name + "'", found));
    }
    P chosen =
        found.stream()
            .max(Comparator.comparingInt(NamedProvider::priority))
            .orElseThrow(() -> notFound(type, "at all", found));
    log.debug("Chose {} provider '{}' among {}", type.getSimpleName(), chosen.name(), names(found));
    return chosen;
  }

  /** Returns every provider of {@code type} that loads; one that fails to load is logged. */
  public static <P extends NamedProvider> List<P> discover(Class<P> type, ClassLoader loader) {
    List<P> found = new ArrayList<>();
    var iterator = ServiceLoader.load(type, loader).iterator();
    while (true) {
      try {
        if (!iterator.hasNext()) {
          return found;
        }
        found.add(iterator.next());
      } catch (ServiceConfigurationError e) {
        log.warn(
            "Skipped a {} that failed to load; check its jar: {}",
            type.getSimpleName(),
            e.getMessage());
      }
    }
  }

  private static IllegalStateException notFound(
      Class<?> type, String which, List<? extends NamedProvider> found) {
    return new IllegalStateException(
        "No "
            + type.getSimpleName()
            + " "
            + which
            + ". Found: "
            + (found.isEmpty() ? "none" : names(found))
            + ". Add a plugin jar that lists its provider in META-INF/services/"
            + type.getName()
            + " to the class path, or pick one of those found by name.");
  }

  private static String names(List<? extends NamedProvider> providers) {
    return providers.stream()
        .map(provider -> provider.name() + " (priority " + provider.priority() + ")")
        .collect(Collectors.joining(", "));
  }
}
