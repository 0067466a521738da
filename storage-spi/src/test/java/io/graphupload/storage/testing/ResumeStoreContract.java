package io.graphupload.storage.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.graphupload.core.Attachment;
import io.graphupload.core.Checkpoint;
import io.graphupload.core.FileIdentity;
import io.graphupload.core.Mailbox;
import io.graphupload.core.OutlookItem;
import io.graphupload.core.UploadTarget;
import io.graphupload.core.spi.ResumeStore;
import io.graphupload.core.spi.ResumeStore.Lease;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The behaviour every {@link ResumeStore} must show, as JUnit 5 tests that a store's own test class
 * inherits. Both built-in stores pass it; a storage plugin proves itself by passing it too.
 *
 * <p>Depend on {@code io.graphupload:graph-upload-storage-spi} with classifier {@code tests} in
 * test scope, next to JUnit Jupiter, and extend this class:
 *
 * <pre>{@code
 * class RedisResumeStoreTest extends ResumeStoreContract {
 *   private final String keyspace = "test-" + UUID.randomUUID();
 *
 *   protected ResumeStore newStore() {
 *     return new RedisResumeStore(REDIS_URL, keyspace);
 *   }
 *
 *   protected ResumeStore reopen(ResumeStore store) {
 *     return new RedisResumeStore(REDIS_URL, keyspace); // what a restarted process would see
 *   }
 * }
 * }</pre>
 *
 * <p>The tests check that a checkpoint comes back exactly as saved, field by field (no expiration,
 * inline attachments, other users' mailboxes, events, non-ASCII names, nanosecond instants); that
 * loading an unknown upload gives empty; that listing returns every checkpoint oldest first by
 * {@link Checkpoint#createdAt()}; that deleting removes one checkpoint and deleting an unknown one
 * is no error; that a save replaces the checkpoint of the same upload; that checkpoints survive
 * {@link #reopen reopening}; that many threads saving different and the same uploads at once always
 * leave exactly one complete checkpoint per upload; that a crash between writing and publishing a
 * checkpoint leaves the previous one intact; and that a claim from {@link ResumeStore#tryLock}
 * excludes every other claim, through this store or a reopened one, until its lease closes.
 *
 * <p>Three hooks adapt the kit to a store:
 *
 * <ul>
 *   <li>{@link #newStore()}, required: an empty store over storage that no other test uses;
 *   <li>{@link #reopen(ResumeStore)}, for stores that outlive their process: a new instance over
 *       the same storage. The default returns the same instance, which is right for a store that
 *       lives in memory only, and makes the restart tests weaker for any other;
 *   <li>{@link #simulateCrashBetweenWriteAndRename(ResumeStore, Checkpoint)}, for stores that write
 *       in more than one step: leave the storage as a process killed in the middle of a save would.
 *       Without it the crash tests are skipped, and reported as skipped.
 * </ul>
 *
 * <p>Every store that {@code newStore} and {@code reopen} return is closed after its test through
 * {@link ResumeStore#close()}. A test that does not apply to a store can be switched off by
 * overriding it with JUnit's Disabled annotation and a reason.
 *
 * <p>JUnit creates one instance of the subclass per test, so instances need not be thread-safe;
 * some tests start their own threads, which call the store, never the hooks. The kit uses JUnit's
 * assertions only and needs no other test library.
 */
public abstract class ResumeStoreContract {
  /** A creation time with nanoseconds, which stores must keep exactly. */
  protected static final Instant CREATED = Instant.parse("2024-05-01T09:15:30.123456789Z");

  private static final long MIB = 1024 * 1024;
  private static final int THREADS = 8;

  private final List<ResumeStore> opened = new ArrayList<>();

  /**
   * Returns a new, empty store over storage that no other test shares. Called once at the start of
   * each test.
   */
  protected abstract ResumeStore newStore() throws Exception;

  /**
   * Returns a new instance over the same storage as {@code store}, as the next process to start
   * would create it. The default returns {@code store} itself; override it for any store whose
   * checkpoints outlive the process.
   */
  protected ResumeStore reopen(ResumeStore store) throws Exception {
    return store;
  }

  /**
   * Leaves {@code store}'s storage as a process killed during {@code store.save(checkpoint)} would:
   * for a store that writes a temporary copy and then renames it, the temporary copy is complete on
   * disk and the rename never happened. The tests then {@link #reopen} the store and expect the
   * previous checkpoint of that upload, or none, and nothing left over that a listing shows.
   *
   * <p>The default skips those tests. A store whose save is a single indivisible step, such as one
   * map update or one database transaction, may override this to do nothing, since there is no
   * moment between the write and its publication.
   */
  protected void simulateCrashBetweenWriteAndRename(ResumeStore store, Checkpoint checkpoint)
      throws Exception {
    Assumptions.abort(
        getClass().getSimpleName()
            + " does not override simulateCrashBetweenWriteAndRename, so crash safety is untested");
  }

  /**
   * Returns a checkpoint for {@code uploadId} created at {@code createdAt}: a 10 MiB file going to
   * a message in the signed-in user's mailbox, 4 MiB acknowledged, the session expiring a day
   * later.
   */
  protected static Checkpoint checkpoint(String uploadId, Instant createdAt) {
    FileIdentity file =
        new FileIdentity(
            Path.of("reports", "q1.pdf").toAbsolutePath(),
            10 * MIB,
            createdAt.minusSeconds(3600),
            "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
    return new Checkpoint(
        uploadId,
        OutlookItem.message(Mailbox.me(), "AAMkAGI2TG93AAA="),
        Attachment.file("q1.pdf", 10 * MIB, "application/pdf"),
        file,
        "https://outlook.office.com/api/v2.0/Users('a')/Messages('b')/AttachmentSessions('c')"
            + "?authtoken=eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.c2VjcmV0",
        createdAt.plus(Duration.ofDays(1)),
        4 * MIB,
        createdAt,
        createdAt.plusSeconds(90));
  }

  // ---- round trips

  @Test
  void loadReturnsEveryFieldAsSaved() throws Exception {
    ResumeStore store = open();
    Checkpoint saved = checkpoint("upload-1", CREATED);

    store.save(saved);

    assertEquals(Optional.of(saved), store.load("upload-1"));
  }

  @Test
  void loadKeepsMissingExpiration() throws Exception {
    ResumeStore store = open();
    CheckpointDraft draft = new CheckpointDraft(checkpoint("no-expiry", CREATED));
    draft.expiration = null;
    Checkpoint saved = draft.build();

    store.save(saved);

    Checkpoint loaded = store.load("no-expiry").orElseThrow();
    assertNull(loaded.expiration());
    assertEquals(saved, loaded);
  }

  @Test
  void loadKeepsInlineAttachmentWithContentId() throws Exception {
    ResumeStore store = open();
    Attachment inline = new Attachment("logo.png", 5 * MIB, "image/png", true, "logo@mail.local");
    CheckpointDraft draft = new CheckpointDraft(checkpoint("inline", CREATED));
    draft.attachment = inline;
    Checkpoint saved = draft.build();

    store.save(saved);

    Attachment loaded = store.load("inline").orElseThrow().attachment();
    assertEquals(inline, loaded);
    assertTrue(loaded.inline());
    assertEquals("logo@mail.local", loaded.contentId());
  }

  @Test
  void loadKeepsEventInAnotherUsersMailbox() throws Exception {
    ResumeStore store = open();
    UploadTarget event =
        OutlookItem.event(
            Mailbox.user("adele.o'neil+travel@contoso.onmicrosoft.com"), "AAMkAD/+ev==");
    CheckpointDraft draft = new CheckpointDraft(checkpoint("event", CREATED));
    draft.target = event;
    Checkpoint saved = draft.build();

    store.save(saved);

    assertEquals(Optional.of(saved), store.load("event"));
  }

  @Test
  void loadKeepsNonAsciiNames() throws Exception {
    ResumeStore store = open();
    String name = "Résumé – 履歴書 \uD83D\uDCCE \"final\".pdf";
    CheckpointDraft draft = new CheckpointDraft(checkpoint("unicode", CREATED));
    FileIdentity file = draft.file;
    draft.file = new FileIdentity(pathNamed(name), file.size(), file.lastModified(), file.sha256());
    draft.attachment = Attachment.file(name, file.size(), "application/pdf");
    Checkpoint saved = draft.build();

    store.save(saved);

    Checkpoint loaded = store.load("unicode").orElseThrow();
    assertEquals(name, loaded.attachment().name());
    assertEquals(saved, loaded);
  }

  @Test
  void loadKeepsExtremeSizesOffsetsAndInstants() throws Exception {
    ResumeStore store = open();
    long largest = 150 * MIB;
    CheckpointDraft complete = new CheckpointDraft(checkpoint("complete", CREATED));
    complete.attachment = Attachment.file("big.bin", largest, "application/octet-stream");
    complete.file =
        new FileIdentity(
            complete.file.path(), largest, Instant.EPOCH.plusNanos(1), complete.file.sha256());
    complete.acknowledgedOffset = largest;
    complete.updatedAt = Instant.parse("2099-12-31T23:59:59.999999999Z");
    CheckpointDraft untouched = new CheckpointDraft(checkpoint("untouched", CREATED));
    untouched.acknowledgedOffset = 0;

    store.save(complete.build());
    store.save(untouched.build());

    assertEquals(Optional.of(complete.build()), store.load("complete"));
    assertEquals(Optional.of(untouched.build()), store.load("untouched"));
  }

  @Test
  void loadOfUnknownUploadIsEmpty() throws Exception {
    ResumeStore store = open();
    store.save(checkpoint("known", CREATED));

    assertEquals(Optional.empty(), store.load("unknown"));
  }

  // ---- listing, deleting, replacing

  @Test
  void listOfNewStoreIsEmpty() throws Exception {
    assertEquals(List.of(), open().list());
  }

  @Test
  void listReturnsEveryCheckpointOldestFirst() throws Exception {
    ResumeStore store = open();
    Checkpoint oldest = checkpoint("c-oldest", CREATED);
    Checkpoint middle = checkpoint("a-middle", CREATED.plusSeconds(1));
    Checkpoint newest = checkpoint("b-newest", CREATED.plusSeconds(2));
    // The oldest upload was updated last: the order is by creation, not by update or by id.
    Checkpoint oldestUpdatedLast = oldest.acknowledge(5 * MIB, null, CREATED.plusSeconds(600));

    store.save(newest);
    store.save(oldestUpdatedLast);
    store.save(middle);

    assertEquals(List.of(oldestUpdatedLast, middle, newest), store.list());
  }

  @Test
  void deleteRemovesOnlyThatCheckpoint() throws Exception {
    ResumeStore store = open();
    Checkpoint kept = checkpoint("kept", CREATED);
    store.save(kept);
    store.save(checkpoint("deleted", CREATED.plusSeconds(1)));

    store.delete("deleted");

    assertEquals(Optional.empty(), store.load("deleted"));
    assertEquals(List.of(kept), store.list());
  }

  @Test
  void deletingUnknownUploadIsNoError() throws Exception {
    ResumeStore store = open();
    store.delete("never-saved");

    store.save(checkpoint("once", CREATED));
    store.delete("once");
    store.delete("once");

    assertEquals(List.of(), store.list());
  }

  @Test
  void saveReplacesCheckpointOfSameUpload() throws Exception {
    ResumeStore store = open();
    Checkpoint first = checkpoint("upload", CREATED);
    Checkpoint second = first.acknowledge(8 * MIB, CREATED.plus(Duration.ofDays(2)), CREATED);

    store.save(first);
    store.save(second);

    assertEquals(Optional.of(second), store.load("upload"));
    assertEquals(List.of(second), store.list());
  }

  @Test
  void checkpointsSurviveReopening() throws Exception {
    ResumeStore store = open();
    Checkpoint kept = checkpoint("kept", CREATED);
    Checkpoint replaced = checkpoint("replaced", CREATED.plusSeconds(1));
    Checkpoint replacement = replaced.acknowledge(6 * MIB, null, CREATED.plusSeconds(5));
    store.save(kept);
    store.save(replaced);
    store.save(replacement);
    store.save(checkpoint("deleted", CREATED.plusSeconds(2)));
    store.delete("deleted");

    ResumeStore reopened = track(reopen(store));

    assertEquals(Optional.of(kept), reopened.load("kept"));
    assertEquals(Optional.of(replacement), reopened.load("replaced"));
    assertEquals(Optional.empty(), reopened.load("deleted"));
    assertEquals(List.of(kept, replacement), reopened.list());
  }

  // ---- concurrency

  @Test
  @Timeout(60) // guards against a deadlocked store hanging the build; not a speed requirement
  void concurrentWritersOfDifferentUploadsLoseNothing() throws Exception {
    ResumeStore store = open();
    int perThread = 6;

    Concurrently.run(
        THREADS,
        thread -> {
          for (int i = 0; i < perThread; i++) {
            store.save(checkpoint("t" + thread + "-" + i, CREATED.plusSeconds(thread * 100 + i)));
          }
          return null;
        });

    List<Checkpoint> expected = new ArrayList<>();
    for (int thread = 0; thread < THREADS; thread++) {
      for (int i = 0; i < perThread; i++) {
        expected.add(checkpoint("t" + thread + "-" + i, CREATED.plusSeconds(thread * 100 + i)));
      }
    }
    assertEquals(expected, store.list());
  }

  @Test
  @Timeout(60) // guards against a deadlocked store hanging the build; not a speed requirement
  void concurrentWritersOfOneUploadLeaveOneCompleteCheckpoint() throws Exception {
    ResumeStore store = open();
    Checkpoint base = checkpoint("shared", CREATED);
    store.save(base);
    int perThread = 6;
    Set<Checkpoint> written = ConcurrentHashMap.newKeySet();
    written.add(base);

    // Half the threads write versions that differ in every mutable field; the others read, and
    // every read must be one whole version, never a mix of two.
    Concurrently.run(
        THREADS,
        thread -> {
          for (int i = 0; i < perThread; i++) {
            if (thread % 2 == 0) {
              Checkpoint version = version(base, thread * perThread + i);
              written.add(version);
              store.save(version);
            } else {
              Checkpoint seen = store.load("shared").orElseThrow();
              assertTrue(isVersionOf(base, seen), () -> "a mixed checkpoint was read: " + seen);
            }
          }
          return null;
        });

    Checkpoint last = store.load("shared").orElseThrow();
    assertTrue(written.contains(last), () -> "not one of the versions written: " + last);
    assertEquals(List.of(last), store.list());
  }

  @Test
  @Timeout(60) // guards against a deadlocked store hanging the build; not a speed requirement
  void concurrentClaimsOnOneUploadGrantExactlyOne() throws Exception {
    ResumeStore store = open();

    List<Optional<Lease>> claims = Concurrently.run(THREADS, thread -> store.tryLock("contested"));

    List<Lease> granted = claims.stream().flatMap(Optional::stream).toList();
    assertEquals(1, granted.size(), "claims granted");
    granted.get(0).close();
    store.tryLock("contested").orElseThrow().close();
  }

  // ---- crash between write and rename

  @Test
  void crashBetweenWriteAndRenameKeepsPreviousCheckpoint() throws Exception {
    ResumeStore store = open();
    Checkpoint previous = checkpoint("crashed", CREATED);
    Checkpoint interrupted = previous.acknowledge(8 * MIB, null, CREATED.plusSeconds(30));
    store.save(previous);

    simulateCrashBetweenWriteAndRename(store, interrupted);
    ResumeStore restarted = track(reopen(store));

    assertEquals(Optional.of(previous), restarted.load("crashed"));
    assertEquals(List.of(previous), restarted.list());
    restarted.save(interrupted);
    assertEquals(Optional.of(interrupted), restarted.load("crashed"));
    assertEquals(List.of(interrupted), restarted.list());
  }

  @Test
  void crashDuringFirstSaveLeavesNoCheckpoint() throws Exception {
    ResumeStore store = open();
    Checkpoint other = checkpoint("other", CREATED);
    store.save(other);

    simulateCrashBetweenWriteAndRename(store, checkpoint("first", CREATED.plusSeconds(1)));
    ResumeStore restarted = track(reopen(store));

    assertEquals(Optional.empty(), restarted.load("first"));
    assertEquals(List.of(other), restarted.list());
  }

  // ---- claims

  @SuppressWarnings("try") // the lease is held through the block, not used in it
  @Test
  void secondClaimIsRefusedUntilFirstLeaseCloses() throws Exception {
    ResumeStore store = open();

    Lease first = store.tryLock("upload").orElseThrow();
    assertEquals(Optional.empty(), store.tryLock("upload"));
    first.close();

    try (Lease second = store.tryLock("upload").orElseThrow()) {
      assertEquals(Optional.empty(), store.tryLock("upload"));
    }
  }

  @SuppressWarnings("try") // the lease is held through the block, not used in it
  @Test
  void claimIsRefusedThroughReopenedStoreWhileHeld() throws Exception {
    ResumeStore store = open();
    store.save(checkpoint("upload", CREATED));
    ResumeStore other = track(reopen(store));

    try (Lease held = store.tryLock("upload").orElseThrow()) {
      assertEquals(Optional.empty(), other.tryLock("upload"));
    }

    other.tryLock("upload").orElseThrow().close();
  }

  @SuppressWarnings("try") // the lease is held through the block, not used in it
  @Test
  void claimsOnDifferentUploadsAreIndependent() throws Exception {
    ResumeStore store = open();

    try (Lease one = store.tryLock("one").orElseThrow();
        Lease two = store.tryLock("two").orElseThrow()) {
      assertEquals(Optional.empty(), store.tryLock("one"));
      assertEquals(Optional.empty(), store.tryLock("two"));
    }
  }

  @Test
  void closingLeaseTwiceDoesNotReleaseTheNextClaim() throws Exception {
    ResumeStore store = open();
    Lease first = store.tryLock("upload").orElseThrow();
    first.close();
    Lease second = store.tryLock("upload").orElseThrow();

    first.close();

    assertEquals(Optional.empty(), store.tryLock("upload"));
    second.close();
    second.close();
    store.tryLock("upload").orElseThrow().close();
  }

  @SuppressWarnings("try") // the lease is held through the block, not used in it
  @Test
  void claimHoldsWhileItsCheckpointIsSavedAndDeleted() throws Exception {
    ResumeStore store = open();

    try (Lease held = store.tryLock("upload").orElseThrow()) {
      store.save(checkpoint("upload", CREATED));
      store.delete("upload");
      assertEquals(Optional.empty(), store.tryLock("upload"));
      store.save(checkpoint("upload", CREATED));
      assertEquals(Optional.empty(), store.tryLock("upload"));
    }

    assertEquals(Optional.of(checkpoint("upload", CREATED)), store.load("upload"));
    store.tryLock("upload").orElseThrow().close();
  }

  // ---- helpers

  @AfterEach
  void closeStores() throws Exception {
    for (ResumeStore store : opened) {
      store.close();
    }
  }

  private ResumeStore open() throws Exception {
    return track(newStore());
  }

  private ResumeStore track(ResumeStore store) {
    if (opened.stream().noneMatch(known -> known == store)) {
      opened.add(store);
    }
    return store;
  }

  /** Returns the {@code n}-th version of {@code base}: every field that changes, changed. */
  private static Checkpoint version(Checkpoint base, int n) {
    Instant at = base.createdAt().plusSeconds(n + 1);
    CheckpointDraft draft =
        new CheckpointDraft(base.acknowledge(n * 1024L, at.plus(Duration.ofHours(n)), at));
    draft.uploadUrl = base.uploadUrl() + "&version=" + n;
    return draft.build();
  }

  /** Returns whether {@code seen} is exactly one of {@code base}'s versions, or {@code base}. */
  private static boolean isVersionOf(Checkpoint base, Checkpoint seen) {
    if (seen.equals(base)) {
      return true;
    }
    long n = seen.acknowledgedOffset() / 1024L;
    return n <= Integer.MAX_VALUE && seen.equals(version(base, (int) n));
  }

  private static Path pathNamed(String fileName) {
    Path directory = Path.of("documents").toAbsolutePath();
    try {
      return directory.resolve(fileName);
    } catch (InvalidPathException e) {
      // A platform whose file names cannot hold these characters never saves such a path.
      return directory.resolve("resume.pdf");
    }
  }
}
