/**
 * A local Microsoft Graph for upload sessions: start an {@link io.graphupload.emulator.Emulator},
 * point a client at {@link io.graphupload.emulator.Emulator#baseUri()}, inject faults with {@link
 * io.graphupload.emulator.Emulator#faults()}, and assert on what the client did through {@link
 * io.graphupload.emulator.SessionReport}s and {@link io.graphupload.emulator.Violation}s.
 *
 * <p>No method accepts or returns null unless its documentation says so.
 */
package io.graphupload.emulator;
