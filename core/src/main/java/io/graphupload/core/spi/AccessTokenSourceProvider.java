package io.graphupload.core.spi;

/** Creates {@link AccessTokenSource}s; registered in {@code META-INF/services}. */
public interface AccessTokenSourceProvider extends NamedProvider {
  AccessTokenSource create(PluginSettings settings);
}
