package io.graphupload.core.spi;

/** Creates {@link Transport}s; registered in {@code META-INF/services}. */
public interface TransportProvider extends NamedProvider {

  /**
   * Returns a new transport.
   *
   * @throws IllegalArgumentException if the settings are unusable, such as plain http to a host
   *     that is not loopback
   */
  Transport create(TransportSettings settings);
}
