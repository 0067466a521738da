package io.graphupload.emulator.internal;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import okio.Buffer;

/** Reads request JSON into maps and writes answers, with Graph's errors for bad input. */
final class Json {
  private static final JsonAdapter<Object> ANY = new Moshi.Builder().build().adapter(Object.class);

  private Json() {}

  /** Parses a JSON object, or answers 400 naming what was expected. */
  static Map<String, Object> object(byte[] body, String what) {
    if (body.length == 0) {
      throw GraphException.badRequest("BadRequest", "Empty request body: expected " + what + ".");
    }
    Object value;
    try {
      value = ANY.fromJson(new Buffer().write(body));
    } catch (JsonDataException | IOException e) {
      throw GraphException.badRequest(
          "BadRequest", "Unable to read JSON request payload (" + e.getMessage() + ").");
    }
    if (!(value instanceof Map)) {
      throw GraphException.badRequest("BadRequest", "Expected " + what + " as a JSON object.");
    }
    @SuppressWarnings("unchecked") // Moshi reads every JSON object as a Map with String keys.
    Map<String, Object> map = (Map<String, Object>) value;
    return map;
  }

  /** Parses any JSON value; used by the admin API, which takes an object or an array. */
  static Object value(byte[] body) {
    try {
      return ANY.fromJson(new Buffer().write(body));
    } catch (JsonDataException | IOException e) {
      throw GraphException.badRequest("BadRequest", "Malformed JSON: " + e.getMessage());
    }
  }

  static byte[] bytes(Object value) {
    Buffer buffer = new Buffer();
    try {
      ANY.serializeNulls().toJson(buffer, value);
    } catch (IOException e) {
      throw new IllegalStateException("An in-memory buffer cannot fail", e);
    }
    return buffer.readByteArray();
  }

  /** Looks a key up ignoring case: Exchange accepts "AttachmentItem" and "attachmentItem". */
  static Object get(Map<String, Object> map, String key) {
    Object exact = map.get(key);
    if (exact != null) {
      return exact;
    }
    String lower = key.toLowerCase(Locale.ROOT);
    for (Map.Entry<String, Object> entry : map.entrySet()) {
      if (entry.getKey().toLowerCase(Locale.ROOT).equals(lower)) {
        return entry.getValue();
      }
    }
    return null;
  }

  static String string(Map<String, Object> map, String key) {
    Object value = get(map, key);
    if (value == null) {
      return null;
    }
    if (!(value instanceof String)) {
      throw GraphException.badRequest(
          "BadRequest", "Property '" + key + "' must be a string, not " + value + ".");
    }
    return (String) value;
  }

  static Long wholeNumber(Map<String, Object> map, String key) {
    Object value = get(map, key);
    if (value == null) {
      return null;
    }
    if (value instanceof String) {
      try {
        return Long.parseLong((String) value);
      } catch (NumberFormatException e) {
        throw notWhole(key, value);
      }
    }
    if (!(value instanceof Number)) {
      throw notWhole(key, value);
    }
    double number = ((Number) value).doubleValue();
    if (number != Math.rint(number) || Math.abs(number) > 1e15) {
      throw notWhole(key, value);
    }
    return (long) number;
  }

  static boolean bool(Map<String, Object> map, String key, boolean fallback) {
    Object value = get(map, key);
    if (value == null) {
      return fallback;
    }
    if (!(value instanceof Boolean)) {
      throw GraphException.badRequest(
          "BadRequest", "Property '" + key + "' must be true or false, not " + value + ".");
    }
    return (Boolean) value;
  }

  @SuppressWarnings("unchecked") // JSON objects come back from Moshi as Map<String, Object>.
  static Map<String, Object> child(Map<String, Object> map, String key) {
    Object value = get(map, key);
    if (value == null) {
      return null;
    }
    if (!(value instanceof Map)) {
      throw GraphException.badRequest(
          "BadRequest", "Property '" + key + "' must be a JSON object.");
    }
    return (Map<String, Object>) value;
  }

  private static GraphException notWhole(String key, Object value) {
    return GraphException.badRequest(
        "BadRequest", "Property '" + key + "' must be a whole number, not " + value + ".");
  }
}
