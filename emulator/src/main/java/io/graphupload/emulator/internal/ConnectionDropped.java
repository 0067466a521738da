package io.graphupload.emulator.internal;

import java.io.IOException;

/**
 * Thrown out of the HTTP handler to make the JDK server close the socket without an answer, which
 * is how the reset and store-then-drop faults look to a client.
 */
final class ConnectionDropped extends IOException {
  ConnectionDropped(String reason) {
    super(reason, null);
  }
}
