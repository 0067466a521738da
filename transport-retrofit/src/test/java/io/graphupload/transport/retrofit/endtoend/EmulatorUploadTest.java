package io.graphupload.transport.retrofit.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.graphupload.core.Mailbox;
import io.graphupload.core.OutlookItem;
import io.graphupload.core.RetryPolicy;
import io.graphupload.core.UploadException;
import io.graphupload.core.UploadRequest;
import io.graphupload.core.UploadResult;
import io.graphupload.core.Uploader;
import io.graphupload.emulator.AttachmentInfo;
import io.graphupload.emulator.ClientRule;
import io.graphupload.emulator.Emulator;
import io.graphupload.emulator.EmulatorExtension;
import io.graphupload.emulator.FaultRule;
import io.graphupload.emulator.RequestKind;
import io.graphupload.emulator.SessionReport;
import io.graphupload.emulator.Violation;
import io.graphupload.transport.retrofit.RetrofitTransport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real files through core's {@link Uploader} and this transport to the emulator, under each of its
 * faults: the attachment must arrive byte for byte, with exactly the resent bytes the fault forces
 * and no broken protocol rule.
 */
class EmulatorUploadTest {
  private static final String TOKEN = "e2e-token";

  /** The emulator reads tokens starting with "app:" as application tokens. */
  private static final String APP_TOKEN = "app:e2e";

  private static final String SHARED = "shared@contoso.onmicrosoft.com";
  private static final int MIB = 1024 * 1024;

  /** Two full ranges and a 5-byte last one. */
  private static final int SIZE = 8 * MIB + 5;

  @RegisterExtension
  static EmulatorExtension graph =
      new EmulatorExtension(
          b -> b.requiredTokens(Set.of(TOKEN, APP_TOKEN)).uploadHost("localhost"));

  @TempDir Path dir;

  private final List<Duration> waits = new CopyOnWriteArrayList<>();
  private Emulator emulator;
  private RetrofitTransport transport;
  private String draft;

  @BeforeEach
  void start(Emulator emulator) {
    this.emulator = emulator;
    transport = transport();
    draft = emulator.mailboxes().me().createDraft("end to end");
  }

  @AfterEach
  void close() {
    transport.close();
  }

  @Test
  void uploadWithoutFaultsSendsEveryByteOnce() throws Exception {
    Path file = file(SIZE);

    UploadResult result = upload(file);

    SessionReport report = arrived(file, result);
    assertThat(report.ranges())
        .extracting(range -> range.contentRange())
        .containsExactly(
            "bytes 0-4194303/8388613",
            "bytes 4194304-8388607/8388613",
            "bytes 8388608-8388612/8388613");
    assertThat(report.bytesResent()).isZero();
    assertThat(result.rangesResent()).isZero();
    assertThat(waits).isEmpty();
    assertThat(emulator.violations()).isEmpty();
  }

  @Test
  void overloadedServiceIsWaitedOutForItsRetryAfter() throws Exception {
    emulator.faults().add(FaultRule.on(RequestKind.UPLOAD_PUT).after(1).times(1).status(503, 2));
    Path file = file(SIZE);

    UploadResult result = upload(file);

    SessionReport report = arrived(file, result);
    assertThat(waits).containsExactly(Duration.ofSeconds(2));
    // The refused range's body was read before the refusal, then sent again.
    assertThat(report.bytesResent()).isEqualTo(4 * MIB);
    assertThat(result.rangesResent()).isEqualTo(1);
    assertThat(emulator.violations()).isEmpty();
  }

  @Test
  void throttlingIsWaitedOutForItsRetryAfter() throws Exception {
    emulator.faults().add(FaultRule.on(RequestKind.UPLOAD_PUT).after(1).times(1).status(429));
    Path file = file(SIZE);

    UploadResult result = upload(file);

    assertThat(arrived(file, result).bytesResent()).isEqualTo(4 * MIB);
    assertThat(waits).containsExactly(Duration.ofSeconds(1));
    assertThat(emulator.violations()).isEmpty();
  }

  @Test
  void connectionResetMidRangeResendsThatRangeAfterAskingWhereTheSessionStands() throws Exception {
    emulator
        .faults()
        .add(FaultRule.on(RequestKind.UPLOAD_PUT).after(1).times(1).resetAfterBytes(MIB));
    Path file = file(SIZE);

    UploadResult result = upload(file);

    SessionReport report = arrived(file, result);
    long cutShort = report.ranges().get(1).bytesReceived();
    assertThat(cutShort).isBetween(1L, (long) 4 * MIB - 1);
    assertThat(report.bytesResent()).isEqualTo(cutShort);
    assertThat(report.ranges())
        .extracting(range -> range.start())
        .containsExactly(0L, 4L * MIB, 4L * MIB, 8L * MIB);
    assertThat(emulator.requests())
        .filteredOn(request -> request.kind() == RequestKind.UPLOAD_GET)
        .singleElement()
        .satisfies(request -> assertThat(request.status()).isEqualTo(200));
    assertThat(emulator.requests())
        .filteredOn(request -> request.kind() != RequestKind.CREATE_UPLOAD_SESSION)
        .noneMatch(request -> request.authorization());
    assertThat(emulator.violations()).isEmpty();
  }

  @Test
  void rangeStoredButUnansweredIsNotSentAgain() throws Exception {
    emulator.faults().add(FaultRule.on(RequestKind.UPLOAD_PUT).after(1).times(1).storeThenDrop());
    Path file = file(SIZE);

    UploadResult result = upload(file);

    SessionReport report = arrived(file, result);
    assertThat(report.bytesResent()).isZero();
    assertThat(report.totalBytesReceived()).isEqualTo(SIZE);
    assertThat(emulator.violations()).isEmpty();
  }

  @Test
  void withoutStatusQueriesAStoredButUnansweredRangeIsResentOnceAndRefused() throws Exception {
    emulator.statusQueries(false);
    emulator.faults().add(FaultRule.on(RequestKind.UPLOAD_PUT).after(1).times(1).storeThenDrop());
    Path file = file(SIZE);

    UploadResult result = upload(file);

    SessionReport report = arrived(file, result);
    assertThat(report.bytesResent()).isEqualTo(4 * MIB);
    assertThat(result.rangesResent()).isEqualTo(1);
    assertThat(emulator.violations())
        .extracting(Violation::rule)
        .containsExactly(ClientRule.RANGE_ALREADY_RECEIVED);
  }

  @Test
  void rangeErrorsAnsweredAs400AreUnderstoodToo() throws Exception {
    emulator.statusQueries(false);
    emulator.faults().add(FaultRule.on(RequestKind.ANY).rangeErrorsAs400());
    emulator.faults().add(FaultRule.on(RequestKind.UPLOAD_PUT).after(1).times(1).storeThenDrop());
    Path file = file(SIZE);

    UploadResult result = upload(file);

    SessionReport report = arrived(file, result);
    assertThat(report.ranges()).extracting(range -> range.status()).contains(400);
    assertThat(report.bytesResent()).isEqualTo(4 * MIB);
  }

  @Test
  void expiredSessionStartsOverInANewSession() throws Exception {
    emulator.faults().add(FaultRule.on(RequestKind.UPLOAD_PUT).after(1).times(1).expireSession());
    Path file = file(SIZE);

    UploadResult result = upload(file);

    assertStartedOverOnce(file, result);
  }

  @Test
  void expiredSessionAnsweredAs401StartsOverInANewSession() throws Exception {
    emulator.faults().add(FaultRule.on(RequestKind.ANY).expiredSessionsAs401());
    emulator.faults().add(FaultRule.on(RequestKind.UPLOAD_PUT).after(1).times(1).expireSession());
    Path file = file(SIZE);

    UploadResult result = upload(file);

    assertStartedOverOnce(file, result);
  }

  @Test
  void deletedSessionStartsOverInANewSession() throws Exception {
    emulator.faults().add(FaultRule.on(RequestKind.UPLOAD_PUT).after(1).times(1).deleteSession());
    Path file = file(SIZE);

    UploadResult result = upload(file);

    assertStartedOverOnce(file, result);
  }

  @Test
  void pascalCaseJsonAndRangesWithoutDashAreRead() throws Exception {
    emulator.faults().add(FaultRule.on(RequestKind.ANY).pascalCaseJson());
    emulator.faults().add(FaultRule.on(RequestKind.ANY).rangesWithoutDash());
    emulator.faults().add(FaultRule.on(RequestKind.UPLOAD_PUT).after(1).times(1).storeThenDrop());
    Path file = file(SIZE);

    UploadResult result = upload(file);

    SessionReport report = arrived(file, result);
    assertThat(report.bytesResent()).isZero();
    assertThat(emulator.violations()).isEmpty();
  }

  @Test
  void lostAnswerToCreateSessionLeavesOneUnusedSession() throws Exception {
    emulator.faults().add(FaultRule.on(RequestKind.CREATE_UPLOAD_SESSION).times(1).storeThenDrop());
    emulator.faults().add(FaultRule.on(RequestKind.CREATE_UPLOAD_SESSION).times(1).status(503, 1));
    Path file = file(SIZE);

    UploadResult result = upload(file);

    List<SessionReport> sessions = emulator.sessions();
    assertThat(sessions).hasSize(2);
    assertThat(sessions.get(0).totalBytesReceived()).isZero();
    assertThat(sessions.get(1).sha256()).isEqualTo(sha256(file));
    assertThat(sessions.get(1).attachmentId()).isEqualTo(result.attachmentId());
    assertThat(emulator.violations()).isEmpty();
  }

  @Test
  void slowServiceThatKeepsAnsweringCompletes() throws Exception {
    emulator.faults().add(FaultRule.on(RequestKind.UPLOAD_PUT).latency(Duration.ofMillis(300)));
    Path file = file(SIZE);

    UploadResult result = upload(file);

    assertThat(arrived(file, result).bytesResent()).isZero();
  }

  @Test
  void smallFileGoesInOneRequestAndSurvivesAnOverload() throws Exception {
    emulator.faults().add(FaultRule.on(RequestKind.ATTACHMENT_POST).times(1).status(503, 1));
    Path file = file(2_999_999);

    UploadResult result =
        uploader()
            .upload(
                UploadRequest.of(file, OutlookItem.message(Mailbox.me(), draft)).inline("cid-1"));

    assertThat(result.route()).isEqualTo(UploadResult.Route.SINGLE_REQUEST);
    AttachmentInfo attachment = emulator.mailboxes().me().attachment(result.attachmentId()).get();
    assertThat(attachment.sha256()).isEqualTo(sha256(file));
    assertThat(attachment.size()).isEqualTo(2_999_999);
    assertThat(attachment.inline()).isTrue();
    assertThat(attachment.contentId()).isEqualTo("cid-1");
    assertThat(emulator.sessions()).isEmpty();
    assertThat(waits).containsExactly(Duration.ofSeconds(1));
    assertThat(emulator.violations()).isEmpty();
  }

  @Test
  void eventInAnotherMailboxReceivesTheAttachmentWithAnApplicationToken() throws Exception {
    String event = emulator.mailboxes().user(SHARED).createEvent("review");
    Path file = file(3 * MIB);
    transport.close();
    transport = transport(APP_TOKEN);

    UploadResult result =
        uploader().upload(UploadRequest.of(file, OutlookItem.event(Mailbox.user(SHARED), event)));

    assertThat(result.route()).isEqualTo(UploadResult.Route.UPLOAD_SESSION);
    assertThat(emulator.mailboxes().user(SHARED).attachments(event))
        .singleElement()
        .satisfies(attachment -> assertThat(attachment.sha256()).isEqualTo(sha256(file)));
  }

  @Test
  void anotherMailboxWithADelegatedTokenFailsWithTheReasonAndTheFix() throws Exception {
    String event = emulator.mailboxes().user(SHARED).createEvent("review");
    Path file = file(3 * MIB);

    UploadException e =
        catchThrowableOfType(
            UploadException.class,
            () ->
                uploader()
                    .upload(
                        UploadRequest.of(file, OutlookItem.event(Mailbox.user(SHARED), event))));

    assertThat(e.category()).isEqualTo(UploadException.Category.AUTHENTICATION);
    assertThat(e.httpStatus()).isEqualTo(403);
    assertThat(e)
        .hasMessageStartingWith("Graph denied access to event " + event + " in " + SHARED + ".")
        .hasMessageContaining("sign in as the app with application permission Calendars.ReadWrite");
  }

  @Test
  void mailboxSizeLimitIsAPermanentFailureThatNamesTheLimit() throws Exception {
    emulator.messageSizeLimit(6 * MIB);
    Path file = file(SIZE);

    UploadException e = catchThrowableOfType(UploadException.class, () -> upload(file));

    assertThat(e.category()).isEqualTo(UploadException.Category.PERMANENT);
    assertThat(e.errorCode()).isEqualTo("ErrorMessageSizeExceeded");
    assertThat(e).hasMessageContaining("maximum message size");
    assertThat(emulator.mailboxes().me().attachments(draft)).isEmpty();
  }

  @Test
  void uploadLeftBehindByADeadProcessResumesWhereTheServiceStands() throws Exception {
    emulator.faults().add(FaultRule.on(RequestKind.UPLOAD_PUT).after(1).status(503));
    MemoryResumeStore store = new MemoryResumeStore();
    Path file = file(SIZE);
    Uploader first =
        uploader(store, new RetryPolicy(1, Duration.ofMinutes(1), Duration.ZERO, Duration.ZERO));

    UploadException e =
        catchThrowableOfType(UploadException.class, () -> first.upload(request(file)));
    emulator.faults().clear();
    transport.close();
    transport = transport();
    String uploadId = store.list().get(0).uploadId();
    UploadResult result = uploader(store, RetryPolicy.DEFAULT).resume(uploadId);

    assertThat(e.isRetryable()).isTrue();
    assertThat(store.list()).isEmpty();
    SessionReport report = arrived(file, result);
    assertThat(emulator.sessions()).hasSize(1);
    assertThat(report.ranges().get(0).bytesReceived()).isEqualTo(4 * MIB);
    assertThat(report.bytesStored()).isEqualTo(SIZE);
  }

  private void assertStartedOverOnce(Path file, UploadResult result) throws Exception {
    List<SessionReport> sessions = emulator.sessions();
    assertThat(sessions).hasSize(2);
    SessionReport second = sessions.get(1);
    assertThat(second.sha256()).isEqualTo(sha256(file));
    assertThat(second.attachmentId()).isEqualTo(result.attachmentId());
    assertThat(second.bytesResent()).isZero();
    assertThat(sessions.get(0).bytesStored()).isEqualTo(4 * MIB);
    assertThat(attachmentSha256(result)).isEqualTo(sha256(file));
    assertThat(emulator.violations()).isEmpty();
  }

  /** Checks that the attachment exists with the file's exact bytes, and returns its session. */
  private SessionReport arrived(Path file, UploadResult result) throws Exception {
    SessionReport report = emulator.latestSession();
    assertThat(report.attachmentId()).as(report.toString()).isEqualTo(result.attachmentId());
    assertThat(report.sha256()).isEqualTo(sha256(file));
    assertThat(attachmentSha256(result)).isEqualTo(sha256(file));
    assertThat(result.bytes()).isEqualTo(Files.size(file));
    return report;
  }

  private String attachmentSha256(UploadResult result) {
    return emulator
        .mailboxes()
        .me()
        .attachment(result.attachmentId())
        .or(
            () ->
                emulator
                    .mailboxes()
                    .user("shared@contoso.onmicrosoft.com")
                    .attachment(result.attachmentId()))
        .map(AttachmentInfo::sha256)
        .orElseThrow();
  }

  private UploadResult upload(Path file) throws UploadException {
    return uploader().upload(request(file));
  }

  private UploadRequest request(Path file) {
    return UploadRequest.of(file, OutlookItem.message(Mailbox.me(), draft));
  }

  private Uploader uploader() {
    return uploader(new MemoryResumeStore(), RetryPolicy.DEFAULT);
  }

  private Uploader uploader(MemoryResumeStore store, RetryPolicy policy) {
    return Uploader.builder()
        .transport(transport)
        .resumeStore(store)
        .retryPolicy(policy)
        .sleeper((duration, wakeUp) -> waits.add(duration))
        .build();
  }

  private RetrofitTransport transport() {
    return transport(TOKEN);
  }

  private RetrofitTransport transport(String token) {
    return RetrofitTransport.builder()
        .graphEndpoint(emulator.baseUri())
        .tokens(scopes -> token)
        .environment(Map.of())
        .jvmProxySelector(null)
        .build();
  }

  private Path file(int size) throws Exception {
    byte[] bytes = new byte[size];
    new Random(size).nextBytes(bytes);
    return Files.write(dir.resolve("attachment-" + size + ".bin"), bytes);
  }

  private static String sha256(Path file) throws Exception {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }
}
