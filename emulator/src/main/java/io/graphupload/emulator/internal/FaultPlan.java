package io.graphupload.emulator.internal;

import io.graphupload.emulator.FaultRule;
import io.graphupload.emulator.FaultType;

/** The faults that apply to one request, merged from every rule that hit it. */
final class FaultPlan {
  private long latencyMillis;
  private FaultRule terminal;
  private FaultRule sessionAction;
  private boolean pascalCase;
  private boolean rangesWithoutDash;
  private boolean rangeErrorsAs400;
  private FaultRule expiredAs401;

  /** Adds one rule that hit; returns false when a terminal fault was already chosen. */
  boolean add(FaultRule rule) {
    FaultType type = rule.type();
    if (type.terminal()) {
      if (terminal != null) {
        return false;
      }
      terminal = rule;
      return true;
    }
    switch (type) {
      case LATENCY:
        latencyMillis += rule.latency().toMillis();
        break;
      case EXPIRE_SESSION:
      case DELETE_SESSION:
        if (sessionAction != null) {
          return false;
        }
        sessionAction = rule;
        break;
      case PASCAL_CASE_JSON:
        pascalCase = true;
        break;
      case RANGES_WITHOUT_DASH:
        rangesWithoutDash = true;
        break;
      case RANGE_ERRORS_AS_400:
        rangeErrorsAs400 = true;
        break;
      case EXPIRED_SESSIONS_AS_401:
        expiredAs401 = rule;
        break;
      default:
        throw new IllegalStateException("Unhandled fault type " + type);
    }
    return true;
  }

  long latencyMillis() {
    return latencyMillis;
  }

  /** The status, reset or store-then-drop rule, or null. */
  FaultRule terminal() {
    return terminal;
  }

  boolean terminal(FaultType type) {
    return terminal != null && terminal.type() == type;
  }

  /** The expire or delete rule, or null. */
  FaultRule sessionAction() {
    return sessionAction;
  }

  boolean pascalCase() {
    return pascalCase;
  }

  boolean rangesWithoutDash() {
    return rangesWithoutDash;
  }

  boolean rangeErrorsAs400() {
    return rangeErrorsAs400;
  }

  /** The rule that turns expired-session answers into 401s, or null. */
  FaultRule expiredAs401() {
    return expiredAs401;
  }

  /** The error a status fault answers, with the code each status usually carries. */
  GraphException statusError() {
    int status = terminal.status();
    String code = terminal.errorCode() != null ? terminal.errorCode() : defaultCode(status);
    GraphException error =
        new GraphException(status, code, "Injected fault: the emulator answered " + status + ".");
    Integer retryAfter = terminal.retryAfterSeconds();
    return retryAfter == null ? error : error.withHeader("Retry-After", retryAfter.toString());
  }

  private static String defaultCode(int status) {
    switch (status) {
      case 429:
        return "ApplicationThrottled";
      case 500:
        return "InternalServerError";
      case 502:
        return "BadGateway";
      case 503:
        return "ServiceUnavailable";
      case 504:
        return "GatewayTimeout";
      default:
        return status < 500 ? "BadRequest" : "generalException";
    }
  }
}
