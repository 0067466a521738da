package io.graphupload.cli;

import io.graphupload.core.AttachmentFile;
import io.graphupload.core.Checkpoint;
import io.graphupload.core.Draft;
import io.graphupload.core.MailSender;
import io.graphupload.core.Mailbox;
import io.graphupload.core.MessageNotSentException;
import io.graphupload.core.Nullable;
import io.graphupload.core.OutlookItem;
import io.graphupload.core.SentMessage;
import io.graphupload.core.UploadException;
import io.graphupload.core.UploadException.Category;
import io.graphupload.core.UploadException.Phase;
import io.graphupload.core.UploadResult;
import io.graphupload.core.Uploader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code graph-upload send}: creates a draft, attaches every file and sends it, all through core's
 * {@link MailSender}; or sends a draft kept after a failure ({@code --draft}).
 */
@Command(
    name = "send",
    sortOptions = false,
    description = {
      "Sends a message with attachments of any size up to the mailbox's limit: creates a draft,"
          + " attaches every file (large ones through resumable upload sessions, inline images"
          + " with their content ids), then sends it. The sum of the files is checked against the"
          + " message size limit before anything is sent. If an attachment fails, the draft is"
          + " kept, and the command says how to finish or discard it.",
      "",
      "Example: graph-upload send --to ada@contoso.com --subject Report --attach report.pdf",
      "         graph-upload send --draft AAMkAGI2...",
      ""
    })
final class SendCommand implements Callable<Integer> {
  private final CliContext context;

  @ParentCommand RootCommand root;

  @Option(
      names = "--to",
      paramLabel = "ADDR",
      arity = "1..*",
      split = ",",
      description = "Recipients; several after one --to, or separated by commas.")
  List<String> to = new ArrayList<>();

  @Option(names = "--cc", paramLabel = "ADDR", arity = "1..*", split = ",", description = "Cc.")
  List<String> cc = new ArrayList<>();

  @Option(names = "--bcc", paramLabel = "ADDR", arity = "1..*", split = ",", description = "Bcc.")
  List<String> bcc = new ArrayList<>();

  @Option(names = "--subject", paramLabel = "TEXT", description = "The subject line.")
  @Nullable
  String subject;

  @Option(names = "--body", paramLabel = "TEXT", description = "The body. Default: empty.")
  @Nullable
  String body;

  @Option(
      names = "--body-file",
      paramLabel = "FILE",
      description = "A UTF-8 file holding the body, instead of --body.")
  @Nullable
  Path bodyFile;

  @Option(
      names = "--html",
      description = "The body is HTML, as inline images need (<img src=\"cid:CID\">).")
  boolean html;

  @Option(
      names = "--attach",
      paramLabel = "FILE",
      arity = "1..*",
      description = "Files to attach, up to 150 MB each.")
  List<Path> attach = new ArrayList<>();

  @Option(
      names = "--inline",
      paramLabel = "FILE=CID",
      arity = "1..*",
      description = "Images the HTML body shows as <img src=\"cid:CID\">.")
  List<String> inline = new ArrayList<>();

  @Option(
      names = "--user",
      paramLabel = "ID_OR_UPN",
      description =
          "Whose mailbox sends: a user id or principal name. Default: the signed-in user.")
  @Nullable
  String user;

  @Option(
      names = "--max-message-size",
      paramLabel = "SIZE",
      converter = RootCommand.SizeConverter.class,
      description =
          "The mailbox's message size limit, which the files together must stay under."
              + " Default: 35M (36,700,160 bytes), Exchange Online's; at most 150M.")
  @Nullable
  Long maxMessageSize;

  @Option(
      names = "--draft",
      paramLabel = "ID",
      description = "Send this existing draft as it is, such as one kept after a failure.")
  @Nullable
  String draft;

  SendCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws UploadException {
    if (draft != null) {
      checkDraftOnly();
    }
    Mailbox mailbox = mailbox();
    List<AttachmentFile> files = draft == null ? files() : List.of();
    try (Session session = Session.open(context, root)) {
      Draft message = draft == null ? message(session) : null;
      long limit = session.configuration().maxMessageSize(maxMessageSize);
      Uploader uploader = session.uploader();
      MailSender sender = new MailSender(uploader, limit);
      try {
        if (message == null) {
          return sendDraft(session, sender, uploader, OutlookItem.message(mailbox, draft));
        }
        return send(session, sender, uploader, mailbox, message, files);
      } catch (UploadException e) {
        session.output().rejected(null, null, e);
        return Failures.exitCode(e).code();
      }
    }
  }

  private int send(
      Session session,
      MailSender sender,
      Uploader uploader,
      Mailbox mailbox,
      Draft message,
      List<AttachmentFile> files)
      throws UploadException {
    session.output().leaveFailuresToCommand();
    SendInterruption interruption = new SendInterruption(session, this, files);
    context.shutdownHooks().add(interruption.hook());
    AtomicBoolean interrupted = new AtomicBoolean();
    try (CtrlC.Registration ctrlC =
        session
            .context()
            .ctrlC()
            .onPress(() -> stop(session, sender, interrupted), interruption::tell)) {
      SentMessage sent = sender.send(mailbox, message, files);
      printSent(session, sent, message);
      return ExitCode.OK.code();
    } catch (MessageNotSentException e) {
      String sentence = notSent(session, uploader, e, files);
      if (session.json()) {
        session.streams().out(notSentJson(session, e, files.size(), sentence));
      }
      session.streams().error(sentence, e);
      return interrupted.get() ? ExitCode.INTERRUPTED.code() : Failures.exitCode(e).code();
    } finally {
      context.shutdownHooks().remove(interruption.hook());
    }
  }

  /** The first Ctrl-C: the attachment on its way stops after its range in flight. */
  private static void stop(Session session, MailSender sender, AtomicBoolean interrupted) {
    if (interrupted.compareAndSet(false, true)) {
      session
          .output()
          .note(
              "Stopping once the range on the wire is acknowledged, so that it need not go"
                  + " again; press Ctrl-C again to quit at once.");
      sender.stop();
    }
  }

  private int sendDraft(Session session, MailSender sender, Uploader uploader, OutlookItem message)
      throws UploadException {
    for (Checkpoint checkpoint : uploader.pending()) {
      if (checkpoint.target().resourcePath().equals(message.resourcePath())) {
        throw new UploadException(
            Category.INVALID_INPUT,
            Phase.PREPARE,
            "Draft "
                + draft
                + " still waits for "
                + checkpoint.file().path()
                + " (upload "
                + checkpoint.uploadId()
                + "); finish that upload before sending, with: "
                + session.resumeCommand(checkpoint.uploadId()));
      }
    }
    sender.sendDraft(message);
    if (session.json()) {
      session
          .streams()
          .out(
              JsonOutput.write(
                  json -> {
                    json.name("event").value("sent");
                    json.name("messageId").value(message.itemId());
                  }));
    } else {
      session.streams().out(session.quiet() ? draft : "Sent draft " + draft);
    }
    return ExitCode.OK.code();
  }

  private void printSent(Session session, SentMessage sent, Draft message) {
    if (session.json()) {
      session
          .streams()
          .out(
              JsonOutput.write(
                  json -> {
                    json.name("event").value("sent");
                    json.name("messageId").value(sent.messageId());
                    json.name("subject").value(message.subject());
                    addresses(json, "to", message.to());
                    addresses(json, "cc", message.cc());
                    addresses(json, "bcc", message.bcc());
                    json.name("attachments").beginArray();
                    for (UploadResult result : sent.attachments()) {
                      json.beginObject();
                      json.name("uploadId").value(result.uploadId());
                      json.name("attachmentId").value(result.attachmentId());
                      json.name("bytes").value(result.bytes());
                      json.endObject();
                    }
                    json.endArray();
                  }));
      return;
    }
    if (session.quiet()) {
      session.streams().out(sent.messageId());
      return;
    }
    List<String> recipients = new ArrayList<>(message.to());
    recipients.addAll(message.cc());
    recipients.addAll(message.bcc());
    session
        .streams()
        .out("Sent to " + String.join(", ", recipients) + " as message " + sent.messageId());
  }

  private static void addresses(com.squareup.moshi.JsonWriter json, String name, List<String> list)
      throws IOException {
    json.name(name).beginArray();
    for (String address : list) {
      json.value(address);
    }
    json.endArray();
  }

  /**
   * Returns the sentence for a message that was not sent: why, that the draft is kept, and the
   * commands that finish it (resume or attach again, attach the rest, send the draft) or discard
   * it.
   */
  private String notSent(
      Session session, Uploader uploader, MessageNotSentException e, List<AttachmentFile> files) {
    String uploadId = e.failedUploadId();
    String cause = Failures.period(session.failures().sentence(uploadId, e.attachmentFailure()));
    if (uploadId == null) {
      // Every file went on; sending the draft is what failed.
      return "The message was not sent: sending it failed: "
          + cause
          + " Its draft "
          + e.draftId()
          + " is kept with all "
          + files.size()
          + " attachments. Check Sent Items, then send it with: "
          + session.command("send --draft " + e.draftId() + userOption());
    }
    int done = Math.min(session.inFlight().completed(), files.size() - 1);
    return "The message was not sent: attaching "
        + files.get(done).file()
        + " failed: "
        + cause
        + " "
        + keptDraft(
            session, e.draftId(), done, hasCheckpoint(uploader, uploadId) ? uploadId : null, files);
  }

  /**
   * Returns the sentences saying that draft {@code draftId} is kept with {@code done} of {@code
   * files}, and the commands that discard it or finish and send it, ending with a command.
   *
   * @param resumable the upload of file {@code done} to resume, or null when it must be attached
   *     again
   */
  String keptDraft(
      Session session,
      String draftId,
      int done,
      @Nullable String resumable,
      List<AttachmentFile> files) {
    List<String> finish = new ArrayList<>();
    if (resumable != null) {
      finish.add(session.resumeCommand(resumable));
    }
    List<AttachmentFile> rest = files.subList(resumable != null ? done + 1 : done, files.size());
    if (!rest.isEmpty()) {
      finish.add(attachCommand(session, rest, draftId));
    }
    finish.add(session.command("send --draft " + draftId + userOption()));
    return "Its draft "
        + draftId
        + " is kept with "
        + done
        + " of "
        + files.size()
        + " attachments. To discard it, "
        + (resumable != null ? "run " + session.command("cancel " + resumable) + " and " : "")
        + "delete the draft from Drafts in Outlook. To finish and send it, run: "
        + String.join(" && ", finish);
  }

  /** Returns the commands that attach {@code files} to the draft: plain ones, then each inline. */
  String attachCommand(Session session, List<AttachmentFile> files, String draftId) {
    List<String> commands = new ArrayList<>();
    StringBuilder plain = new StringBuilder();
    for (AttachmentFile file : files) {
      String path = Session.quote(file.file());
      if (file.contentId() == null) {
        plain.append(path).append(' ');
      } else {
        commands.add(
            session.command(
                "attach "
                    + path
                    + " --message "
                    + draftId
                    + userOption()
                    + " --inline --content-id "
                    + file.contentId()));
      }
    }
    if (plain.length() > 0) {
      commands.add(0, session.command("attach " + plain + "--message " + draftId + userOption()));
    }
    return String.join(" && ", commands);
  }

  String userOption() {
    return user == null ? "" : " --user " + user.strip();
  }

  private static boolean hasCheckpoint(Uploader uploader, String uploadId) {
    try {
      return uploader.pending().stream().anyMatch(c -> c.uploadId().equals(uploadId));
    } catch (UploadException e) {
      return false;
    }
  }

  private static String notSentJson(
      Session session, MessageNotSentException e, int total, String sentence) {
    return JsonOutput.write(
        json -> {
          json.name("event").value("notSent");
          json.name("draftId").value(e.draftId());
          json.name("uploadId").value(e.failedUploadId());
          json.name("attachmentsDone").value(session.inFlight().completed());
          json.name("attachmentsTotal").value(total);
          JsonOutput.error(json, e.attachmentFailure(), sentence);
        });
  }

  private void checkDraftOnly() {
    boolean composing =
        !to.isEmpty()
            || !cc.isEmpty()
            || !bcc.isEmpty()
            || subject != null
            || body != null
            || bodyFile != null
            || html
            || !attach.isEmpty()
            || !inline.isEmpty();
    if (composing) {
      throw new UsageException(
          "--draft sends an existing draft as it is; leave out --to, --cc, --bcc, --subject,"
              + " --body, --body-file, --html, --attach and --inline.");
    }
    if (draft.isBlank()) {
      throw new UsageException("--draft must not be blank; give the draft's Graph id.");
    }
  }

  private Mailbox mailbox() {
    if (user == null) {
      return Mailbox.me();
    }
    if (user.isBlank()) {
      throw new UsageException(
          "--user must not be blank; give a user id or principal name, or leave it out.");
    }
    return Mailbox.user(user.strip());
  }

  private List<AttachmentFile> files() {
    if (subject == null) {
      throw new UsageException("send needs --subject TEXT (it may be empty: --subject '').");
    }
    if (attach.isEmpty() && inline.isEmpty()) {
      throw new UsageException(
          "send needs at least one file: --attach FILE, or --inline FILE=CID for an image the"
              + " body shows.");
    }
    if (!inline.isEmpty() && !html) {
      throw new UsageException(
          "--inline images show only in an HTML body that refers to them as"
              + " <img src=\"cid:CID\">; add --html.");
    }
    List<AttachmentFile> files = new ArrayList<>();
    attach.forEach(file -> files.add(AttachmentFile.of(file)));
    Set<String> contentIds = new HashSet<>();
    for (String value : inline) {
      int equals = value.lastIndexOf('=');
      if (equals <= 0 || equals == value.length() - 1) {
        throw new UsageException(
            "--inline takes FILE=CID, such as logo.png=logo; got '" + value + "'.");
      }
      String contentId = value.substring(equals + 1).strip();
      if (!contentIds.add(contentId)) {
        throw new UsageException(
            "The content id '" + contentId + "' is given twice; give each inline image its own.");
      }
      files.add(new AttachmentFile(Path.of(value.substring(0, equals)), null, null, contentId));
    }
    return files;
  }

  private Draft message(Session session) throws UploadException {
    if (body != null && bodyFile != null) {
      throw new UsageException("--body and --body-file both give the body; keep one.");
    }
    String text = bodyFile != null ? readBody(bodyFile) : body != null ? body : "";
    Draft message;
    try {
      message = new Draft(subject, text, html, to, cc, bcc);
    } catch (IllegalArgumentException e) {
      throw new UsageException(Failures.period(e.getMessage()), e);
    }
    for (String value : inline) {
      String contentId = value.substring(value.lastIndexOf('=') + 1).strip();
      if (!text.contains("cid:" + contentId)) {
        session
            .output()
            .note(
                "Warning: the body does not refer to cid:"
                    + contentId
                    + ", so Outlook may show that image as an ordinary attachment.");
      }
    }
    return message;
  }

  private static String readBody(Path file) throws UploadException {
    try {
      if (!Files.isRegularFile(file)) {
        throw new UploadException(
            Category.INVALID_INPUT,
            Phase.PREPARE,
            file.toAbsolutePath() + " (--body-file) does not exist; check the path.");
      }
      return StandardCharsets.UTF_8
          .newDecoder()
          .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
          .toString();
    } catch (CharacterCodingException e) {
      throw new UploadException(
          Category.INVALID_INPUT,
          Phase.PREPARE,
          file.toAbsolutePath() + " (--body-file) is not UTF-8 text; convert it, then try again.",
          e);
    } catch (IOException e) {
      throw new UploadException(
          Category.INVALID_INPUT,
          Phase.PREPARE,
          "Cannot read " + file.toAbsolutePath() + " (--body-file): " + e.getMessage() + ".",
          e);
    }
  }
}
