package io.graphupload.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FaultRuleTest {

  @Test
  void matchingLooksAtKindMethodAndPath() {
    FaultRule rule = FaultRule.on(RequestKind.ANY).method("get").path("Events\\(").status(500);

    assertThat(rule.matches(RequestKind.UPLOAD_GET, "GET", "/api/v2.0/Users('u')/Events('e')"))
        .isTrue();
    assertThat(rule.matches(RequestKind.UPLOAD_GET, "GET", "/api/v2.0/Users('u')/Messages('m')"))
        .isFalse();
    assertThat(rule.matches(RequestKind.UPLOAD_PUT, "PUT", "/api/v2.0/Users('u')/Events('e')"))
        .isFalse();
    assertThat(
            FaultRule.on(RequestKind.UPLOAD_PUT)
                .storeThenDrop()
                .matches(RequestKind.GRAPH, "PUT", "/"))
        .isFalse();
  }

  @Test
  void throttlingDefaultsToRetryAfterOfOneSecond() {
    assertThat(FaultRule.on(RequestKind.ANY).status(429).retryAfterSeconds()).isEqualTo(1);
    assertThat(FaultRule.on(RequestKind.ANY).status(503).retryAfterSeconds()).isNull();
    assertThat(FaultRule.on(RequestKind.ANY).status(503, 9).retryAfterSeconds()).isEqualTo(9);
  }

  @Test
  void invalidRulesAreRefusedWithTheReason() {
    assertThatThrownBy(() -> FaultRule.on(RequestKind.ANY).status(200))
        .hasMessage("A status fault answers 400-599, not 200");
    assertThatThrownBy(() -> FaultRule.on(RequestKind.ANY).times(0))
        .hasMessage("times must be 1 or more, not 0");
    assertThatThrownBy(() -> FaultRule.on(RequestKind.ANY).path("(unclosed"))
        .hasMessageStartingWith("Fault path '(unclosed' is not a valid regular expression");
    assertThatThrownBy(() -> FaultRule.on(RequestKind.CREATE_UPLOAD_SESSION).expireSession())
        .hasMessageStartingWith("expireSession needs requests that address a session");
    assertThatThrownBy(() -> FaultRule.on(RequestKind.ANY).latency(Duration.ofMillis(-1)))
        .hasMessage("latency must not be negative");
    assertThatThrownBy(() -> RequestKind.fromJsonName("upload"))
        .hasMessage(
            "Unknown request kind 'upload'; use one of: createUploadSession, uploadPut,"
                + " uploadGet, uploadDelete, uploadCommit, attachmentPost, graph, any.");
  }

  @Test
  void duplicateIdsAreRefused() {
    try (Emulator emulator = Emulator.builder().build()) {
      Faults faults = emulator.faults();
      faults.add(FaultRule.on(RequestKind.ANY).pascalCaseJson().withId("x"));

      assertThatThrownBy(
              () -> faults.add(FaultRule.on(RequestKind.ANY).pascalCaseJson().withId("x")))
          .hasMessage("A fault rule with id 'x' exists");
    }
  }
}
