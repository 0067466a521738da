package io.graphupload.cli;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * What Ctrl-C (SIGINT) does while uploads run: the first press asks them to stop after the range in
 * flight, a second quits at once. Outside that, the JVM's own handling (shutdown hooks) applies.
 * Tests substitute one they press themselves.
 */
interface CtrlC {
  /** Leaves Ctrl-C to the JVM, which runs the shutdown hooks. */
  CtrlC NONE = (first, second) -> () -> {};

  /** Handles SIGINT itself, where the JVM lets it; otherwise leaves it to the JVM. */
  CtrlC SIGNAL = CtrlC::handleSignal;

  /**
   * Runs {@code first} on the first Ctrl-C, and on a second runs {@code second} and quits at once
   * with exit code 130, until the returned registration is closed. Both run on a thread of their
   * own and must return quickly.
   */
  Registration onPress(Runnable first, Runnable second);

  /** Undoes {@link #onPress}. */
  interface Registration extends AutoCloseable {
    @Override
    void close();
  }

  private static Registration handleSignal(Runnable first, Runnable second) {
    Signal interrupt = new Signal("INT");
    Object lock = new Object();
    boolean[] pressed = {false};
    SignalHandler previous;
    try {
      previous =
          Signal.handle(
              interrupt,
              signal -> {
                boolean again;
                synchronized (lock) {
                  again = pressed[0];
                  pressed[0] = true;
                }
                if (!again) {
                  first.run();
                  return;
                }
                second.run();
                // No shutdown hooks: they would wait for the range in flight, which is the very
                // thing a second Ctrl-C says not to do. The checkpoint on disk is already safe.
                Runtime.getRuntime().halt(ExitCode.INTERRUPTED.code());
              });
    } catch (IllegalArgumentException e) {
      // With -Xrs, or where SIGINT cannot be caught, the JVM's shutdown hooks still apply.
      return () -> {};
    }
    return () -> Signal.handle(interrupt, previous);
  }
}
