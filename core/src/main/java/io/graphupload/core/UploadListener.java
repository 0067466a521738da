package io.graphupload.core;

/**
 * Receives {@link UploadEvent}s. Called on the uploading thread: keep it quick, and make it
 * thread-safe when several uploads share it. An exception it throws is logged and ignored.
 */
@FunctionalInterface
public interface UploadListener {
  void onEvent(UploadEvent event);
}
