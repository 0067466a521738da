package io.graphupload.emulator;

import io.graphupload.emulator.internal.FaultEngine;
import java.util.List;

/**
 * The emulator's fault rules. Rules apply in the order added; per request, the first due rule that
 * replaces the answer (status, reset, store-then-drop) wins, and every due rule of another type
 * adds its effect. Thread-safe.
 */
public final class Faults {
  private final FaultEngine engine;

  Faults(FaultEngine engine) {
    this.engine = engine;
  }

  /**
   * Adds a rule and returns it with its id (assigned when the rule had none).
   *
   * @throws IllegalArgumentException when a rule with the same id exists
   */
  public FaultRule add(FaultRule rule) {
    return engine.add(rule);
  }

  /** The rules in force, in order. */
  public List<FaultRule> list() {
    return engine.rules();
  }

  /** Removes one rule; returns false when there was none with this id. */
  public boolean remove(String id) {
    return engine.remove(id);
  }

  /** Removes every rule. */
  public void clear() {
    engine.clear();
  }
}
