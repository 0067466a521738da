package io.graphupload.core;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

/**
 * An upload session as the service described it: where to PUT, until when, and which bytes it still
 * expects.
 *
 * <p>{@link #toString()} hides the upload URL's query string, which carries a bearer token.
 *
 * @param uploadUrl the opaque, pre-authenticated URL; never change it
 * @param expiration when the session lapses, or null when the service did not say
 * @param nextExpectedRanges the ranges the service still expects, possibly empty
 */
public record UploadSession(
    String uploadUrl, @Nullable Instant expiration, List<ByteRange> nextExpectedRanges) {

  public UploadSession {
    nextExpectedRanges = List.copyOf(nextExpectedRanges);
  }

  /**
   * Reads a session from decoded JSON, matching keys without regard to case and taking every
   * variant of {@code nextExpectedRanges} listed in PROTOCOL.md.
   *
   * @param json an object as a JSON library decodes it (values are strings, lists or others)
   * @param uploadUrlRequired whether a missing {@code uploadUrl} is an error; answers to range PUTs
   *     and status queries carry none
   * @param knownUploadUrl the URL to use when the JSON carries none, or null
   * @throws IllegalArgumentException naming the key when the JSON is not a session
   */
  public static UploadSession fromJson(
      Map<String, ?> json, boolean uploadUrlRequired, @Nullable String knownUploadUrl) {
    Map<String, Object> lower = new java.util.HashMap<>();
    json.forEach((key, value) -> lower.put(key.toLowerCase(Locale.ROOT), value));

    Object url = lower.get("uploadurl");
    if (url == null && (uploadUrlRequired || knownUploadUrl == null)) {
      throw new IllegalArgumentException(
          "The upload session has no uploadUrl; keys present: " + json.keySet());
    }
    String uploadUrl = url != null ? url.toString() : knownUploadUrl;
    return new UploadSession(
        uploadUrl,
        parseExpiration(lower.get("expirationdatetime")),
        parseRanges(lower.get("nextexpectedranges")));
  }

  /** Parses {@code nextExpectedRanges}: a list of strings, a single string, or absent. */
  public static List<ByteRange> parseRanges(@Nullable Object value) {
    List<ByteRange> ranges = new ArrayList<>();
    if (value instanceof List<?> list) {
      for (Object entry : list) {
        ranges.add(ByteRange.parse(String.valueOf(entry)));
      }
    } else if (value != null) {
      for (String entry : value.toString().split(",")) {
        if (!entry.isBlank()) {
          ranges.add(ByteRange.parse(entry));
        }
      }
    }
    return ranges;
  }

  private static @Nullable Instant parseExpiration(@Nullable Object value) {
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    String text = value.toString().trim();
    try {
      return Instant.parse(text.endsWith("Z") || text.contains("+") ? text : text + "Z");
    } catch (DateTimeParseException e) {
      try {
        return java.time.OffsetDateTime.parse(text).toInstant();
      } catch (DateTimeParseException again) {
        throw new IllegalArgumentException(
            "The upload session's expirationDateTime is not a date: '" + text + "'", e);
      }
    }
  }

  /** Returns the first byte the service expects next, or empty when it listed no range. */
  public OptionalLong nextExpectedOffset() {
    return nextExpectedRanges.isEmpty()
        ? OptionalLong.empty()
        : OptionalLong.of(nextExpectedRanges.get(0).start());
  }

  /** Returns whether the session had lapsed at {@code now}; false when its expiry is unknown. */
  public boolean expiredAt(Instant now) {
    return expiration != null && !now.isBefore(expiration);
  }

  @Override
  public String toString() {
    return "UploadSession[uploadUrl="
        + Redaction.url(uploadUrl)
        + ", expiration="
        + expiration
        + ", nextExpectedRanges="
        + nextExpectedRanges
        + "]";
  }
}
