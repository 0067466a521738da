package io.graphupload.core.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** Guesses a file's MIME type, first from the platform, then from a short list of extensions. */
public final class ContentTypes {
  static final String FALLBACK = "application/octet-stream";

  // The platform's guess is missing on minimal systems, so the types mail most often carries are
  // listed here.
  private static final Map<String, String> BY_EXTENSION =
      Map.ofEntries(
          Map.entry("pdf", "application/pdf"),
          Map.entry("zip", "application/zip"),
          Map.entry("gz", "application/gzip"),
          Map.entry("json", "application/json"),
          Map.entry("xml", "application/xml"),
          Map.entry("txt", "text/plain"),
          Map.entry("csv", "text/csv"),
          Map.entry("html", "text/html"),
          Map.entry("htm", "text/html"),
          Map.entry("png", "image/png"),
          Map.entry("jpg", "image/jpeg"),
          Map.entry("jpeg", "image/jpeg"),
          Map.entry("gif", "image/gif"),
          Map.entry("svg", "image/svg+xml"),
          Map.entry("webp", "image/webp"),
          Map.entry("mp3", "audio/mpeg"),
          Map.entry("mp4", "video/mp4"),
          Map.entry("mov", "video/quicktime"),
          Map.entry("ics", "text/calendar"),
          Map.entry("eml", "message/rfc822"),
          Map.entry("doc", "application/msword"),
          Map.entry("xls", "application/vnd.ms-excel"),
          Map.entry("ppt", "application/vnd.ms-powerpoint"),
          Map.entry(
              "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
          Map.entry("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
          Map.entry(
              "pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"));

  private ContentTypes() {}

  /** Returns the MIME type of {@code file}, or {@code application/octet-stream} if unknown. */
  public static String guess(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    if (dot > 0) {
      String known = BY_EXTENSION.get(name.substring(dot + 1).toLowerCase(Locale.ROOT));
      if (known != null) {
        return known;
      }
    }
    try {
      String probed = Files.probeContentType(file);
      return probed != null ? probed : FALLBACK;
    } catch (IOException e) {
      return FALLBACK;
    }
  }
}
