/**
 * The transport's workings; not an API, and free to change between releases.
 *
 * <p>Parameters and return values are non-null unless marked {@link io.graphupload.core.Nullable}.
 */
package io.graphupload.transport.retrofit.internal;
