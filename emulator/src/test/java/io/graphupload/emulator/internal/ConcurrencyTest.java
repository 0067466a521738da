package io.graphupload.emulator.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.graphupload.emulator.ClientRule;
import io.graphupload.emulator.Violation;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConcurrencyTest {
  private static final long SIZE = 3L * 1024 * 1024;
  private ServerFixture fixture;

  @BeforeEach
  void start() throws Exception {
    fixture = new ServerFixture();
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  @Test
  void secondRangeWhileOneIsInFlightAnswers409() throws Exception {
    String url = fixture.session(SIZE);
    UploadSession session = fixture.core.sessions.all().get(0);
    ServerFixture.StalledPut first = fixture.stalledPut(url, SIZE);
    ServerFixture.awaitCondition(
        () -> session.putLock().isLocked(), "the first PUT holds the session");

    HttpResponse<String> second = fixture.put(url, new byte[] {7}, "bytes 0-0/" + SIZE);

    assertThat(second.statusCode()).isEqualTo(409);
    assertThat(first.finish()).isEqualTo("HTTP/1.1 200 OK");
    assertThat(session.report().violations())
        .extracting(Violation::rule)
        .containsExactly(ClientRule.CONCURRENT_UPLOAD_REQUEST);
  }

  @Test
  void fifthRequestToABusyMailboxIsThrottled() throws Exception {
    List<String> urls = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      urls.add(fixture.session(SIZE));
    }
    MailboxState mailbox = fixture.core.mail.signedIn();
    List<ServerFixture.StalledPut> stalled = new ArrayList<>();
    for (String url : urls) {
      stalled.add(fixture.stalledPut(url, SIZE));
    }
    ServerFixture.awaitCondition(
        () -> fixture.core.throttle.inFlight(mailbox) == 4, "four requests hold the mailbox");

    HttpResponse<String> fifth = fixture.get("/v1.0/me/messages");

    assertThat(fifth.statusCode()).isEqualTo(429);
    assertThat(fifth.headers().firstValue("Retry-After")).hasValue("1");
    assertThat(fifth.body()).contains("\"code\":\"ApplicationThrottled\"");
    for (ServerFixture.StalledPut put : stalled) {
      assertThat(put.finish()).isEqualTo("HTTP/1.1 200 OK");
    }
    assertThat(fixture.core.violations.all())
        .extracting(Violation::rule)
        .containsExactly(ClientRule.MAILBOX_CONCURRENCY_EXCEEDED);
  }
}
