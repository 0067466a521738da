package io.graphupload.auth.msal;

import java.net.URI;
import java.time.Duration;

/**
 * What a person must do to finish a device-code sign-in: open {@code verificationUri} on any device
 * and enter {@code userCode} within {@code expiresIn}.
 *
 * @param message the service's own sentence saying all of that, ready to show as it is
 * @param userCode the short code to enter; it is useless without the person's own sign-in
 * @param verificationUri the page where the code is entered
 * @param expiresIn how long the code stays valid
 */
public record DeviceCodePrompt(
    String message, String userCode, URI verificationUri, Duration expiresIn) {}
