package io.graphupload.auth.msal;

import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The device-code prompt used when no frontend supplies one. */
final class DeviceCodePrompts {
  private static final Logger log = LoggerFactory.getLogger(DeviceCodePrompts.class);

  /** Logs the service's instructions at WARN, as a person must act before anything goes on. */
  static final Consumer<DeviceCodePrompt> LOG = prompt -> log.warn("{}", prompt.message());

  private DeviceCodePrompts() {}
}
