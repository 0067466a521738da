package io.graphupload.emulator;

import java.time.Instant;

/**
 * One request the emulator received (admin API requests excepted).
 *
 * @param at when it arrived, by the emulator's clock
 * @param method the HTTP method
 * @param target the path and query, with upload URL secrets replaced by {@code REDACTED}
 * @param kind the kind of request, as fault rules see it
 * @param status the status answered, or 0 when the connection closed without an answer
 * @param bytesIn request body bytes read
 * @param authorization whether an {@code Authorization} header was present
 */
public record RecordedRequest(
    Instant at,
    String method,
    String target,
    RequestKind kind,
    int status,
    long bytesIn,
    boolean authorization) {}
