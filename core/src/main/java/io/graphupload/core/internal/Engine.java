package io.graphupload.core.internal;

import io.graphupload.core.Cloud;
import io.graphupload.core.Nullable;
import io.graphupload.core.RateLimit;
import io.graphupload.core.RetryPolicy;
import io.graphupload.core.Sleeper;
import io.graphupload.core.spi.ChunkPlanner;
import io.graphupload.core.spi.ResumeStore;
import io.graphupload.core.spi.Transport;
import java.time.Clock;
import java.util.random.RandomGenerator;

/** What every upload of one {@code Uploader} shares. Immutable and thread-safe. */
public record Engine(
    Transport transport,
    ResumeStore store,
    ChunkPlanner planner,
    RetryPolicy retryPolicy,
    int maxSessionRestarts,
    Cloud cloud,
    Clock clock,
    Sleeper sleeper,
    RandomGenerator random,
    @Nullable RateLimit rateLimit,
    Events events) {}
