package io.graphupload.transport.retrofit.internal;

import io.graphupload.core.Nullable;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the new attachment's id from the {@code Location} that answers an upload's last range, such
 * as {@code https://outlook.office.com/api/v2.0/Users('..')/Messages('..')/Attachments('AAMk=')}.
 *
 * <p>Any host, API version ({@code v1.0}, {@code v2.0}, {@code beta}, {@code gv1.0}) and parent
 * ({@code Messages} or {@code Events}) is accepted, as is Graph's {@code /attachments/{id}} form.
 */
public final class AttachmentLocation {
  private static final Pattern ODATA_KEY =
      Pattern.compile("(?i)/attachments\\(\\s*(?:id\\s*=\\s*)?'((?:[^']|'')+)'\\s*\\)");
  private static final Pattern PATH_SEGMENT = Pattern.compile("(?i)/attachments/([^/?#]+)");

  private AttachmentLocation() {}

  /** Returns the attachment id in {@code location}, or empty when it names none. */
  public static Optional<String> attachmentId(@Nullable String location) {
    if (location == null || location.isBlank()) {
      return Optional.empty();
    }
    Optional<String> id = find(location.trim());
    // Some servers percent-encode the quotes and parentheses themselves.
    return id.isPresent() ? id : find(Percent.decode(location.trim()));
  }

  private static Optional<String> find(String location) {
    String key = last(ODATA_KEY.matcher(location));
    if (key != null) {
      return Optional.of(Percent.decode(key.replace("''", "'")));
    }
    String segment = last(PATH_SEGMENT.matcher(location));
    return segment == null ? Optional.empty() : Optional.of(Percent.decode(segment));
  }

  private static @Nullable String last(Matcher matcher) {
    String found = null;
    while (matcher.find()) {
      found = matcher.group(1);
    }
    return found;
  }
}
