package io.graphupload.cli;

/**
 * Registers what runs when the JVM is asked to stop (Ctrl-C, SIGTERM). Tests substitute one that
 * records, so that they can play an interruption without one.
 */
interface ShutdownHooks {
  /** The JVM's own hooks. */
  ShutdownHooks RUNTIME =
      new ShutdownHooks() {
        @Override
        public void add(Thread hook) {
          Runtime.getRuntime().addShutdownHook(hook);
        }

        @Override
        public void remove(Thread hook) {
          try {
            Runtime.getRuntime().removeShutdownHook(hook);
          } catch (IllegalStateException e) {
            // The JVM is already shutting down and runs the hook; nothing to undo.
          }
        }
      };

  void add(Thread hook);

  void remove(Thread hook);
}
