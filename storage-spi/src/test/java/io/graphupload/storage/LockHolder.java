package io.graphupload.storage;

import io.graphupload.core.spi.ResumeStore.Lease;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Run in a child JVM by {@link CrossProcessLockTest}: tries to claim an upload in a state
 * directory, prints {@code locked} or {@code refused}, and keeps the claim until a line arrives on
 * its standard input.
 */
final class LockHolder {
  private LockHolder() {}

  public static void main(String[] args) throws Exception {
    FileResumeStore store = FileResumeStore.create(Path.of(args[0]));
    Optional<Lease> lease = store.tryLock(args[1]);
    System.out.println(lease.isPresent() ? "locked" : "refused");
    System.out.flush();

    new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    if (lease.isPresent()) {
      lease.get().close();
    }
  }
}
