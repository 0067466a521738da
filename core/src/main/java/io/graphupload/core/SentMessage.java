package io.graphupload.core;

import java.util.List;

/**
 * A message that was created, given its attachments, and sent.
 *
 * @param messageId the message's Graph id
 * @param attachments one result per attached file, in the order given
 */
public record SentMessage(String messageId, List<UploadResult> attachments) {
  public SentMessage {
    attachments = List.copyOf(attachments);
  }
}
