package io.graphupload.emulator.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.graphupload.emulator.FaultRule;
import io.graphupload.emulator.FaultType;
import io.graphupload.emulator.RequestKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaultEngineTest {
  private static final String PUT_PATH =
      "/api/v2.0/Users('u')/Messages('m')/AttachmentSessions('s')";

  @Test
  void ruleSkipsAfterMatchesThenHitsTimesMatches() {
    FaultEngine engine = new FaultEngine();
    engine.add(FaultRule.on(RequestKind.UPLOAD_PUT).after(2).times(2).status(503));

    List<Boolean> hits = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      hits.add(engine.evaluate(RequestKind.UPLOAD_PUT, "PUT", PUT_PATH).terminal() != null);
    }
    engine.evaluate(RequestKind.GRAPH, "GET", "/v1.0/me/messages");

    assertThat(hits).containsExactly(false, false, true, true, false, false);
    assertThat(engine.counters().get("fault-1")).containsExactly(6, 2);
  }

  @Test
  void firstDueTerminalRuleWinsAndOthersAddTheirEffects() {
    FaultEngine engine = new FaultEngine();
    engine.add(FaultRule.on(RequestKind.ANY).latency(Duration.ofMillis(5)));
    engine.add(FaultRule.on(RequestKind.UPLOAD_PUT).status(500));
    engine.add(FaultRule.on(RequestKind.UPLOAD_PUT).storeThenDrop());
    engine.add(FaultRule.on(RequestKind.ANY).latency(Duration.ofMillis(7)));
    engine.add(FaultRule.on(RequestKind.ANY).pascalCaseJson());

    FaultPlan plan = engine.evaluate(RequestKind.UPLOAD_PUT, "PUT", PUT_PATH);

    assertThat(plan.terminal().type()).isEqualTo(FaultType.STATUS);
    assertThat(plan.latencyMillis()).isEqualTo(12);
    assertThat(plan.pascalCase()).isTrue();
    assertThat(engine.counters().get("fault-3")).containsExactly(1, 0);
  }
}
