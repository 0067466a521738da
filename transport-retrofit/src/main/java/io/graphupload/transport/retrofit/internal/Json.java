package io.graphupload.transport.retrofit.internal;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import io.graphupload.core.Nullable;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import okio.BufferedSource;

/** Reads the JSON the service answers, matching keys without regard to case as Outlook varies. */
public final class Json {
  /** The one Moshi instance of the transport; thread-safe. */
  public static final Moshi MOSHI = new Moshi.Builder().build();

  private static final JsonAdapter<Map<String, Object>> OBJECT =
      MOSHI.adapter(Types.newParameterizedType(Map.class, String.class, Object.class));

  private Json() {}

  /** Returns {@code text} as a JSON object, or empty when it is blank or not one. */
  public static Optional<Map<String, Object>> object(String text) {
    if (text.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(OBJECT.fromJson(text));
    } catch (IOException | JsonDataException e) {
      return Optional.empty();
    }
  }

  /**
   * Returns the string value of the top-level {@code key} (matched without regard to case) of the
   * JSON object in {@code source}, skipping every other value without holding it in memory: Graph
   * echoes a posted attachment's whole base64 content beside its id.
   *
   * @return the value, or null when the object has no such string
   * @throws IOException when the source cannot be read or is not a JSON object
   */
  public static @Nullable String streamedString(BufferedSource source, String key)
      throws IOException {
    try (JsonReader reader = JsonReader.of(source)) {
      reader.beginObject();
      while (reader.hasNext()) {
        String name = reader.nextName();
        if (name.equalsIgnoreCase(key) && reader.peek() == JsonReader.Token.STRING) {
          return reader.nextString();
        }
        reader.skipValue();
      }
      return null;
    } catch (JsonDataException e) {
      throw new JsonEncodingException(e.getMessage());
    }
  }

  /** Returns the value of {@code key}, matched without regard to case; or null. */
  public static @Nullable Object get(Map<String, ?> object, String key) {
    Object exact = object.get(key);
    if (exact != null) {
      return exact;
    }
    for (Map.Entry<String, ?> entry : object.entrySet()) {
      if (entry.getKey().equalsIgnoreCase(key)) {
        return entry.getValue();
      }
    }
    return null;
  }

  /** Returns whether {@code object} has {@code key}, matched without regard to case. */
  public static boolean has(Map<String, ?> object, String key) {
    return object.keySet().stream().anyMatch(name -> name.equalsIgnoreCase(key));
  }

  /** Returns the string value of {@code key}, or null when absent or not a string. */
  public static @Nullable String string(Map<String, ?> object, String key) {
    return get(object, key) instanceof String value ? value : null;
  }

  /** Returns the object value of {@code key}, or null when absent or not an object. */
  @SuppressWarnings("unchecked") // Moshi decodes every JSON object to Map<String, Object>.
  public static @Nullable Map<String, Object> child(Map<String, ?> object, String key) {
    return get(object, key) instanceof Map<?, ?> value ? (Map<String, Object>) value : null;
  }
}
