package io.graphupload.emulator.internal;

import io.graphupload.emulator.FaultRule;
import io.graphupload.emulator.RequestKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Holds the fault rules and decides which ones hit each request. Thread-safe. */
public final class FaultEngine {
  private final List<Entry> entries = new ArrayList<>();
  private long nextId = 1;

  /**
   * Adds a rule and returns it with its id.
   *
   * @throws IllegalArgumentException when a rule with the same id exists
   */
  public synchronized FaultRule add(FaultRule rule) {
    FaultRule withId = rule.id() != null ? rule : rule.withId("fault-" + nextId++);
    for (Entry entry : entries) {
      if (entry.rule.id().equals(withId.id())) {
        throw new IllegalArgumentException("A fault rule with id '" + withId.id() + "' exists");
      }
    }
    entries.add(new Entry(withId));
    return withId;
  }

  public synchronized List<FaultRule> rules() {
    List<FaultRule> rules = new ArrayList<>();
    entries.forEach(entry -> rules.add(entry.rule));
    return rules;
  }

  /** How many requests each rule matched and hit, by rule id. */
  public synchronized Map<String, long[]> counters() {
    Map<String, long[]> counters = new LinkedHashMap<>();
    entries.forEach(entry -> counters.put(entry.rule.id(), new long[] {entry.matched, entry.hit}));
    return counters;
  }

  public synchronized boolean remove(String id) {
    return entries.removeIf(entry -> entry.rule.id().equals(id));
  }

  public synchronized void clear() {
    entries.clear();
  }

  synchronized FaultPlan evaluate(RequestKind kind, String method, String path) {
    FaultPlan plan = new FaultPlan();
    for (Entry entry : entries) {
      FaultRule rule = entry.rule;
      if (!rule.matches(kind, method, path)) {
        continue;
      }
      entry.matched++;
      boolean due =
          entry.matched > rule.after()
              && (rule.times() == null || entry.matched <= (long) rule.after() + rule.times());
      if (due && plan.add(rule)) {
        entry.hit++;
      }
    }
    return plan;
  }

  private static final class Entry {
    private final FaultRule rule;
    private long matched;
    private long hit;

    Entry(FaultRule rule) {
      this.rule = rule;
    }
  }
}
