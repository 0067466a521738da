package io.graphupload.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(EmulatorExtension.class)
class RequestsInFlightTest {

  @Test
  void idleEmulatorIsIdleAtOnce(Emulator emulator) throws InterruptedException {
    assertThat(emulator.requestsInFlight()).isZero();
    assertThat(emulator.awaitIdle(Duration.ZERO)).isTrue();
  }

  @Test
  void awaitIdleWaitsUntilTheRequestOfAVanishedClientEnds(Emulator emulator) throws Exception {
    Socket client = new Socket("127.0.0.1", emulator.port());
    // Promises 1000 bytes of body and sends 2, as a client killed mid-request leaves things.
    OutputStream out = client.getOutputStream();
    out.write(
        ("POST /v1.0/me/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer t\r\n"
                + "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"")
            .getBytes(StandardCharsets.US_ASCII));
    out.flush();
    awaitInFlight(emulator, 1);

    boolean idleWhileClientLives = emulator.awaitIdle(Duration.ofMillis(100));
    client.close();
    boolean idleOnceClientIsGone = emulator.awaitIdle(Duration.ofSeconds(30));

    assertThat(idleWhileClientLives).isFalse();
    assertThat(idleOnceClientIsGone).isTrue();
    assertThat(emulator.requestsInFlight()).isZero();
    assertThat(emulator.mailboxes().me().drafts()).isEmpty();
  }

  /** Waits until the server has picked the request up; it parses the headers on its own thread. */
  private static void awaitInFlight(Emulator emulator, int requests) throws IOException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (emulator.requestsInFlight() < requests) {
      if (System.nanoTime() > deadline) {
        throw new IOException("The emulator never picked up the request");
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
    }
  }
}
