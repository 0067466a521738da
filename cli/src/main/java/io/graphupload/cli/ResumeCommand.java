package io.graphupload.cli;

import io.graphupload.core.Checkpoint;
import io.graphupload.core.UploadException;
import io.graphupload.core.Uploader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code graph-upload resume}: continues unfinished uploads from their checkpoints. */
@Command(
    name = "resume",
    description = {
      "Continues unfinished uploads from their last acknowledged byte, after checking that each"
          + " file is unchanged. `graph-upload status` lists them.",
      "",
      "Example: graph-upload resume 3f9a1c0b7e42",
      ""
    })
final class ResumeCommand implements Callable<Integer> {
  private final CliContext context;

  @ParentCommand RootCommand root;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Which which;

  /** Which uploads to resume. */
  static final class Which {
    @Parameters(paramLabel = "UPLOAD_ID", arity = "1..*", description = "Uploads to resume.")
    List<String> ids = new ArrayList<>();

    @Option(names = "--all", required = true, description = "Resume every pending upload.")
    boolean all;
  }

  @Option(
      names = "--parallel",
      paramLabel = "N",
      description = "Uploads in flight at once, 1 to 4. Default: 1.")
  int parallel = 1;

  ResumeCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws UploadException {
    if (parallel < 1 || parallel > UploadBatch.MAX_PARALLEL) {
      throw new UsageException(
          "--parallel must be from 1 to " + UploadBatch.MAX_PARALLEL + "; got " + parallel + ".");
    }
    try (Session session = Session.open(context, root)) {
      Uploader uploader = session.uploader();
      List<String> ids = which.all ? pendingIds(uploader) : which.ids;
      if (ids.isEmpty()) {
        session.output().note("No pending uploads to resume.");
        return ExitCode.OK.code();
      }
      List<UploadBatch.Preparation> preparations = new ArrayList<>();
      for (String id : ids) {
        preparations.add(UploadBatch.Preparation.resume(uploader, id.strip()));
      }
      // One upload whose file is gone must not hold back the others.
      return new UploadBatch(session, false, parallel, true).run(preparations);
    }
  }

  private static List<String> pendingIds(Uploader uploader) throws UploadException {
    List<String> ids = new ArrayList<>();
    for (Checkpoint checkpoint : uploader.pending()) {
      ids.add(checkpoint.uploadId());
    }
    return ids;
  }
}
