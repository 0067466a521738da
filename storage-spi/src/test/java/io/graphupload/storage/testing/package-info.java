/**
 * The contract test kit for resume stores: extend {@link
 * io.graphupload.storage.testing.ResumeStoreContract} in a store's tests. Published as {@code
 * io.graphupload:graph-upload-storage-spi} with classifier {@code tests}.
 *
 * <p>Parameters and return values are non-null unless marked {@link io.graphupload.core.Nullable}.
 */
package io.graphupload.storage.testing;
