/**
 * What plugin authors implement: transports, chunk planners, resume stores and access-token
 * sources, each found through {@link java.util.ServiceLoader} by its provider type.
 *
 * <p>A plugin jar lists its provider in {@code META-INF/services/<provider interface name>}. Among
 * several providers of one kind, an explicit name chosen by the user wins; otherwise the highest
 * {@link io.graphupload.core.spi.NamedProvider#priority()} does.
 *
 * <p>Parameters, return values and record components are non-null unless marked {@link
 * io.graphupload.core.Nullable}.
 */
package io.graphupload.core.spi;
