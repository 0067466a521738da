package io.graphupload.core;

import static io.graphupload.core.FakeGraph.Op.CREATE;
import static io.graphupload.core.FakeGraph.Op.POST;
import static io.graphupload.core.FakeGraph.Op.PUT;
import static io.graphupload.core.Harness.DRAFT;
import static io.graphupload.core.Harness.MIB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.graphupload.core.FakeGraph.LoseAnswer;
import io.graphupload.core.FakeGraph.LoseRequest;
import io.graphupload.core.FakeGraph.Refuse;
import io.graphupload.core.UploadException.Category;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One test per row of PROTOCOL.md's error table, and the unsettled variants. */
class RetryTest {
  private static final String R0 = "bytes 0-4194303/9437184";
  private static final String R1 = "bytes 4194304-8388607/9437184";
  private static final String R2 = "bytes 8388608-9437183/9437184";

  @TempDir Path dir;

  private Harness harness;
  private Path file;

  private UploadResult upload() throws Exception {
    return upload(harness.uploader());
  }

  private UploadResult upload(Uploader uploader) throws Exception {
    return uploader.upload(UploadRequest.of(file, DRAFT));
  }

  private Harness harness() throws Exception {
    harness = new Harness(dir);
    file = harness.file("big.bin", 9L * MIB);
    return harness;
  }

  private void assertStoredExactly() throws Exception {
    assertThat(harness.graph.attachments.values()).containsExactly(Files.readAllBytes(file));
  }

  @Test
  void throttledRangeWaitsRetryAfterThenResendsTheSameRange() throws Exception {
    harness()
        .graph
        .pass(PUT, 1)
        .fault(PUT, new Refuse(429, "TooManyRequests", Duration.ofSeconds(7)));

    UploadResult result = upload();

    assertThat(harness.putHeaders()).containsExactly(R0, R1, R1, R2);
    assertThat(harness.time.sleeps).containsExactly(Duration.ofSeconds(7));
    UploadEvent.RetryScheduled retry = harness.events(UploadEvent.RetryScheduled.class).get(0);
    assertThat(retry.reason()).isEqualTo("HTTP 429 TooManyRequests");
    assertThat(retry.attempt()).isEqualTo(1);
    assertThat(retry.delay()).isEqualTo(Duration.ofSeconds(7));
    assertThat(result.rangesResent()).isEqualTo(1);
    assertStoredExactly();
  }

  @Test
  void overloadedServiceIsRetriedWithGrowingJitteredBackoff() throws Exception {
    harness()
        .graph
        .fault(PUT, new Refuse(503, "serviceNotAvailable", null))
        .fault(PUT, new Refuse(502, "badGateway", null))
        .fault(PUT, new Refuse(504, "gatewayTimeout", null))
        .fault(PUT, new Refuse(500, "generalException", null));

    upload();

    assertThat(harness.putHeaders()).containsExactly(R0, R0, R0, R0, R0, R1, R2);
    assertThat(harness.time.sleeps).hasSize(4);
    for (int i = 0; i < 4; i++) {
      long bound = 1000L << i;
      assertThat(harness.time.sleeps.get(i)).isBetween(Duration.ZERO, Duration.ofMillis(bound));
    }
    assertThat(harness.events(UploadEvent.RetryScheduled.class))
        .extracting(UploadEvent.RetryScheduled::reason)
        .containsExactly(
            "HTTP 503 serviceNotAvailable",
            "HTTP 502 badGateway",
            "HTTP 504 gatewayTimeout",
            "HTTP 500 generalException");
    assertStoredExactly();
  }

  @Test
  void givesUpAfterTheTriesOfThePolicyAndKeepsTheCheckpoint() throws Exception {
    harness();
    harness.graph.pass(PUT, 1);
    for (int i = 0; i < 3; i++) {
      harness.graph.fault(PUT, new Refuse(503, "serviceNotAvailable", Duration.ofSeconds(2)));
    }
    RetryPolicy threeTries =
        new RetryPolicy(3, Duration.ofMinutes(5), Duration.ofSeconds(1), Duration.ofMinutes(1));
    Uploader uploader = harness.uploader(builder -> builder.retryPolicy(threeTries));
    String id = uploader.prepare(UploadRequest.of(file, DRAFT)).id();

    assertThatThrownBy(() -> upload(uploader))
        .isInstanceOfSatisfying(
            UploadException.class, e -> assertThat(e.category()).isEqualTo(Category.TRANSIENT))
        .hasMessage(
            "Gave up on upload "
                + id
                + " after 3 tries over 4 s: HTTP 503 serviceNotAvailable. The service or network"
                + " may be down for now; the checkpoint is kept, so resuming the upload later"
                + " continues where it stopped.");
    assertThat(harness.store.checkpoints.get(id).acknowledgedOffset()).isEqualTo(4L * MIB);
    assertThat(harness.events.get(harness.events.size() - 1))
        .isInstanceOf(UploadEvent.Failed.class);
  }

  @Test
  void givesUpAtOnceWhenRetryAfterExceedsTheTimeBudget() throws Exception {
    harness().graph.fault(PUT, new Refuse(429, "TooManyRequests", Duration.ofMinutes(10)));

    assertThatThrownBy(this::upload)
        .hasMessageContaining("after 1 tries over 0 s: HTTP 429 TooManyRequests");
    assertThat(harness.time.sleeps).isEmpty();
  }

  @Test
  void lostAnswerResynchronisesFromTheServersStatus() throws Exception {
    harness().graph.pass(PUT, 1).fault(PUT, new LoseAnswer());

    UploadResult result = upload();

    assertThat(harness.graph.log)
        .containsExactly(
            "CREATE me/messages/AAMkDraft/attachments/createUploadSession big.bin",
            "PUT " + R0,
            "PUT " + R1,
            "QUERY",
            "PUT " + R2);
    assertThat(result.rangesResent()).isZero();
    assertThat(harness.events(UploadEvent.RetryScheduled.class).get(0).reason())
        .isEqualTo("no answer (IOException: unexpected end of stream)");
    assertStoredExactly();
  }

  @Test
  void lostAnswerWithoutStatusQueriesResendsAndTakes416AsReceived() throws Exception {
    harness().graph.statusQueries = false;
    harness.graph.pass(PUT, 1).fault(PUT, new LoseAnswer());

    UploadResult result = upload();

    assertThat(harness.putHeaders()).containsExactly(R0, R1, R1, R2);
    assertThat(result.rangesResent()).isEqualTo(1);
    assertThat(harness.store.saves)
        .extracting(Checkpoint::acknowledgedOffset)
        .containsExactly(0L, 4_194_304L, 8_388_608L);
    assertStoredExactly();
  }

  @Test
  void rangeConflictAnsweredWith400IsTakenAsReceivedToo() throws Exception {
    harness().graph.statusQueries = false;
    harness.graph.rangeConflictAs400 = true;
    harness.graph.pass(PUT, 1).fault(PUT, new LoseAnswer());

    upload();

    assertThat(harness.putHeaders()).containsExactly(R0, R1, R1, R2);
    assertStoredExactly();
  }

  @Test
  void lostRequestWithoutStatusQueriesResendsTheSameRange() throws Exception {
    harness().graph.statusQueries = false;
    harness.graph.pass(PUT, 1).fault(PUT, new LoseRequest());

    upload();

    assertThat(harness.putHeaders()).containsExactly(R0, R1, R1, R2);
    assertStoredExactly();
  }

  @Test
  void expiredSessionStartsOverFromByteZeroInANewSession() throws Exception {
    harness().graph.pass(PUT, 1).fault(PUT, new Refuse(404, "itemNotFound", null));

    UploadResult result = upload();

    assertThat(harness.putHeaders()).containsExactly(R0, R1, R0, R1, R2);
    assertThat(harness.graph.sessions).hasSize(2);
    assertThat(harness.events(UploadEvent.SessionRestarted.class))
        .extracting(UploadEvent.SessionRestarted::reason)
        .containsExactly("the session expired or was deleted (HTTP 404)");
    assertThat(harness.store.saves)
        .extracting(Checkpoint::acknowledgedOffset)
        .containsExactly(0L, 4_194_304L, 0L, 4_194_304L, 8_388_608L);
    assertThat(harness.store.saves.get(2).uploadUrl()).isEqualTo(harness.graph.lastSession().url);
    assertThat(result.rangesResent()).isEqualTo(2);
    assertThat(harness.graph.lastSession().bytes.toByteArray()).isEqualTo(Files.readAllBytes(file));
  }

  @Test
  void expiredTokenAnsweredWith401StartsOverToo() throws Exception {
    harness().graph.pass(PUT, 1).fault(PUT, new Refuse(401, "InvalidAuthenticationToken", null));

    upload();

    assertThat(harness.graph.sessions).hasSize(2);
    assertThat(harness.events(UploadEvent.SessionRestarted.class)).hasSize(1);
  }

  @Test
  void sessionThatKeepsVanishingFailsAfterThreeRestarts() throws Exception {
    harness();
    for (int i = 0; i < 4; i++) {
      harness.graph.fault(PUT, new Refuse(404, "itemNotFound", null));
    }

    assertThatThrownBy(this::upload)
        .isInstanceOfSatisfying(
            UploadException.class, e -> assertThat(e.category()).isEqualTo(Category.TRANSIENT))
        .hasMessageEndingWith(
            "lost its session 4 times (the session expired or was deleted (HTTP 404)); try again"
                + " later.");
    assertThat(harness.graph.sessions).hasSize(4);
  }

  @Test
  void tokenSentToTheUploadUrlFailsAtOnceWithoutRetrying() throws Exception {
    harness().graph.fault(PUT, new Refuse(401, "InvalidAudienceForResource", null));

    assertThatThrownBy(this::upload)
        .isInstanceOfSatisfying(
            GraphServiceException.class,
            e -> assertThat(e.errorCode()).isEqualTo("InvalidAudienceForResource"));
    assertThat(harness.graph.sessions).hasSize(1);
    assertThat(harness.time.sleeps).isEmpty();
  }

  @Test
  void messageTooLargeForTheMailboxFailsForGoodNamingTheTenantLimit() throws Exception {
    harness().graph.pass(PUT, 1).fault(PUT, new Refuse(413, "ErrorMessageSizeExceeded", null));

    assertThatThrownBy(this::upload)
        .isInstanceOfSatisfying(
            GraphServiceException.class,
            e -> {
              assertThat(e.category()).isEqualTo(Category.PERMANENT);
              assertThat(e.errorCode()).isEqualTo("ErrorMessageSizeExceeded");
              assertThat(e.requestId()).isEqualTo("req-3");
            })
        .hasMessage(
            "The message would exceed the mailbox's maximum message size with "
                + file
                + " (9437184 bytes) attached. The limit is set by the tenant's administrator"
                + " (35 MB by default, at most 150 MB); ask them to raise it, or share the file"
                + " through OneDrive instead.");
    assertThat(harness.putHeaders()).containsExactly(R0, R1);
    assertThat(harness.time.sleeps).isEmpty();
  }

  @Test
  void delegatedAccessRefusedOnCreateFailsWithoutRetrying() throws Exception {
    harness().graph.fault(CREATE, new Refuse(403, "ErrorAccessDenied", null));

    assertThatThrownBy(this::upload)
        .isInstanceOfSatisfying(
            UploadException.class,
            e -> assertThat(e.category()).isEqualTo(Category.AUTHENTICATION));
    assertThat(harness.graph.log).hasSize(1);
    assertThat(harness.store.saves).isEmpty();
  }

  @Test
  void createSessionIsRetriedWhenOverloadedOrUnanswered() throws Exception {
    harness()
        .graph
        .fault(CREATE, new Refuse(503, "serviceNotAvailable", Duration.ofSeconds(3)))
        .fault(CREATE, new LoseRequest());

    upload();

    assertThat(harness.graph.log.stream().filter(line -> line.startsWith("CREATE"))).hasSize(3);
    assertThat(harness.time.sleeps.get(0)).isEqualTo(Duration.ofSeconds(3));
    assertStoredExactly();
  }

  @Test
  void smallAttachmentIsRetriedWhenThrottledOrUnanswered() throws Exception {
    harness = new Harness(dir);
    file = harness.file("small.txt", 1000);
    harness
        .graph
        .fault(POST, new Refuse(429, "TooManyRequests", Duration.ofSeconds(1)))
        .fault(POST, new LoseRequest());

    UploadResult result = upload();

    assertThat(harness.graph.log).hasSize(3);
    assertThat(harness.graph.attachments.get(result.attachmentId()))
        .isEqualTo(Files.readAllBytes(file));
  }

  @Test
  void smallAttachmentRefusedForGoodIsNotRetried() throws Exception {
    harness = new Harness(dir);
    file = harness.file("small.txt", 1000);
    harness.graph.fault(POST, new Refuse(413, "RequestEntityTooLarge", null));

    assertThatThrownBy(this::upload).isInstanceOf(GraphServiceException.class);
    assertThat(harness.graph.log).hasSize(1);
  }

  @Test
  void smallAttachmentThatKeepsFailingSaysToTryAgainNotToResume() throws Exception {
    harness = new Harness(dir);
    file = harness.file("small.txt", 1000);
    for (int i = 0; i < 8; i++) {
      harness.graph.fault(POST, new Refuse(503, "serviceNotAvailable", Duration.ofSeconds(1)));
    }

    assertThatThrownBy(this::upload)
        .hasMessageEndingWith(
            "HTTP 503 serviceNotAvailable. The service or network may be down for now; try the"
                + " upload again later.");
  }
}
