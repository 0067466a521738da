package io.graphupload.auth.msal;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How graph-upload signs in, as named by the {@code flow} setting. */
public enum Flow {
  /** An application signs in as itself with a client secret (client credentials). */
  CLIENT_SECRET("client-secret", false),
  /** An application signs in as itself with a certificate (client credentials). */
  CERTIFICATE("certificate", false),
  /** A person signs in on another device by entering a short code; for terminals and SSH. */
  DEVICE_CODE("device-code", true),
  /** A person signs in in the system browser, which returns to a loopback address. */
  BROWSER("browser", true),
  /** A process on Azure signs in as its managed identity, system- or user-assigned. */
  MANAGED_IDENTITY("managed-identity", false);

  private final String settingValue;
  private final boolean delegated;

  Flow(String settingValue, boolean delegated) {
    this.settingValue = settingValue;
    this.delegated = delegated;
  }

  /** Returns the name used in settings and on the command line, such as {@code device-code}. */
  public String settingValue() {
    return settingValue;
  }

  /** Returns whether tokens act for a signed-in person (delegated permissions). */
  public boolean isDelegated() {
    return delegated;
  }

  /**
   * Returns the flow named {@code value}, ignoring case.
   *
   * @throws IllegalArgumentException listing the flows, when none has that name
   */
  public static Flow parse(String value) {
    String wanted = value.strip().toLowerCase(Locale.ROOT).replace('_', '-');
    for (Flow flow : values()) {
      if (flow.settingValue.equals(wanted)) {
        return flow;
      }
    }
    throw new IllegalArgumentException(
        "Setting 'flow' is '" + value + "'; use one of " + names() + ".");
  }

  /** Returns every flow's setting value, comma-separated, for messages and help text. */
  public static String names() {
    return Arrays.stream(values()).map(Flow::settingValue).collect(Collectors.joining(", "));
  }
}
