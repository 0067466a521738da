package io.graphupload.cli;

import io.graphupload.core.Checkpoint;
import io.graphupload.core.UploadException;
import io.graphupload.core.UploadException.Category;
import io.graphupload.core.Uploader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code graph-upload cancel}: deletes unfinished uploads' sessions and checkpoints. */
@Command(
    name = "cancel",
    description = {
      "Cancels unfinished uploads: deletes each one's upload session on the server and its"
          + " checkpoint. The attachment is not created.",
      "",
      "Example: graph-upload cancel 3f9a1c0b7e42",
      ""
    })
final class CancelCommand implements Callable<Integer> {
  private final CliContext context;

  @ParentCommand RootCommand root;

  @Parameters(paramLabel = "UPLOAD_ID", arity = "1..*", description = "Uploads to cancel.")
  List<String> ids = new ArrayList<>();

  CancelCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws UploadException {
    try (Session session = Session.open(context, root)) {
      Uploader uploader = session.uploader();
      Map<String, Checkpoint> pending =
          uploader.pending().stream()
              .collect(Collectors.toMap(Checkpoint::uploadId, Function.identity()));
      List<Category> failures = new ArrayList<>();
      for (String id : ids) {
        String uploadId = id.strip();
        try {
          uploader.cancel(uploadId);
          Checkpoint checkpoint = pending.get(uploadId);
          session.streams().out(cancelled(session, uploadId, checkpoint));
        } catch (UploadException e) {
          session.output().rejected(null, uploadId, e);
          failures.add(e.category());
        }
      }
      return ExitCode.worst(failures).code();
    }
  }

  private static String cancelled(Session session, String uploadId, Checkpoint checkpoint) {
    if (session.json()) {
      return JsonOutput.write(
          json -> {
            json.name("event").value("cancelled");
            json.name("uploadId").value(uploadId);
            json.name("file")
                .value(checkpoint == null ? null : checkpoint.file().path().toString());
          });
    }
    return checkpoint == null
        ? "Cancelled upload " + uploadId + "."
        : "Cancelled upload " + uploadId + " of " + checkpoint.file().path() + ".";
  }
}
