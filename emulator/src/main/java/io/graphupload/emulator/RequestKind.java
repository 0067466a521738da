package io.graphupload.emulator;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The kinds of request a fault rule can target. */
public enum RequestKind {
  /** {@code POST …/attachments/createUploadSession} or a OneDrive {@code createUploadSession}. */
  CREATE_UPLOAD_SESSION("createUploadSession"),
  /** {@code PUT} of a byte range to an upload URL. */
  UPLOAD_PUT("uploadPut"),
  /** {@code GET} of an upload URL: the session status. */
  UPLOAD_GET("uploadGet"),
  /** {@code DELETE} of an upload URL: cancelling the session. */
  UPLOAD_DELETE("uploadDelete"),
  /** {@code POST} to a OneDrive upload URL that commits a deferred upload. */
  UPLOAD_COMMIT("uploadCommit"),
  /** {@code POST …/attachments} with a base64 file attachment. */
  ATTACHMENT_POST("attachmentPost"),
  /** Any other Graph request under {@code /v1.0} or {@code /beta}. */
  GRAPH("graph"),
  /** Every request except the admin API's. */
  ANY("any");

  private final String jsonName;

  RequestKind(String jsonName) {
    this.jsonName = jsonName;
  }

  /** The name used in the admin API's JSON, such as {@code "uploadPut"}. */
  public String jsonName() {
    return jsonName;
  }

  /** Whether a rule for this kind applies to a request of kind {@code actual}. */
  public boolean matches(RequestKind actual) {
    return this == ANY || this == actual;
  }

  /** Whether requests of this kind address one upload session through its upload URL. */
  public boolean addressesSession() {
    return this == UPLOAD_PUT
        || this == UPLOAD_GET
        || this == UPLOAD_DELETE
        || this == UPLOAD_COMMIT;
  }

  /**
   * Returns the kind with this JSON name.
   *
   * @throws IllegalArgumentException naming every accepted value when none matches
   */
  public static RequestKind fromJsonName(String name) {
    for (RequestKind kind : values()) {
      if (kind.jsonName.equalsIgnoreCase(name)) {
        return kind;
      }
    }
    throw new IllegalArgumentException(
        "Unknown request kind '" + name + "'; use one of: " + names() + ".");
  }

  static String names() {
    return Arrays.stream(values()).map(RequestKind::jsonName).collect(Collectors.joining(", "));
  }
}
