package io.graphupload.emulator.internal;

import io.graphupload.emulator.FaultRule;
import io.graphupload.emulator.FaultType;
import io.graphupload.emulator.RangeReport;
import io.graphupload.emulator.RecordedRequest;
import io.graphupload.emulator.RequestKind;
import io.graphupload.emulator.SessionReport;
import io.graphupload.emulator.Violation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The admin API's JSON: fault rules in and out, reports out. */
public final class AdminJson {
  private static final Set<String> RULE_KEYS =
      Set.of(
          "id",
          "request",
          "method",
          "path",
          "after",
          "times",
          "fault",
          "status",
          "retryAfterSeconds",
          "code",
          "bytes",
          "millis");

  private AdminJson() {}

  /**
   * Parses JSON text.
   *
   * @throws IllegalArgumentException when it is not well-formed
   */
  public static Object parse(byte[] json) {
    try {
      return Json.value(json);
    } catch (GraphException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /**
   * Reads one fault rule.
   *
   * @throws IllegalArgumentException naming the bad or unknown property
   */
  public static FaultRule rule(Map<String, Object> json) {
    for (String key : json.keySet()) {
      if (!RULE_KEYS.contains(key)) {
        throw new IllegalArgumentException(
            "Unknown fault rule property '" + key + "'; known: " + String.join(", ", RULE_KEYS));
      }
    }
    String fault = Json.string(json, "fault");
    if (fault == null) {
      throw new IllegalArgumentException("A fault rule needs \"fault\", such as \"status\"");
    }
    String request = Json.string(json, "request");
    FaultRule.Builder builder =
        FaultRule.on(request == null ? RequestKind.ANY : RequestKind.fromJsonName(request));
    String method = Json.string(json, "method");
    if (method != null) {
      builder.method(method);
    }
    String path = Json.string(json, "path");
    if (path != null) {
      builder.path(path);
    }
    Long after = Json.wholeNumber(json, "after");
    if (after != null) {
      builder.after(Math.toIntExact(after));
    }
    Long times = Json.wholeNumber(json, "times");
    if (times != null) {
      builder.times(Math.toIntExact(times));
    }
    String code = Json.string(json, "code");
    if (code != null) {
      builder.errorCode(code);
    }
    FaultType type = FaultType.fromJsonName(fault);
    Long status = Json.wholeNumber(json, "status");
    Long retryAfter = Json.wholeNumber(json, "retryAfterSeconds");
    Long amount =
        type == FaultType.LATENCY
            ? Json.wholeNumber(json, "millis")
            : Json.wholeNumber(json, "bytes");
    FaultRule rule =
        builder.build(
            type,
            status == null ? null : Math.toIntExact(status),
            retryAfter == null ? null : Math.toIntExact(retryAfter),
            amount);
    String id = Json.string(json, "id");
    return id == null ? rule : rule.withId(id);
  }

  public static Map<String, Object> rule(FaultRule rule, long[] counters) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", rule.id());
    json.put("request", rule.request().jsonName());
    putIf(json, "method", rule.method());
    putIf(json, "path", rule.path());
    json.put("after", rule.after());
    putIf(json, "times", rule.times());
    json.put("fault", rule.type().jsonName());
    switch (rule.type()) {
      case STATUS:
        json.put("status", rule.status());
        putIf(json, "retryAfterSeconds", rule.retryAfterSeconds());
        break;
      case RESET_AFTER_BYTES:
        json.put("bytes", rule.bytes());
        break;
      case LATENCY:
        json.put("millis", rule.latency().toMillis());
        break;
      default:
        break;
    }
    putIf(json, "code", rule.errorCode());
    if (counters != null) {
      json.put("matched", counters[0]);
      json.put("applied", counters[1]);
    }
    return json;
  }

  public static Map<String, Object> session(SessionReport report) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", report.id());
    json.put("resource", report.resource());
    json.put("owner", report.owner());
    json.put("itemId", report.itemId());
    json.put("name", report.name());
    json.put("declaredSize", report.declaredSize());
    json.put("state", report.state().jsonName());
    List<Object> ranges = new ArrayList<>();
    for (RangeReport range : report.ranges()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("contentRange", range.contentRange());
      entry.put("start", range.start());
      entry.put("end", range.end());
      entry.put("bytesReceived", range.bytesReceived());
      entry.put("status", range.status());
      entry.put("outcome", range.outcome().jsonName());
      ranges.add(entry);
    }
    json.put("ranges", ranges);
    json.put("bytesStored", report.bytesStored());
    json.put("totalBytesReceived", report.totalBytesReceived());
    json.put("bytesResent", report.bytesResent());
    json.put("sha256", report.sha256());
    json.put("attachmentId", report.attachmentId());
    json.put("violations", violations(report.violations()));
    json.put("createdDateTime", report.createdAt().toString());
    json.put("expirationDateTime", report.expiresAt().toString());
    return json;
  }

  public static List<Object> violations(List<Violation> violations) {
    List<Object> list = new ArrayList<>();
    for (Violation violation : violations) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("rule", violation.rule().jsonName());
      entry.put("detail", violation.detail());
      entry.put("sessionId", violation.sessionId());
      entry.put("request", violation.request());
      entry.put("at", violation.at().toString());
      list.add(entry);
    }
    return list;
  }

  public static Map<String, Object> request(RecordedRequest request) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("at", request.at().toString());
    json.put("method", request.method());
    json.put("target", request.target());
    json.put("kind", request.kind().jsonName());
    json.put("status", request.status());
    json.put("bytesIn", request.bytesIn());
    json.put("authorization", request.authorization());
    return json;
  }

  private static void putIf(Map<String, Object> json, String key, Object value) {
    if (value != null) {
      json.put(key, value);
    }
  }
}
