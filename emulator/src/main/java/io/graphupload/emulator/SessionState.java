package io.graphupload.emulator;

/** Where an upload session stands. */
public enum SessionState {
  /** Accepting ranges. */
  ACTIVE("active"),
  /** Every byte arrived but a OneDrive upload with deferCommit waits for its commit. */
  AWAITING_COMMIT("awaitingCommit"),
  /** The attachment or file was created. */
  COMPLETED("completed"),
  /** The session outlived its expiry (or a fault expired it). */
  EXPIRED("expired"),
  /** The client (or a fault) deleted the session. */
  DELETED("deleted"),
  /** The upload cannot finish, for example because its message was sent or deleted. */
  FAILED("failed");

  private final String jsonName;

  SessionState(String jsonName) {
    this.jsonName = jsonName;
  }

  /** The name used in the admin API's JSON. */
  public String jsonName() {
    return jsonName;
  }
}
