package io.graphupload.emulator;

/** What became of one range PUT. */
public enum RangeOutcome {
  /** Stored and answered with the next expected range. */
  STORED("stored"),
  /** Stored as the last range: the attachment or file now exists. */
  COMPLETED("completed"),
  /** Refused with an error answer; nothing stored. */
  REJECTED("rejected"),
  /** Answered with an error status by a fault rule; nothing stored. */
  FAULT_STATUS("faultStatus"),
  /** The connection was closed part-way through the body by a fault; nothing stored. */
  RESET_BY_FAULT("resetByFault"),
  /** Stored, but the connection was closed before the answer by a fault. */
  STORED_THEN_DROPPED("storedThenDropped"),
  /** The body ended early or the client went away; nothing stored. */
  INCOMPLETE("incomplete");

  private final String jsonName;

  RangeOutcome(String jsonName) {
    this.jsonName = jsonName;
  }

  /** The name used in the admin API's JSON. */
  public String jsonName() {
    return jsonName;
  }
}
