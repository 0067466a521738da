package io.graphupload.core;

import io.graphupload.core.spi.AccessTokenSource;
import io.graphupload.core.spi.AccessTokenSourceProvider;
import io.graphupload.core.spi.PluginSettings;

/** Registers {@link StaticTokenSource} under the name {@code static}; it reads {@code token}. */
public final class StaticTokenSourceProvider implements AccessTokenSourceProvider {
  /** The setting that carries the bearer token. */
  public static final String TOKEN = "token";

  @Override
  public String name() {
    return "static";
  }

  @Override
  public AccessTokenSource create(PluginSettings settings) {
    return new StaticTokenSource(settings.require(TOKEN, "the bearer token to send to Graph"));
  }
}
