/**
 * Checkpoint storage: {@link io.graphupload.storage.FileResumeStore}, the default, which keeps one
 * owner-only JSON file per upload, and {@link io.graphupload.storage.InMemoryResumeStore} for tests
 * and embedded use. Both are found through {@link io.graphupload.core.spi.ResumeStoreProvider}.
 *
 * <p>Parameters, return values and record components are non-null unless marked {@link
 * io.graphupload.core.Nullable}.
 */
package io.graphupload.storage;
