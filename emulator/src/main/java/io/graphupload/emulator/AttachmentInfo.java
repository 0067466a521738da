package io.graphupload.emulator;

import java.time.Instant;

/**
 * A stored file attachment's metadata.
 *
 * @param id the attachment id, as in {@code Attachments('…')}
 * @param name the file name
 * @param contentType the MIME type the client declared
 * @param size the content length in bytes
 * @param inline whether the attachment is inline
 * @param contentId the inline content id, or null
 * @param sha256 lower-case hex SHA-256 of the content
 * @param lastModified when it was stored
 */
public record AttachmentInfo(
    String id,
    String name,
    String contentType,
    long size,
    boolean inline,
    String contentId,
    String sha256,
    Instant lastModified) {}
