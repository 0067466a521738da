package io.graphupload.emulator;

import java.util.Arrays;
import java.util.stream.Collectors;

/** What a fault rule does to the requests it matches. */
public enum FaultType {
  /** Answers with an error status (429, 500, 502, 503, 504...) in Graph's error shape. */
  STATUS("status", true),
  /** Reads N bytes of the body, then closes the connection without answering or storing. */
  RESET_AFTER_BYTES("resetAfterBytes", true),
  /** Handles the request (a range is stored) but closes the connection instead of answering. */
  STORE_THEN_DROP("storeThenDrop", true),
  /** Waits this many milliseconds before handling the request. */
  LATENCY("latency", false),
  /** Lets the addressed upload session expire before the request is handled. */
  EXPIRE_SESSION("expireSession", false),
  /** Deletes the addressed upload session before the request is handled. */
  DELETE_SESSION("deleteSession", false),
  /** Writes upload session JSON keys in PascalCase, as seen from 21Vianet. */
  PASCAL_CASE_JSON("pascalCaseJson", false),
  /** Writes nextExpectedRanges entries as "123" on create and status answers too. */
  RANGES_WITHOUT_DASH("rangesWithoutDash", false),
  /** Answers out-of-order and overlapping ranges with 400 instead of 416. */
  RANGE_ERRORS_AS_400("rangeErrorsAs400", false),
  /** Answers expired or deleted sessions with 401 and an expired-token code instead of 404. */
  EXPIRED_SESSIONS_AS_401("expiredSessionsAs401", false);

  private final String jsonName;
  private final boolean terminal;

  FaultType(String jsonName, boolean terminal) {
    this.jsonName = jsonName;
    this.terminal = terminal;
  }

  /** The name used in the admin API's JSON, such as {@code "resetAfterBytes"}. */
  public String jsonName() {
    return jsonName;
  }

  /** Whether the fault replaces the answer; at most one such rule applies to a request. */
  public boolean terminal() {
    return terminal;
  }

  /**
   * Returns the fault type with this JSON name.
   *
   * @throws IllegalArgumentException naming every accepted value when none matches
   */
  public static FaultType fromJsonName(String name) {
    for (FaultType type : values()) {
      if (type.jsonName.equalsIgnoreCase(name)) {
        return type;
      }
    }
    String names =
        Arrays.stream(values()).map(FaultType::jsonName).collect(Collectors.joining(", "));
    throw new IllegalArgumentException("Unknown fault '" + name + "'; use one of: " + names + ".");
  }
}
