/**
 * The upload engine: {@link io.graphupload.core.Uploader} and the values it speaks in.
 *
 * <p>Parameters, return values and record components are non-null unless marked {@link
 * io.graphupload.core.Nullable}.
 */
package io.graphupload.core;
