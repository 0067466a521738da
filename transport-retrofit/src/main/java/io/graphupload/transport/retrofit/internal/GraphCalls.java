package io.graphupload.transport.retrofit.internal;

import com.squareup.moshi.JsonEncodingException;
import io.graphupload.core.Attachment;
import io.graphupload.core.Draft;
import io.graphupload.core.Mailbox;
import io.graphupload.core.Nullable;
import io.graphupload.core.OutlookItem;
import io.graphupload.core.Redaction;
import io.graphupload.core.UploadException;
import io.graphupload.core.UploadException.Category;
import io.graphupload.core.UploadException.Phase;
import io.graphupload.core.UploadSession;
import io.graphupload.core.UploadTarget;
import io.graphupload.core.spi.AccessTokenSource;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import okhttp3.ResponseBody;
import okio.ByteString;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import retrofit2.Call;
import retrofit2.Response;

/**
 * The calls to Graph itself, each with a bearer token for the target's permissions. When Graph
 * refuses a token (401), the source is told and the call is made once more with a fresh token.
 * Thread-safe.
 */
public final class GraphCalls {
  private static final Logger log = LoggerFactory.getLogger(GraphCalls.class);

  /** Creating a message needs no more than this; least privilege. */
  static final Set<String> CREATE_MESSAGE_SCOPES = Set.of("Mail.ReadWrite");

  /** Sending a draft needs this, which Mail.ReadWrite does not include. */
  static final Set<String> SEND_SCOPES = Set.of("Mail.Send");

  /** The largest body sent to Graph itself: it refuses requests over about 4 MB with 413. */
  static final int GRAPH_BODY_LIMIT = 4_000_000;

  private final GraphApi api;
  private final AccessTokenSource tokens;
  private final ErrorAnswers errors;

  public GraphCalls(GraphApi api, AccessTokenSource tokens, ErrorAnswers errors) {
    this.api = api;
    this.tokens = tokens;
    this.errors = errors;
  }

  /** Creates an upload session; see the transport SPI. */
  public UploadSession createSession(UploadTarget target, Attachment attachment)
      throws IOException, UploadException {
    CallContext context = CallContext.graph(Phase.CREATE_SESSION, target);
    Map<String, Object> body = Map.of("AttachmentItem", attachmentItem(attachment));

    Response<ResponseBody> response =
        call(
            context,
            authorization ->
                api.createUploadSession(
                    target.createSessionPath(), authorization, requestId(), body));
    Answer answer = read(response);
    UploadSession session = readSession(answer);
    checkUploadUrl(session, answer);
    return session;
  }

  /** Posts a small attachment with its content inline; see the transport SPI. */
  public String postAttachment(UploadTarget target, Attachment attachment, FileChannel source)
      throws IOException, UploadException {
    CallContext context = CallContext.graph(Phase.POST_ATTACHMENT, target);
    if (source.size() < attachment.size()) {
      throw new UploadException(
          Category.INVALID_INPUT,
          context.phase(),
          "The file is now "
              + source.size()
              + " bytes, shorter than the attachment's "
              + attachment.size()
              + ": it was changed after the upload started. Start again.");
    }

    Response<ResponseBody> response =
        call(
            context,
            authorization ->
                api.postAttachment(
                    target.attachmentsPath(),
                    authorization,
                    requestId(),
                    new FileAttachmentBody(source, attachment)));
    FoundId found = findId(response);
    if (found.id() == null) {
      // Not an IOException: the engine would post again, and attach the file a second time.
      throw new UploadException(
          Category.PERMANENT,
          context.phase(),
          "Graph accepted the attachment (HTTP "
              + response.code()
              + " to "
              + found.request()
              + ") but its answer carries no attachment id"
              + found.unreadable()
              + ". The attachment probably exists: check "
              + target.describe()
              + " before sending it again, or it may be attached twice.");
    }
    return found.id();
  }

  /** Creates a draft message in {@code mailbox}; see the transport SPI. */
  public String createDraft(Mailbox mailbox, Draft draft) throws IOException, UploadException {
    CallContext context = CallContext.mailbox(Phase.CREATE_DRAFT, mailbox, CREATE_MESSAGE_SCOPES);
    ByteString json = MessageJson.encode(draft);
    if (json.size() > GRAPH_BODY_LIMIT) {
      throw new UploadException(
          Category.INVALID_INPUT,
          context.phase(),
          "The draft is "
              + json.size()
              + " bytes as JSON, over the "
              + GRAPH_BODY_LIMIT
              + " bytes that one Graph request may carry. Shorten the message body, and send large"
              + " content as attachments. No request was sent.");
    }

    Response<ResponseBody> response =
        call(
            context,
            authorization ->
                api.createMessage(
                    mailbox.path() + "/messages",
                    authorization,
                    requestId(),
                    OneShotBody.json(json)));
    FoundId found = findId(response);
    if (found.id() == null) {
      // Not an IOException: a caller that tried again would leave a second draft behind.
      throw new UploadException(
          Category.PERMANENT,
          context.phase(),
          "Graph created the draft (HTTP "
              + response.code()
              + " to "
              + found.request()
              + ") but its answer carries no message id"
              + found.unreadable()
              + ". Find the draft in the Drafts folder of "
              + context.subject()
              + " and delete it before trying again, or there will be two.");
    }
    return found.id();
  }

  /**
   * Sends a draft message; see the transport SPI.
   *
   * @throws IllegalArgumentException if {@code message} is an event, which cannot be sent
   */
  public void sendDraft(OutlookItem message) throws IOException, UploadException {
    if (message.kind() != OutlookItem.Kind.MESSAGE) {
      throw new IllegalArgumentException(
          "Only a message can be sent, not "
              + message.describe()
              + "; an event's attendees are invited when the event is saved");
    }
    CallContext context = CallContext.graph(Phase.SEND_MESSAGE, message, SEND_SCOPES);

    Response<ResponseBody> response =
        call(
            context,
            authorization ->
                api.sendMessage(
                    message.resourcePath() + "/send",
                    authorization,
                    requestId(),
                    OneShotBody.empty()));
    // The answer (202) has no content; reading it to its end frees the connection for reuse.
    read(response);
  }

  private static Map<String, Object> attachmentItem(Attachment attachment) {
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("attachmentType", "file");
    item.put("name", attachment.name());
    item.put("size", attachment.size());
    item.put("contentType", attachment.contentType());
    item.put("isInline", attachment.inline());
    if (attachment.contentId() != null) {
      item.put("contentId", attachment.contentId());
    }
    return item;
  }

  /**
   * Makes a call with a token; on 401, once more with a fresh one.
   *
   * @return the successful response, whose body the caller reads and closes
   */
  private Response<ResponseBody> call(
      CallContext context, Function<String, Call<ResponseBody>> call)
      throws IOException, UploadException {
    String token = tokens.token(context.scopes());
    Response<ResponseBody> response = execute(call.apply("Bearer " + token), context);
    if (response.code() == 401) {
      Answer refused = read(response);
      log.warn(
          "Graph refused the access token for {} (HTTP 401); retrying once with a fresh token",
          refused.describeRequest());
      tokens.invalidate(token);
      String fresh = tokens.token(context.scopes());
      response = execute(call.apply("Bearer " + fresh), context);
    }
    if (!response.isSuccessful()) {
      throw errors.toException(read(response), context);
    }
    return response;
  }

  private static Response<ResponseBody> execute(Call<ResponseBody> call, CallContext context)
      throws IOException, UploadException {
    try {
      return call.execute();
    } catch (FileChangedException e) {
      throw new UploadException(Category.INVALID_INPUT, context.phase(), e.getMessage(), e);
    } catch (IOException e) {
      throw NoAnswer.wrap(Answer.describe(call.request()), e);
    }
  }

  /** Reads a whole answer; Retrofit has buffered it unless the call streams. */
  private static Answer read(Response<ResponseBody> response) throws IOException {
    try {
      return Answer.read(response);
    } catch (IOException e) {
      throw NoAnswer.wrap(Answer.describe(response.raw().request()), e);
    }
  }

  private static UploadSession readSession(Answer answer) throws MalformedAnswerException {
    Map<String, Object> json =
        Json.object(answer.body())
            .orElseThrow(
                () ->
                    new MalformedAnswerException(
                        "The answer to "
                            + answer.describeRequest()
                            + " (HTTP "
                            + answer.status()
                            + ") is not the JSON of an upload session."));
    try {
      return UploadSession.fromJson(json, true, null);
    } catch (IllegalArgumentException e) {
      throw new MalformedAnswerException(
          "The answer to "
              + answer.describeRequest()
              + " is not an upload session: "
              + Redaction.text(e.getMessage()),
          e);
    }
  }

  /** Refuses an upload URL that this transport could not or should not call. */
  private static void checkUploadUrl(UploadSession session, Answer answer) throws UploadException {
    try {
      UrlPolicy.uploadUrl(session.uploadUrl());
    } catch (IllegalArgumentException e) {
      throw new UploadException(
          Category.PERMANENT,
          Phase.CREATE_SESSION,
          "Graph answered "
              + answer.describeRequest()
              + " with an unusable upload URL. "
              + e.getMessage(),
          e);
    }
  }

  /**
   * Reads the top-level {@code id} of a streamed answer without holding the rest, then closes it.
   */
  private static FoundId findId(Response<ResponseBody> response) {
    String request = Answer.describe(response.raw().request());
    String id = null;
    String unreadable = "";
    try (ResponseBody body = response.body()) {
      id = body == null ? null : Json.streamedString(body.source(), "id");
    } catch (JsonEncodingException e) {
      // Not JSON: there is no id to find.
    } catch (IOException e) {
      unreadable =
          " (the connection failed while it was read: " + Redaction.text(e.getMessage()) + ")";
    }
    return new FoundId(id == null || id.isBlank() ? null : id, request, unreadable);
  }

  /**
   * The id in a success answer.
   *
   * @param id the id, or null when the answer carries none
   * @param request the request, for messages
   * @param unreadable why the answer could not be read to the id, or empty
   */
  private record FoundId(@Nullable String id, String request, String unreadable) {}

  private static String requestId() {
    return UUID.randomUUID().toString();
  }
}
