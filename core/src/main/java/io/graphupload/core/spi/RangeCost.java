package io.graphupload.core.spi;

import java.time.Duration;

/**
 * What one range PUT cost.
 *
 * @param bytes the range's length
 * @param elapsed from the start of the request to its answer or failure
 * @param failed whether it failed
 */
public record RangeCost(long bytes, Duration elapsed, boolean failed) {}
