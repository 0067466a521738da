package io.graphupload.core;

import java.util.Set;

/**
 * Where an upload lands. A target knows its own Graph paths, size limits and range rules, so the
 * engine holds no per-service constants.
 *
 * <p>Implementations are immutable values and safe to share between threads.
 */
public sealed interface UploadTarget permits OutlookItem {

  /** Returns the Graph path of the item, without the API version: {@code me/messages/AAMk..}. */
  String resourcePath();

  /** Returns the path that creates an upload session, relative to the API version root. */
  String createSessionPath();

  /** Returns the path that small attachments are posted to, relative to the API version root. */
  String attachmentsPath();

  SizeLimits sizeLimits();

  RangeRules rangeRules();

  /** Returns the least-privilege Graph permissions this target needs, such as Mail.ReadWrite. */
  Set<String> requiredPermissions();

  /** Returns a short phrase for messages to a person, such as {@code message AAMk.. in me}. */
  String describe();

  /**
   * Parses what {@link #resourcePath()} returned back into a target.
   *
   * @throws IllegalArgumentException if {@code resourcePath} names no known kind of target
   */
  static UploadTarget parse(String resourcePath) {
    return OutlookItem.parse(resourcePath);
  }
}
