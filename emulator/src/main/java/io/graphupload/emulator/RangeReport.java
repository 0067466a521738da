package io.graphupload.emulator;

/**
 * One range PUT as the emulator received it.
 *
 * @param contentRange the {@code Content-Range} header as sent, or null when it was missing
 * @param start the first byte offset announced, or -1 when the header could not be read
 * @param end the last byte offset announced (inclusive), or -1 when it could not be read
 * @param bytesReceived body bytes that actually arrived
 * @param status the status answered, or 0 when the connection closed without an answer
 * @param outcome what became of the range
 */
public record RangeReport(
    String contentRange,
    long start,
    long end,
    long bytesReceived,
    int status,
    RangeOutcome outcome) {}
