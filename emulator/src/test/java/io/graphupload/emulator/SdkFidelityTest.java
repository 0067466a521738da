package io.graphupload.emulator;

import static io.graphupload.emulator.GraphHttp.MIB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.graph.core.models.UploadResult;
import com.microsoft.graph.core.tasks.LargeFileUploadTask;
import com.microsoft.graph.models.Attachment;
import com.microsoft.graph.models.AttachmentItem;
import com.microsoft.graph.models.AttachmentType;
import com.microsoft.graph.models.FileAttachment;
import com.microsoft.graph.models.Message;
import com.microsoft.graph.models.UploadSession;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.graph.users.item.messages.item.attachments.createuploadsession.CreateUploadSessionPostRequestBody;
import com.microsoft.kiota.ApiException;
import com.microsoft.kiota.RequestAdapter;
import com.microsoft.kiota.authentication.AccessTokenProvider;
import com.microsoft.kiota.authentication.AllowedHostsValidator;
import com.microsoft.kiota.authentication.BaseBearerTokenAuthenticationProvider;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Microsoft's own Java SDK (6.x) against the emulator: what passes here is what the SDK does
 * against Outlook, and the rules the SDK can break are caught.
 */
@ExtendWith(EmulatorExtension.class)
class SdkFidelityTest {

  @Test
  void plainAttachmentPostStoresTheBytesExactly(Emulator emulator) {
    GraphServiceClient graph = client(emulator, new StaticToken(null));
    String messageId = draft(graph);
    byte[] content = GraphHttp.randomBytes(MIB, 20);
    FileAttachment file = new FileAttachment();
    file.setOdataType("#microsoft.graph.fileAttachment");
    file.setName("one.bin");
    file.setContentType("application/octet-stream");
    file.setContentBytes(content);

    Attachment created = graph.me().messages().byMessageId(messageId).attachments().post(file);

    assertThat(created).isInstanceOf(FileAttachment.class);
    assertThat(created.getSize()).isEqualTo(MIB);
    assertThat(emulator.mailboxes().me().attachmentContent(messageId, created.getId()))
        .isEqualTo(content);
    assertThat(emulator.violations()).isEmpty();
  }

  @Test
  void largeFileUploadTaskUploadsTenMebibytesByteForByte(Emulator emulator) throws Exception {
    GraphServiceClient graph = client(emulator, new StaticToken(null));
    String messageId = draft(graph);
    byte[] content = GraphHttp.randomBytes(10 * MIB, 21);
    UploadSession session = createSession(graph, messageId, content.length);

    // No request adapter: the SDK then uploads without authentication, as Outlook requires.
    // The slice size must be at most 4 MiB; the SDK's default is 5 MiB.
    LargeFileUploadTask<AttachmentItem> task =
        new LargeFileUploadTask<>(
            null,
            session,
            new ByteArrayInputStream(content),
            content.length,
            4L * MIB,
            AttachmentItem::createFromDiscriminatorValue);
    UploadResult<AttachmentItem> result = task.upload();

    assertThat(result.isUploadSuccessful()).isTrue();
    SessionReport report = emulator.latestSession();
    assertThat(result.location.toString())
        .endsWith("/Attachments('" + report.attachmentId() + "')");
    assertThat(report.sha256()).isEqualTo(GraphHttp.sha256(content));
    assertThat(report.ranges())
        .extracting(RangeReport::contentRange)
        .containsExactly(
            "bytes 0-4194303/10485760",
            "bytes 4194304-8388607/10485760",
            "bytes 8388608-10485759/10485760");
    assertThat(report.violations()).isEmpty();
    assertThat(emulator.mailboxes().me().attachmentContent(messageId, report.attachmentId()))
        .isEqualTo(content);
  }

  @Test
  void sdkGivenTheGraphAdapterSendsItsTokenToTheUploadUrlAndIsCaught(Emulator emulator)
      throws Exception {
    // A token provider without allowed hosts hands its token to every URL, the upload URL too.
    GraphServiceClient graph = client(emulator, new StaticToken(null));
    String messageId = draft(graph);
    byte[] content = GraphHttp.randomBytes(3 * MIB, 22);
    UploadSession session = createSession(graph, messageId, content.length);

    LargeFileUploadTask<AttachmentItem> task = task(graph.getRequestAdapter(), session, content);

    assertThatThrownBy(task::upload).isInstanceOf(ApiException.class);
    assertThat(emulator.latestSession().violations())
        .extracting(Violation::rule)
        .containsExactly(ClientRule.AUTHORIZATION_ON_UPLOAD_URL);
    assertThat(emulator.latestSession().ranges().get(0).status()).isEqualTo(401);
  }

  @Test
  void sdkDefaultSliceSizeBreaksTheFourMebibyteRule(Emulator emulator) throws Exception {
    GraphServiceClient graph = client(emulator, new StaticToken(null));
    String messageId = draft(graph);
    byte[] content = GraphHttp.randomBytes(6 * MIB, 23);
    UploadSession session = createSession(graph, messageId, content.length);

    LargeFileUploadTask<AttachmentItem> task =
        new LargeFileUploadTask<>(
            null,
            session,
            new ByteArrayInputStream(content),
            content.length,
            AttachmentItem::createFromDiscriminatorValue);

    assertThatThrownBy(task::upload).isInstanceOf(ApiException.class);
    assertThat(emulator.latestSession().violations())
        .extracting(Violation::rule)
        .containsExactly(ClientRule.RANGE_TOO_LARGE);
  }

  @Test
  void tokenScopedToGraphsHostStaysOffAnUploadHostOfItsOwn() throws Exception {
    // As in production, where Graph and Outlook's upload host differ, allowed hosts keep the
    // token on Graph: the emulator gives upload URLs their own host name to show it.
    try (Emulator emulator = Emulator.builder().uploadHost("localhost").build().start()) {
      GraphServiceClient graph = client(emulator, new StaticToken("127.0.0.1"));
      String messageId = draft(graph);
      byte[] content = GraphHttp.randomBytes(5 * MIB, 24);
      UploadSession session = createSession(graph, messageId, content.length);

      UploadResult<AttachmentItem> result =
          task(graph.getRequestAdapter(), session, content).upload();

      assertThat(session.getUploadUrl()).startsWith("http://localhost:");
      assertThat(result.isUploadSuccessful()).isTrue();
      assertThat(emulator.latestSession().violations()).isEmpty();
      assertThat(emulator.latestSession().sha256()).isEqualTo(GraphHttp.sha256(content));
    }
  }

  private static GraphServiceClient client(Emulator emulator, AccessTokenProvider tokens) {
    GraphServiceClient graph =
        new GraphServiceClient(new BaseBearerTokenAuthenticationProvider(tokens));
    graph.getRequestAdapter().setBaseUrl(emulator.baseUri() + "/v1.0");
    return graph;
  }

  private static String draft(GraphServiceClient graph) {
    Message message = new Message();
    message.setSubject("From the SDK");
    return graph.me().messages().post(message).getId();
  }

  private static UploadSession createSession(
      GraphServiceClient graph, String messageId, long size) {
    AttachmentItem item = new AttachmentItem();
    item.setAttachmentType(AttachmentType.File);
    item.setName("large.bin");
    item.setSize(size);
    CreateUploadSessionPostRequestBody body = new CreateUploadSessionPostRequestBody();
    body.setAttachmentItem(item);
    return graph
        .me()
        .messages()
        .byMessageId(messageId)
        .attachments()
        .createUploadSession()
        .post(body);
  }

  private static LargeFileUploadTask<AttachmentItem> task(
      RequestAdapter adapter, UploadSession session, byte[] content) throws Exception {
    return new LargeFileUploadTask<>(
        adapter,
        session,
        new ByteArrayInputStream(content),
        content.length,
        4L * MIB,
        AttachmentItem::createFromDiscriminatorValue);
  }

  /** Hands out one token, to every host or only to the allowed one. */
  private static final class StaticToken implements AccessTokenProvider {
    private final AllowedHostsValidator hosts;

    StaticToken(String allowedHost) {
      this.hosts =
          allowedHost == null
              ? new AllowedHostsValidator()
              : new AllowedHostsValidator(allowedHost);
    }

    @Override
    public String getAuthorizationToken(URI uri, Map<String, Object> context) {
      return hosts.isUrlHostValid(uri) ? GraphHttp.TOKEN : "";
    }

    @Override
    public AllowedHostsValidator getAllowedHostsValidator() {
      return hosts;
    }
  }
}
