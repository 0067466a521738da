package io.graphupload.cli;

import java.util.Locale;

/**
 * A setting that a flag, an environment variable {@code GRAPH_UPLOAD_*} or the configuration file
 * can give, in that order of precedence.
 */
enum Setting {
  ENDPOINT("endpoint", "the Graph root without a version"),
  CLOUD("cloud", "global or china"),
  TOKEN("token", "a bearer token for Graph calls"),
  STATE_DIR("state-dir", "where checkpoints of unfinished uploads live"),
  CHUNK_SIZE("chunk-size", "the largest range per request, such as 1M"),
  LIMIT_RATE("limit-rate", "bytes per second across all uploads, such as 20M"),
  MAX_MESSAGE_SIZE("max-message-size", "the mailbox's message size limit, for send"),
  AUTH("auth", "how to sign in: static or one of the sign-in flows"),
  TENANT_ID("tenant-id", "the directory (tenant) id or domain to sign in to"),
  CLIENT_ID("client-id", "the app registration's application (client) id"),
  CLIENT_SECRET("client-secret", "the app's client secret, or @file"),
  CERTIFICATE("certificate", "the app's certificate: a PEM or PKCS#12 file"),
  CERTIFICATE_PASSWORD("certificate-password", "the certificate's password, or @file"),
  AUTHORITY("authority", "an https sign-in authority replacing the cloud's"),
  RETRIES("retries", "tries of one request before giving up, the first included"),
  API_VERSION("api-version", "v1.0 or beta"),
  TRANSPORT("transport", "the transport plugin's name"),
  STORE("store", "the resume store plugin's name"),
  TOKEN_SOURCE("token-source", "the sign-in plugin's name"),
  CHUNK_PLANNER("chunk-planner", "the chunk planner plugin's name");

  /** Configuration file keys with this prefix go, without it, to every plugin. */
  static final String PLUGIN_PREFIX = "plugin.";

  private final String key;
  private final String purpose;

  Setting(String key, String purpose) {
    this.key = key;
    this.purpose = purpose;
  }

  /** Returns the configuration file's key, such as {@code state-dir}. */
  String key() {
    return key;
  }

  String purpose() {
    return purpose;
  }

  /** Returns the environment variable, such as {@code GRAPH_UPLOAD_STATE_DIR}. */
  String environmentVariable() {
    return "GRAPH_UPLOAD_" + key.toUpperCase(Locale.ROOT).replace('-', '_');
  }

  static Setting ofKey(String key) {
    for (Setting setting : values()) {
      if (setting.key.equals(key)) {
        return setting;
      }
    }
    throw new IllegalArgumentException("No setting '" + key + "'");
  }

  static boolean isKey(String key) {
    for (Setting setting : values()) {
      if (setting.key.equals(key)) {
        return true;
      }
    }
    return false;
  }
}
