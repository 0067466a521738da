package io.graphupload.core.spi;

/** Creates {@link ChunkPlanner}s; registered in {@code META-INF/services}. */
public interface ChunkPlannerProvider extends NamedProvider {
  ChunkPlanner create(PluginSettings settings);
}
