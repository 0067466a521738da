package io.graphupload.emulator.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Upload session answers, in camelCase or (by fault) PascalCase. */
final class SessionJson {
  private SessionJson() {}

  /** The createUploadSession answer. */
  static Map<String, Object> created(
      String context, String uploadUrl, String expiration, String range, boolean pascal) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("@odata.context", context);
    json.put(key("uploadUrl", pascal), uploadUrl);
    json.put(key("expirationDateTime", pascal), expiration);
    json.put(key("nextExpectedRanges", pascal), List.of(range));
    return json;
  }

  /** An intermediate PUT answer or a status answer. */
  static Map<String, Object> progress(String expiration, List<String> ranges, boolean pascal) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put(key("expirationDateTime", pascal), expiration);
    json.put(key("nextExpectedRanges", pascal), ranges);
    return json;
  }

  /** "123-", or "123" when the rangesWithoutDash fault applies. */
  static String openRange(long next, boolean withoutDash) {
    return withoutDash ? Long.toString(next) : next + "-";
  }

  private static String key(String camel, boolean pascal) {
    return pascal ? Character.toUpperCase(camel.charAt(0)) + camel.substring(1) : camel;
  }
}
