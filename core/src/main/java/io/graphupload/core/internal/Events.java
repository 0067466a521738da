package io.graphupload.core.internal;

import io.graphupload.core.UploadEvent;
import io.graphupload.core.UploadListener;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Hands events to listeners, so that a failing listener cannot break an upload. */
public final class Events {
  private static final Logger log = LoggerFactory.getLogger(Events.class);
  private final List<UploadListener> listeners;

  public Events(List<UploadListener> listeners) {
    this.listeners = List.copyOf(listeners);
  }

  public void emit(UploadEvent event) {
    for (UploadListener listener : listeners) {
      try {
        listener.onEvent(event);
      } catch (RuntimeException e) {
        log.warn("An upload listener failed on {} and was skipped: {}", event, e.toString());
      }
    }
  }
}
