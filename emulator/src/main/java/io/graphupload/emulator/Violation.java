package io.graphupload.emulator;

import java.time.Instant;

/**
 * One broken rule, as the emulator saw it.
 *
 * @param rule the rule
 * @param detail what exactly was wrong, in words; never contains a token
 * @param sessionId the upload session concerned, or null for a plain Graph request
 * @param request the method and redacted path of the offending request
 * @param at when the request arrived, by the emulator's clock
 */
public record Violation(
    ClientRule rule, String detail, String sessionId, String request, Instant at) {}
