package io.graphupload.emulator.internal;

import io.graphupload.emulator.ClientRule;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Outlook's per-mailbox concurrency limit: a request over the limit is answered 429 and recorded as
 * a broken rule. A request keeps its slot while an injected latency runs, so a slow request
 * occupies the mailbox as it would on the real service.
 */
// TODO: only the concurrency limit is emulated; Outlook's 10,000 requests per 10 minutes and
// 150 MB of uploads per 5 minutes per app and mailbox are not, so a client that floods one
// mailbox is not throttled here as it would be in a tenant.
final class MailboxThrottle {
  private final Settings settings;
  private final ViolationLog violations;
  private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();

  MailboxThrottle(Settings settings, ViolationLog violations) {
    this.settings = settings;
    this.violations = violations;
  }

  /**
   * Takes a slot for the mailbox, then waits out the call's latency.
   *
   * @throws GraphException 429 {@code ApplicationThrottled} when the mailbox is busy
   */
  Slot enter(MailboxState mailbox, HttpCall call, UploadSession session) throws IOException {
    int limit = settings.mailboxConcurrencyLimit();
    AtomicInteger count = inFlight.computeIfAbsent(mailbox.id(), id -> new AtomicInteger());
    int now = count.incrementAndGet();
    Runnable release = call.beforeAnswer(count::decrementAndGet);
    Slot slot = release::run;
    if (limit > 0 && now > limit) {
      slot.close();
      String detail =
          now
              + " requests in flight for mailbox "
              + mailbox.userPrincipalName()
              + "; at most "
              + limit
              + " are allowed";
      var violation =
          violations.record(
              ClientRule.MAILBOX_CONCURRENCY_EXCEEDED,
              detail,
              session == null ? null : session.id(),
              call);
      if (session != null) {
        session.record(violation);
      }
      throw new GraphException(
              429, "ApplicationThrottled", "Application is over its MailboxConcurrency limit.")
          .withHeader("Retry-After", "1");
    }
    try {
      call.applyLatency();
    } catch (IOException e) {
      slot.close();
      throw e;
    }
    return slot;
  }

  /** Requests in flight for a mailbox right now. */
  int inFlight(MailboxState mailbox) {
    AtomicInteger count = inFlight.get(mailbox.id());
    return count == null ? 0 : count.get();
  }

  /** A held slot; closing it (again) frees the slot once. */
  interface Slot extends AutoCloseable {
    @Override
    void close();
  }
}
