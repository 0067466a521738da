package io.graphupload.core.spi;

/**
 * The part every plugin provider shares: a name users pick it by, and a priority that decides among
 * several when nobody picked.
 *
 * <p>Providers are instantiated by {@link java.util.ServiceLoader}, so they need a public no-arg
 * constructor, and should be cheap to create: the work belongs in their {@code create} method.
 */
public interface NamedProvider {

  /** Returns a short, lowercase name such as {@code retrofit} or {@code file}. */
  String name();

  /** Returns the priority among providers of the same kind; higher wins. Built-ins use 0. */
  default int priority() {
    return 0;
  }
}
