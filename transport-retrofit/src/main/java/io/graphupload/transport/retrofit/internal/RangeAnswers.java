package io.graphupload.transport.retrofit.internal;

import io.graphupload.core.Redaction;
import io.graphupload.core.UploadException;
import io.graphupload.core.UploadException.Category;
import io.graphupload.core.UploadException.Phase;
import io.graphupload.core.UploadSession;
import io.graphupload.core.spi.ContentRange;
import io.graphupload.core.spi.RangeAnswer;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a successful answer to a range PUT: 200 or 202 with session JSON means the session goes on;
 * 201 (or 200 with an item's JSON) means the attachment exists.
 */
final class RangeAnswers {
  private RangeAnswers() {}

  static RangeAnswer read(Answer answer, ContentRange range, String uploadUrl)
      throws MalformedAnswerException, UploadException {
    Optional<Map<String, Object>> json = Json.object(answer.body());
    Optional<String> located = AttachmentLocation.attachmentId(answer.header("Location"));
    Optional<String> itemId = json.map(object -> Json.string(object, "id"));
    boolean sessionJson = json.isPresent() && Json.has(json.get(), "nextExpectedRanges");

    if (answer.status() == 201 || (answer.status() == 200 && !sessionJson)) {
      if (located.isPresent()) {
        return new RangeAnswer.Completed(located.get());
      }
      if (itemId.isPresent() && !itemId.get().isBlank()) {
        return new RangeAnswer.Completed(itemId.get());
      }
      if (answer.status() == 201) {
        throw unreadableCompletion(answer, range);
      }
    }
    if (sessionJson) {
      try {
        UploadSession session = UploadSession.fromJson(json.get(), false, uploadUrl);
        return new RangeAnswer.Accepted(session.nextExpectedRanges(), session.expiration());
      } catch (IllegalArgumentException e) {
        throw new MalformedAnswerException(
            "The answer to "
                + answer.describeRequest()
                + " ("
                + range
                + ") has session JSON"
                + " that cannot be read: "
                + Redaction.text(e.getMessage()),
            e);
      }
    }
    throw new MalformedAnswerException(
        "The answer to "
            + answer.describeRequest()
            + " ("
            + range
            + ") is HTTP "
            + answer.status()
            + " without the nextExpectedRanges of an upload session, an attachment's Location or"
            + " an item id, so it cannot tell where the session stands.");
  }

  /**
   * The service says the attachment exists but not its id. Not an IOException: the engine would
   * then start a new session, and the attachment would be created twice.
   */
  private static UploadException unreadableCompletion(Answer answer, ContentRange range) {
    String location = answer.header("Location");
    return new UploadException(
        Category.PERMANENT,
        Phase.UPLOAD_RANGE,
        "The service finished the upload (HTTP 201 to "
            + answer.describeRequest()
            + ", "
            + range
            + ") but its answer names no attachment id: "
            + (location == null
                ? "it has no Location header"
                : "its Location " + Redaction.url(location) + " has no" + " Attachments('...')")
            + " and its body no id. The attachment probably exists: check the item before"
            + " uploading again, or it may be attached twice.");
  }
}
