/**
 * The {@code graph-upload} command: picocli commands that parse, call core through the uploader
 * that {@link io.graphupload.guice.GraphUploadModule} wires, and print. Nothing here is API; only
 * {@link io.graphupload.cli.Main} is public.
 *
 * <p>Parameters, return values and record components are non-null unless marked {@link
 * io.graphupload.core.Nullable}.
 */
package io.graphupload.cli;
