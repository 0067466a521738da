package io.graphupload.core;

import io.graphupload.core.UploadException.Category;
import io.graphupload.core.UploadException.Phase;
import io.graphupload.core.spi.ContentRange;
import io.graphupload.core.spi.RangeAnswer;
import io.graphupload.core.spi.Transport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A scripted stand-in for Graph that behaves like Outlook: ranges strictly in order, 416 for a
 * range it already has, 201 with the attachment id for the last byte. Tests queue faults per
 * operation and read back every request it received.
 */
final class FakeGraph implements Transport {
  enum Op {
    CREATE,
    PUT,
    QUERY,
    DELETE,
    POST,
    DRAFT,
    SEND
  }

  /** What the fake does instead of answering normally. */
  sealed interface Fault {}

  /** Answers with an error. */
  record Refuse(int status, String code, Duration retryAfter) implements Fault {}

  /** Throws before doing anything, as if the connection broke before the request arrived. */
  record LoseRequest() implements Fault {}

  /** Stores the range, then throws, as if the answer was lost on the way back. */
  record LoseAnswer() implements Fault {}

  /** Answers normally; lets a queued fault wait for a later request. */
  record Pass() implements Fault {}

  /** Kills the "process" before the request leaves. */
  record KillBefore() implements Fault {}

  /** Stores the range and kills the "process" before the answer is read. */
  record KillAfterStore() implements Fault {}

  /** Thrown to stand for the death of the process; no engine code catches an Error. */
  static final class Killed extends Error {
    Killed() {
      super("killed", null, false, false);
    }
  }

  static final class Session {
    final String url;
    final long size;
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    long received;
    boolean deleted;
    boolean keepBytes;

    Session(String url, long size, boolean keepBytes) {
      this.url = url;
      this.size = size;
      this.keepBytes = keepBytes;
    }
  }

  final List<String> log = new ArrayList<>();
  final List<ContentRange> puts = new ArrayList<>();
  final Map<String, Session> sessions = new LinkedHashMap<>();
  final Map<String, byte[]> attachments = new LinkedHashMap<>();
  private final Map<Op, Deque<Fault>> faults = new EnumMap<>(Op.class);
  boolean statusQueries = true;
  boolean keepBytes = true;
  boolean rangeConflictAs400;
  Instant expiration = Instant.parse("2030-01-01T00:00:00Z");
  private int nextId = 1;

  FakeGraph fault(Op op, Fault fault) {
    faults.computeIfAbsent(op, key -> new ArrayDeque<>()).add(fault);
    return this;
  }

  /** Lets {@code count} requests of {@code op} pass normally before the next queued fault. */
  FakeGraph pass(Op op, int count) {
    for (int i = 0; i < count; i++) {
      fault(op, new Pass());
    }
    return this;
  }

  private Fault nextFault(Op op) {
    Deque<Fault> queue = faults.get(op);
    return queue == null || queue.isEmpty() ? null : queue.poll();
  }

  Session onlySession() {
    if (sessions.size() != 1) {
      throw new AssertionError("expected one session, found " + sessions.keySet());
    }
    return sessions.values().iterator().next();
  }

  Session lastSession() {
    Session last = null;
    for (Session session : sessions.values()) {
      last = session;
    }
    return last;
  }

  @Override
  public UploadSession createSession(UploadTarget target, Attachment attachment)
      throws IOException, UploadException {
    log.add("CREATE " + target.createSessionPath() + " " + attachment.name());
    throwIfFaulted(Op.CREATE, Phase.CREATE_SESSION);
    String url =
        "https://outlook.example/api/v2.0/AttachmentSessions('s"
            + nextId++
            + "')"
            + "?authtoken=secret"
            + nextId;
    sessions.put(url, new Session(url, attachment.size(), keepBytes));
    return new UploadSession(url, expiration, List.of(ByteRange.parse("0-")));
  }

  @Override
  public RangeAnswer putRange(String uploadUrl, ContentRange range, FileChannel source)
      throws IOException, UploadException {
    log.add("PUT " + range.header());
    puts.add(range);
    Fault fault = nextFault(Op.PUT);
    if (fault instanceof KillBefore) {
      throw new Killed();
    }
    if (fault instanceof LoseRequest) {
      throw new IOException("Connection reset");
    }
    if (fault instanceof Refuse refuse) {
      throw refusal(refuse, Phase.UPLOAD_RANGE);
    }
    Session session = live(uploadUrl, Phase.UPLOAD_RANGE);
    if (range.start() != session.received) {
      throw rangeConflict(session);
    }
    store(session, range, source);
    if (fault instanceof LoseAnswer) {
      throw new IOException("unexpected end of stream");
    }
    if (fault instanceof KillAfterStore) {
      throw new Killed();
    }
    if (session.received == session.size) {
      String id = "att-" + attachments.size();
      attachments.put(id, session.bytes.toByteArray());
      session.deleted = true;
      return new RangeAnswer.Completed(id);
    }
    return new RangeAnswer.Accepted(
        List.of(ByteRange.parse(Long.toString(session.received))), expiration);
  }

  @Override
  public Optional<UploadSession> querySession(String uploadUrl)
      throws IOException, UploadException {
    log.add("QUERY");
    throwIfFaulted(Op.QUERY, Phase.QUERY_SESSION);
    if (!statusQueries) {
      return Optional.empty();
    }
    Session session = live(uploadUrl, Phase.QUERY_SESSION);
    return Optional.of(
        new UploadSession(uploadUrl, expiration, List.of(new ByteRange(session.received, -1))));
  }

  @Override
  public void deleteSession(String uploadUrl) throws IOException, UploadException {
    log.add("DELETE");
    throwIfFaulted(Op.DELETE, Phase.DELETE_SESSION);
    Session session = sessions.get(uploadUrl);
    if (session != null) {
      session.deleted = true;
    }
  }

  @Override
  public String postAttachment(UploadTarget target, Attachment attachment, FileChannel source)
      throws IOException, UploadException {
    log.add("POST " + target.attachmentsPath() + " " + attachment.name() + " " + attachment.size());
    throwIfFaulted(Op.POST, Phase.POST_ATTACHMENT);
    ByteBuffer buffer = ByteBuffer.allocate((int) source.size());
    while (buffer.hasRemaining() && source.read(buffer, buffer.position()) > 0) {
      // positional reads until full
    }
    String id = "att-" + attachments.size();
    attachments.put(id, buffer.array());
    return id;
  }

  @Override
  public String createDraft(Mailbox mailbox, Draft draft) throws IOException, UploadException {
    log.add("DRAFT " + mailbox.path() + " " + draft.subject() + " to " + draft.to());
    throwIfFaulted(Op.DRAFT, Phase.CREATE_DRAFT);
    return "draft-" + nextId++;
  }

  @Override
  public void sendDraft(OutlookItem message) throws IOException, UploadException {
    log.add("SEND " + message.resourcePath());
    throwIfFaulted(Op.SEND, Phase.SEND_MESSAGE);
  }

  /** Marks every session expired, as the service does when it lapses. */
  void expireSessions() {
    sessions.values().forEach(session -> session.deleted = true);
  }

  private void throwIfFaulted(Op op, Phase phase) throws IOException, UploadException {
    Fault fault = nextFault(op);
    if (fault instanceof Refuse refuse) {
      throw refusal(refuse, phase);
    }
    if (fault instanceof LoseRequest || fault instanceof LoseAnswer) {
      throw new IOException("Connection reset");
    }
    if (fault instanceof KillBefore || fault instanceof KillAfterStore) {
      throw new Killed();
    }
  }

  private Session live(String uploadUrl, Phase phase) throws GraphServiceException {
    Session session = sessions.get(uploadUrl);
    if (session == null || session.deleted) {
      throw new GraphServiceException(
          Category.PERMANENT, phase, 404, "itemNotFound", "req-1", null, "session gone");
    }
    return session;
  }

  private GraphServiceException rangeConflict(Session session) {
    int status = rangeConflictAs400 ? 400 : 416;
    return new GraphServiceException(
        Category.PERMANENT,
        Phase.UPLOAD_RANGE,
        status,
        "invalidRange",
        "req-2",
        null,
        "expected byte " + session.received);
  }

  private static GraphServiceException refusal(Refuse refuse, Phase phase) {
    return new GraphServiceException(
        GraphServiceException.categoryOf(refuse.status()),
        phase,
        refuse.status(),
        refuse.code(),
        "req-3",
        refuse.retryAfter(),
        "refused with " + refuse.status() + " " + refuse.code());
  }

  private static void store(Session session, ContentRange range, FileChannel source)
      throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate((int) range.length());
    long position = range.start();
    while (buffer.hasRemaining()) {
      int read = source.read(buffer, position + buffer.position());
      if (read < 0) {
        throw new IOException("file ended early");
      }
    }
    if (session.keepBytes) {
      session.bytes.write(buffer.array(), 0, buffer.capacity());
    }
    session.received += range.length();
  }
}
