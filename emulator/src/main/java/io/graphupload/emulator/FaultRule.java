package io.graphupload.emulator;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One fault injection rule: which requests it matches, which of them it hits, and what it does.
 *
 * <p>Every request the rule matches is counted. The rule skips the first {@link #after()} matches,
 * then applies to the next {@link #times()} (or to all of them when {@code times} is null). Build
 * one with {@link #on(RequestKind)}; instances are immutable and thread-safe.
 *
 * <pre>{@code
 * emulator.faults().add(FaultRule.on(RequestKind.UPLOAD_PUT).after(1).times(1).status(503, 2));
 * }</pre>
 */
public final class FaultRule {
  private final String id;
  private final RequestKind request;
  private final String method;
  private final Pattern path;
  private final int after;
  private final Integer times;
  private final FaultType type;
  private final int status;
  private final Integer retryAfterSeconds;
  private final String errorCode;
  private final long bytes;
  private final long millis;

  private FaultRule(Builder b, FaultType type, int status, Integer retryAfter, long n, String id) {
    this.id = id;
    this.request = b.request;
    this.method = b.method;
    this.path = b.path;
    this.after = b.after;
    this.times = b.times;
    this.type = type;
    this.status = status;
    this.retryAfterSeconds = retryAfter;
    this.errorCode = b.errorCode;
    this.bytes = type == FaultType.RESET_AFTER_BYTES ? n : 0;
    this.millis = type == FaultType.LATENCY ? n : 0;
  }

  /** Starts a rule for requests of this kind. */
  public static Builder on(RequestKind request) {
    return new Builder(Objects.requireNonNull(request, "request"));
  }

  /** A copy of this rule carrying {@code newId}; the emulator assigns ids when rules are added. */
  public FaultRule withId(String newId) {
    Builder b = new Builder(request);
    b.method = method;
    b.path = path;
    b.after = after;
    b.times = times;
    b.errorCode = errorCode;
    return new FaultRule(b, type, status, retryAfterSeconds, Math.max(bytes, millis), newId);
  }

  /** Whether this rule matches a request; counting occurrences is the caller's job. */
  public boolean matches(RequestKind kind, String requestMethod, String requestPath) {
    return request.matches(kind)
        && (method == null || method.equalsIgnoreCase(requestMethod))
        && (path == null || path.matcher(requestPath).find());
  }

  /** The id, or null before the rule was added to an emulator. */
  public String id() {
    return id;
  }

  public RequestKind request() {
    return request;
  }

  /** The HTTP method to match, or null for any. */
  public String method() {
    return method;
  }

  /** The regular expression searched for in the request path, or null for any path. */
  public String path() {
    return path == null ? null : path.pattern();
  }

  public int after() {
    return after;
  }

  /** How many matching requests the rule hits, or null for all of them. */
  public Integer times() {
    return times;
  }

  public FaultType type() {
    return type;
  }

  /** The status a {@link FaultType#STATUS} rule answers, else 0. */
  public int status() {
    return status;
  }

  /** The {@code Retry-After} seconds a status rule sends, or null for none. */
  public Integer retryAfterSeconds() {
    return retryAfterSeconds;
  }

  /** The Graph error code to answer instead of the default one, or null. */
  public String errorCode() {
    return errorCode;
  }

  /** The body bytes a {@link FaultType#RESET_AFTER_BYTES} rule lets through, else 0. */
  public long bytes() {
    return bytes;
  }

  /** The delay of a {@link FaultType#LATENCY} rule, else zero. */
  public Duration latency() {
    return Duration.ofMillis(millis);
  }

  @Override
  public String toString() {
    return "FaultRule{id=" + id + ", " + type.jsonName() + " on " + request.jsonName() + "}";
  }

  /** Chooses which requests a rule matches, then what it does to them. Not thread-safe. */
  public static final class Builder {
    private final RequestKind request;
    private String method;
    private Pattern path;
    private int after;
    private Integer times;
    private String errorCode;

    private Builder(RequestKind request) {
      this.request = request;
    }

    /** Matches only this HTTP method, such as {@code "PUT"}. */
    public Builder method(String httpMethod) {
      this.method = Objects.requireNonNull(httpMethod, "httpMethod").toUpperCase(Locale.ROOT);
      return this;
    }

    /**
     * Matches only paths in which this regular expression is found.
     *
     * @throws IllegalArgumentException when the expression does not compile
     */
    public Builder path(String regex) {
      try {
        this.path = Pattern.compile(Objects.requireNonNull(regex, "regex"));
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException(
            "Fault path '" + regex + "' is not a valid regular expression: " + e.getDescription(),
            e);
      }
      return this;
    }

    /** Lets the first {@code count} matching requests through untouched. */
    public Builder after(int count) {
      if (count < 0) {
        throw new IllegalArgumentException("after must be 0 or more, not " + count);
      }
      this.after = count;
      return this;
    }

    /** Hits only {@code count} matching requests (after the skipped ones); default: all. */
    public Builder times(int count) {
      if (count < 1) {
        throw new IllegalArgumentException("times must be 1 or more, not " + count);
      }
      this.times = count;
      return this;
    }

    /** Answers with this Graph error code instead of the default for the fault. */
    public Builder errorCode(String code) {
      this.errorCode = Objects.requireNonNull(code, "code");
      return this;
    }

    /** Answers with this error status; a 429 carries {@code Retry-After: 1}. */
    public FaultRule status(int code) {
      return status(code, code == 429 ? 1 : null);
    }

    /** Answers with this error status and a {@code Retry-After} of that many seconds. */
    public FaultRule status(int code, Integer retryAfterSeconds) {
      if (code < 400 || code > 599) {
        throw new IllegalArgumentException("A status fault answers 400-599, not " + code);
      }
      if (retryAfterSeconds != null && retryAfterSeconds < 0) {
        throw new IllegalArgumentException("retryAfterSeconds must be 0 or more");
      }
      return new FaultRule(this, FaultType.STATUS, code, retryAfterSeconds, 0, null);
    }

    /** Reads {@code count} body bytes, then closes the connection; nothing is stored. */
    public FaultRule resetAfterBytes(long count) {
      if (count < 0) {
        throw new IllegalArgumentException("resetAfterBytes must be 0 or more, not " + count);
      }
      return new FaultRule(this, FaultType.RESET_AFTER_BYTES, 0, null, count, null);
    }

    /** Handles the request, then closes the connection instead of answering. */
    public FaultRule storeThenDrop() {
      return simple(FaultType.STORE_THEN_DROP);
    }

    /** Delays the request by this much. */
    public FaultRule latency(Duration delay) {
      if (delay.isNegative()) {
        throw new IllegalArgumentException("latency must not be negative");
      }
      return new FaultRule(this, FaultType.LATENCY, 0, null, delay.toMillis(), null);
    }

    /** Expires the session the request addresses, before handling it. */
    public FaultRule expireSession() {
      return sessionAction(FaultType.EXPIRE_SESSION);
    }

    /** Deletes the session the request addresses, before handling it. */
    public FaultRule deleteSession() {
      return sessionAction(FaultType.DELETE_SESSION);
    }

    public FaultRule pascalCaseJson() {
      return simple(FaultType.PASCAL_CASE_JSON);
    }

    public FaultRule rangesWithoutDash() {
      return simple(FaultType.RANGES_WITHOUT_DASH);
    }

    public FaultRule rangeErrorsAs400() {
      return simple(FaultType.RANGE_ERRORS_AS_400);
    }

    public FaultRule expiredSessionsAs401() {
      return simple(FaultType.EXPIRED_SESSIONS_AS_401);
    }

    /** Builds a rule of any type from parsed values; used by the admin API. */
    public FaultRule build(FaultType type, Integer statusCode, Integer retryAfter, Long amount) {
      switch (type) {
        case STATUS:
          if (statusCode == null) {
            throw new IllegalArgumentException("A status fault needs \"status\", such as 503");
          }
          return retryAfter == null ? status(statusCode) : status(statusCode, retryAfter);
        case RESET_AFTER_BYTES:
          if (amount == null) {
            throw new IllegalArgumentException("A resetAfterBytes fault needs \"bytes\"");
          }
          return resetAfterBytes(amount);
        case LATENCY:
          if (amount == null) {
            throw new IllegalArgumentException("A latency fault needs \"millis\"");
          }
          return latency(Duration.ofMillis(amount));
        case EXPIRE_SESSION:
        case DELETE_SESSION:
          return sessionAction(type);
        default:
          return simple(type);
      }
    }

    private FaultRule sessionAction(FaultType type) {
      if (request != RequestKind.ANY && !request.addressesSession()) {
        throw new IllegalArgumentException(
            type.jsonName()
                + " needs requests that address a session (uploadPut, uploadGet, uploadDelete,"
                + " uploadCommit or any), not "
                + request.jsonName());
      }
      return simple(type);
    }

    private FaultRule simple(FaultType type) {
      return new FaultRule(this, type, 0, null, 0, null);
    }
  }
}
