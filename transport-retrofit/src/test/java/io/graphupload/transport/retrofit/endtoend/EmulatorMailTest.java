package io.graphupload.transport.retrofit.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import io.graphupload.core.AttachmentFile;
import io.graphupload.core.Draft;
import io.graphupload.core.GraphServiceException;
import io.graphupload.core.MailSender;
import io.graphupload.core.Mailbox;
import io.graphupload.core.MessageNotSentException;
import io.graphupload.core.OutlookItem;
import io.graphupload.core.RetryPolicy;
import io.graphupload.core.SentMessage;
import io.graphupload.core.UploadException;
import io.graphupload.core.UploadResult;
import io.graphupload.core.Uploader;
import io.graphupload.emulator.AttachmentInfo;
import io.graphupload.emulator.Emulator;
import io.graphupload.emulator.EmulatorExtension;
import io.graphupload.emulator.FaultRule;
import io.graphupload.emulator.RequestKind;
import io.graphupload.transport.retrofit.RetrofitTransport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * Core's {@link MailSender} with this transport against the emulator: a new message with a small,
 * an inline and a large attachment is created, filled and sent, and arrives in Sent Items with
 * exactly those attachments, byte for byte.
 */
class EmulatorMailTest {
  private static final String TOKEN = "mail-token";
  private static final int MIB = 1024 * 1024;
  private static final long MESSAGE_SIZE_LIMIT = 35_000_000L;
  private static final String HTML =
      "<p>The chart:</p><img src=\"cid:chart\"><p>Data attached.</p>";
  private static final Draft DRAFT =
      new Draft(
          "Quarterly figures",
          HTML,
          true,
          List.of("ada@contoso.com"),
          List.of("grace@contoso.com"),
          List.of("audit@contoso.com"));

  @RegisterExtension
  static EmulatorExtension graph =
      new EmulatorExtension(b -> b.requiredTokens(Set.of(TOKEN)).uploadHost("localhost"));

  @TempDir Path dir;

  private final List<Set<String>> scopesAsked = new CopyOnWriteArrayList<>();
  private Emulator emulator;
  private RetrofitTransport transport;
  private Path small;
  private Path inline;
  private Path large;

  @BeforeEach
  void start(Emulator emulator) throws Exception {
    this.emulator = emulator;
    transport =
        RetrofitTransport.builder()
            .graphEndpoint(emulator.baseUri())
            .tokens(
                scopes -> {
                  scopesAsked.add(Set.copyOf(scopes));
                  return TOKEN;
                })
            .environment(Map.of())
            .jvmProxySelector(null)
            .build();
    small = file("notes.txt", 10_007);
    inline = file("chart.png", 3_000_001);
    large = file("data.bin", 5 * MIB);
  }

  @AfterEach
  void close() {
    transport.close();
  }

  @Test
  void messageWithSmallInlineAndLargeAttachmentsArrivesInSentItemsByteForByte() throws Exception {
    SentMessage sent = sender().send(Mailbox.me(), DRAFT, files());

    assertThat(sent.attachments())
        .extracting(UploadResult::route)
        .containsExactly(
            UploadResult.Route.SINGLE_REQUEST,
            UploadResult.Route.UPLOAD_SESSION,
            UploadResult.Route.UPLOAD_SESSION);
    io.graphupload.emulator.Mailbox mailbox = emulator.mailboxes().me();
    assertThat(mailbox.drafts()).isEmpty();
    String sentId = mailbox.sentItems().get(0);
    assertThat(mailbox.sentItems()).containsExactly(sentId);
    assertAttachmentsOf(sentId);
    assertThat(scopesAsked.subList(0, scopesAsked.size() - 1))
        .isNotEmpty()
        .allSatisfy(scopes -> assertThat(scopes).isEqualTo(Set.of("Mail.ReadWrite")));
    assertThat(scopesAsked.get(scopesAsked.size() - 1)).isEqualTo(Set.of("Mail.Send"));
    assertThat(emulator.violations()).isEmpty();

    Map<String, Object> message = getMessage(sentId);
    assertThat(message)
        .containsEntry("subject", "Quarterly figures")
        .containsEntry("isDraft", false)
        .containsEntry("body", Map.of("contentType", "HTML", "content", HTML))
        .containsEntry("toRecipients", recipients("ada@contoso.com"))
        .containsEntry("ccRecipients", recipients("grace@contoso.com"))
        .containsEntry("bccRecipients", recipients("audit@contoso.com"));
  }

  @Test
  void sendRefusedByAnOverloadedServiceKeepsTheFilledDraftForALaterSend() throws Exception {
    emulator.faults().add(FaultRule.on(RequestKind.GRAPH).path("/send$").times(1).status(503));
    MailSender sender = sender();

    MessageNotSentException notSent =
        catchThrowableOfType(
            MessageNotSentException.class, () -> sender.send(Mailbox.me(), DRAFT, files()));
    GraphServiceException e = (GraphServiceException) notSent.attachmentFailure();
    io.graphupload.emulator.Mailbox mailbox = emulator.mailboxes().me();
    String draftId = mailbox.drafts().get(0);
    sender.sendDraft(OutlookItem.message(Mailbox.me(), draftId));

    assertThat(e.phase()).isEqualTo(UploadException.Phase.SEND_MESSAGE);
    assertThat(e.category()).isEqualTo(UploadException.Category.TRANSIENT);
    assertThat(e.httpStatus()).isEqualTo(503);
    assertThat(notSent.draftId()).isEqualTo(draftId);
    assertThat(notSent.failedUploadId()).isNull();
    assertThat(e).hasMessageStartingWith("The service failed or is overloaded; try again later.");
    assertThat(e.getMessage()).contains("/v1.0/me/messages/" + draftId.replace("=", "%3D"));
    assertThat(mailbox.drafts()).isEmpty();
    assertThat(mailbox.sentItems()).hasSize(1);
    assertAttachmentsOf(mailbox.sentItems().get(0));
    assertThat(emulator.violations()).isEmpty();
  }

  private void assertAttachmentsOf(String messageId) throws Exception {
    io.graphupload.emulator.Mailbox mailbox = emulator.mailboxes().me();
    List<AttachmentInfo> attachments = mailbox.attachments(messageId);
    assertThat(attachments)
        .extracting(
            AttachmentInfo::name,
            AttachmentInfo::contentType,
            AttachmentInfo::size,
            AttachmentInfo::inline,
            AttachmentInfo::contentId)
        .containsExactly(
            tuple("notes.txt", "text/plain", 10_007L, false, null),
            tuple("chart.png", "image/png", 3_000_001L, true, "chart"),
            tuple("data.bin", "application/octet-stream", 5L * MIB, false, null));
    List<Path> files = List.of(small, inline, large);
    for (int i = 0; i < files.size(); i++) {
      assertThat(mailbox.attachmentContent(messageId, attachments.get(i).id()))
          .as(attachments.get(i).name())
          .isEqualTo(Files.readAllBytes(files.get(i)));
    }
  }

  private List<AttachmentFile> files() {
    return List.of(
        new AttachmentFile(small, null, "text/plain", null),
        new AttachmentFile(inline, null, "image/png", "chart"),
        AttachmentFile.of(large));
  }

  private MailSender sender() {
    Uploader uploader =
        Uploader.builder()
            .transport(transport)
            .resumeStore(new MemoryResumeStore())
            .retryPolicy(RetryPolicy.DEFAULT)
            .sleeper((duration, wakeUp) -> {})
            .build();
    return new MailSender(uploader, MESSAGE_SIZE_LIMIT);
  }

  /** Reads a message back through Graph, as a user's mail client would. */
  private Map<String, Object> getMessage(String id) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(emulator.baseUri() + "/v1.0/me/messages/" + id))
            .header("Authorization", "Bearer " + TOKEN)
            .build();
    HttpResponse<String> response =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    JsonAdapter<Map<String, Object>> adapter =
        new Moshi.Builder()
            .build()
            .adapter(Types.newParameterizedType(Map.class, String.class, Object.class));
    return adapter.fromJson(response.body());
  }

  private static List<Object> recipients(String address) {
    return List.of(Map.of("emailAddress", Map.of("address", address)));
  }

  private Path file(String name, int size) throws Exception {
    byte[] bytes = new byte[size];
    new Random(size).nextBytes(bytes);
    return Files.write(dir.resolve(name), bytes);
  }
}
