package io.graphupload.cli;

import io.graphupload.core.Mailbox;
import io.graphupload.core.Nullable;
import io.graphupload.core.OutlookItem;
import io.graphupload.core.UploadRequest;
import io.graphupload.core.Uploader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code graph-upload attach}: attaches files to a message or an event. */
@Command(
    name = "attach",
    description = {
      "Attaches each FILE to a message or event: files under 3 MB in one request, larger ones"
          + " (up to 150 MB) through a resumable upload session. Prints one line per file with"
          + " its attachment id.",
      "",
      "Example: graph-upload attach report.pdf --message AAMkAGI2...",
      ""
    })
final class AttachCommand implements Callable<Integer> {
  private final CliContext context;

  @ParentCommand RootCommand root;

  @Parameters(paramLabel = "FILE", arity = "1..*", description = "The files to attach.")
  List<Path> files = new ArrayList<>();

  @ArgGroup(exclusive = true, multiplicity = "1")
  Target target;

  @Option(
      names = "--user",
      paramLabel = "ID_OR_UPN",
      description = "Whose mailbox: a user id or principal name. Default: the signed-in user.")
  @Nullable
  String user;

  @Option(
      names = "--name",
      paramLabel = "NAME",
      description = "The attachment's name. Default: the file's. Only with one FILE.")
  @Nullable
  String name;

  @Option(
      names = "--content-type",
      paramLabel = "TYPE",
      description = "The MIME type. Default: guessed from the file.")
  @Nullable
  String contentType;

  @Option(
      names = "--inline",
      description = "Show the attachment in the body, where it says <img src=\"cid:CID\">.")
  boolean inline;

  @Option(
      names = "--content-id",
      paramLabel = "CID",
      description = "The id the body refers to; needed with --inline.")
  @Nullable
  String contentId;

  @Option(
      names = "--parallel",
      paramLabel = "N",
      description = "Files in flight at once, 1 to 4 (Outlook's limit per mailbox). Default: 1.")
  int parallel = 1;

  /** Where the files go: exactly one of these. */
  static final class Target {
    @Option(names = "--message", paramLabel = "ID", required = true, description = "A message.")
    @Nullable
    String message;

    @Option(names = "--event", paramLabel = "ID", required = true, description = "An event.")
    @Nullable
    String event;
  }

  AttachCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    checkOptions();
    try (Session session = Session.open(context, root)) {
      Uploader uploader = session.uploader();
      OutlookItem item = item();
      List<UploadBatch.Preparation> preparations = new ArrayList<>();
      for (Path file : files) {
        preparations.add(UploadBatch.Preparation.attach(uploader, request(file, item)));
      }
      return new UploadBatch(session, true, parallel, true).run(preparations);
    }
  }

  private void checkOptions() {
    if (parallel < 1 || parallel > UploadBatch.MAX_PARALLEL) {
      throw new UsageException(
          "--parallel must be from 1 to "
              + UploadBatch.MAX_PARALLEL
              + ", Outlook's limit of requests at once per mailbox; got "
              + parallel
              + ".");
    }
    if (name != null && files.size() > 1) {
      throw new UsageException(
          "--name names one attachment, but " + files.size() + " files were given.");
    }
    if (inline && contentId == null) {
      throw new UsageException(
          "--inline needs --content-id CID, the name the message body uses in"
              + " <img src=\"cid:CID\">.");
    }
    if (contentId != null && !inline) {
      throw new UsageException("--content-id goes with --inline; add --inline.");
    }
    if (inline && files.size() > 1) {
      throw new UsageException(
          "--content-id names one inline attachment, but " + files.size() + " files were given.");
    }
    if (name != null && name.isBlank() || contentType != null && contentType.isBlank()) {
      throw new UsageException("--name and --content-type must not be blank.");
    }
  }

  private OutlookItem item() {
    Mailbox mailbox;
    if (user == null) {
      mailbox = Mailbox.me();
    } else if (user.isBlank()) {
      throw new UsageException(
          "--user must not be blank; give a user id or principal name, or leave it out.");
    } else {
      mailbox = Mailbox.user(user.strip());
    }
    if (target.message != null) {
      return OutlookItem.message(mailbox, nonBlank(target.message, "--message"));
    }
    return OutlookItem.event(mailbox, nonBlank(target.event, "--event"));
  }

  private static String nonBlank(@Nullable String id, String option) {
    if (id == null || id.isBlank()) {
      throw new UsageException(option + " must not be blank; give the item's Graph id.");
    }
    return id.strip();
  }

  private UploadRequest request(Path file, OutlookItem item) {
    UploadRequest request = UploadRequest.of(file, item);
    if (name != null) {
      request = request.withName(name);
    }
    if (contentType != null) {
      request = request.withContentType(contentType);
    }
    if (inline && contentId != null) {
      request = request.inline(contentId);
    }
    return request;
  }
}
