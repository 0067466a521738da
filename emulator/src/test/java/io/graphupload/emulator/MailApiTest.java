package io.graphupload.emulator;

import static io.graphupload.emulator.GraphHttp.MIB;
import static org.assertj.core.api.Assertions.assertThat;

import io.graphupload.emulator.GraphHttp.Response;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(EmulatorExtension.class)
class MailApiTest {
  private Emulator emulator;
  private GraphHttp http;

  @BeforeEach
  void setUp(Emulator started) {
    emulator = started;
    http = new GraphHttp(started);
  }

  @Test
  void draftIsCreatedAndReadBack() {
    Response created =
        http.graph(
            "POST",
            "/me/messages",
            Map.of(
                "subject",
                "Quarterly report",
                "body",
                Map.of("contentType", "html", "content", "<p>hi</p>")));
    String id = created.string("id");

    Response read = http.graph("GET", "/me/messages/" + id, null);

    assertThat(created.status()).isEqualTo(201);
    assertThat(read.json())
        .containsEntry("subject", "Quarterly report")
        .containsEntry("isDraft", true)
        .containsEntry("hasAttachments", false)
        .containsEntry("body", Map.of("contentType", "html", "content", "<p>hi</p>"));
    assertThat(emulator.mailboxes().me().drafts()).containsExactly(id);
  }

  @Test
  void smallAttachmentPostAnswersTheAttachmentWithItsContent() {
    String id = http.createDraft();
    byte[] content = GraphHttp.randomBytes(MIB, 40);

    Response posted =
        http.graph(
            "POST",
            "/me/messages/" + id + "/attachments",
            Map.of(
                "@odata.type", "#microsoft.graph.fileAttachment",
                "name", "logo.png",
                "contentBytes", Base64.getEncoder().encodeToString(content),
                "isInline", true,
                "contentId", "logo"));

    assertThat(posted.status()).isEqualTo(201);
    assertThat(posted.json())
        .containsEntry("@odata.type", "#microsoft.graph.fileAttachment")
        .containsEntry("name", "logo.png")
        .containsEntry("contentType", "image/png")
        .containsEntry("size", (double) MIB)
        .containsEntry("isInline", true)
        .containsEntry("contentId", "logo")
        .containsEntry("contentBytes", Base64.getEncoder().encodeToString(content));
    String attachmentId = posted.string("id");
    assertThat(emulator.mailboxes().me().attachmentContent(id, attachmentId)).isEqualTo(content);
  }

  @Test
  void attachmentIsDeleted() {
    String id = http.createDraft();
    String attachmentId =
        http.graph(
                "POST",
                "/me/messages/" + id + "/attachments",
                LimitsTest.fileAttachment(new byte[] {1}))
            .string("id");

    Response deleted =
        http.graph("DELETE", "/me/messages/" + id + "/attachments/" + attachmentId, null);
    Response gone = http.graph("GET", "/me/messages/" + id + "/attachments/" + attachmentId, null);

    assertThat(deleted.status()).isEqualTo(204);
    assertThat(gone.status()).isEqualTo(404);
  }

  @Test
  void nonFileAttachmentIsRefusedWithTheReason() {
    Response posted =
        http.graph(
            "POST",
            "/me/messages/" + http.createDraft() + "/attachments",
            Map.of("@odata.type", "#microsoft.graph.itemAttachment", "name", "x"));

    assertThat(posted.status()).isEqualTo(400);
    assertThat(posted.json().toString()).contains("The emulator stores file attachments only");
  }

  @Test
  void sendingMovesTheDraftToSentItemsUnderANewId() {
    String id =
        http.graph(
                "POST",
                "/me/messages",
                Map.of(
                    "subject",
                    "s",
                    "toRecipients",
                    List.of(Map.of("emailAddress", Map.of("address", "bob@contoso.com")))))
            .string("id");

    Response sent = http.graph("POST", "/me/messages/" + id + "/send", null);
    Response oldId = http.graph("GET", "/me/messages/" + id, null);
    Response sentFolder = http.graph("GET", "/me/mailFolders/sentitems/messages", null);

    assertThat(sent.status()).isEqualTo(202);
    assertThat(oldId.status()).isEqualTo(404);
    assertThat(emulator.mailboxes().me().drafts()).isEmpty();
    assertThat(emulator.mailboxes().me().sentItems()).hasSize(1).doesNotContain(id);
    assertThat(sentFolder.json().get("value").toString()).contains("isDraft=false");
  }

  @Test
  void sendingWithoutRecipientsIsRefused() {
    Response sent = http.graph("POST", "/me/messages/" + http.createDraft() + "/send", null);

    assertThat(sent.status()).isEqualTo(400);
    assertThat(sent.errorCode()).isEqualTo("ErrorInvalidRecipients");
  }

  @Test
  void uploadToASentMessageFailsAtTheNextRange() {
    String id =
        http.graph(
                "POST",
                "/me/messages",
                Map.of("toRecipients", List.of(Map.of("emailAddress", Map.of("address", "b@c.d")))))
            .string("id");
    byte[] content = GraphHttp.randomBytes(3 * MIB, 41);
    String url = http.createSession(id, "a.bin", content.length);
    http.graph("POST", "/me/messages/" + id + "/send", null);

    Response put = http.put(url, content, 0, MIB - 1);

    assertThat(put.status()).isEqualTo(404);
    assertThat(emulator.latestSession().state()).isEqualTo(SessionState.FAILED);
  }

  @Test
  void messagesAreReachableThroughUsersAndFolders() {
    String upn = emulator.mailboxes().me().userPrincipalName();
    String id = http.createDraft();

    Response byUpn = http.graph("GET", "/users/" + upn + "/messages/" + id, null);
    Response byUserId =
        http.graph("GET", "/users/" + emulator.mailboxes().me().id() + "/messages/" + id, null);
    Response inDrafts = http.graph("GET", "/me/mailFolders/drafts/messages/" + id, null);

    assertThat(List.of(byUpn.status(), byUserId.status(), inDrafts.status())).containsOnly(200);
  }

  @Test
  void eventIsCreatedAndListed() {
    String id = http.graph("POST", "/me/events", Map.of("subject", "Review")).string("id");

    Response listed = http.graph("GET", "/me/events", null);

    assertThat(listed.json().get("value").toString()).contains(id).contains("subject=Review");
    assertThat(emulator.mailboxes().me().events()).containsExactly(id);
  }

  @Test
  void unknownResourceIsRefusedNamingTheSegment() {
    Response response = http.graph("GET", "/me/contacts", null);

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().toString())
        .contains("Resource not found for the segment 'contacts'.");
  }
}
