package io.graphupload.core.spi;

import java.net.URI;

/**
 * What a transport needs to reach Graph.
 *
 * @param graphEndpoint the Graph root without a version, such as {@code
 *     https://graph.microsoft.com} or an emulator's {@code http://127.0.0.1:8080}
 * @param apiVersion {@code v1.0} or {@code beta}
 * @param tokens where Graph calls get their bearer token
 * @param options further plugin-specific settings
 */
public record TransportSettings(
    URI graphEndpoint, String apiVersion, AccessTokenSource tokens, PluginSettings options) {}
