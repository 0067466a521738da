/**
 * The Guice wiring of graph-upload: {@link io.graphupload.guice.GraphUploadModule} binds core's
 * {@link io.graphupload.core.Uploader} to the plugins that {@link java.util.ServiceLoader} finds,
 * for every frontend (the command line now, the Java agent later). It knows no frontend and no
 * plugin by type: plugins are picked by name or priority through {@link
 * io.graphupload.core.Plugins}.
 *
 * <p>Parameters, return values and record components are non-null unless marked {@link
 * io.graphupload.core.Nullable}.
 */
package io.graphupload.guice;
