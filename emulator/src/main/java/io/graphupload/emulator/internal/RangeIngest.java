package io.graphupload.emulator.internal;

import io.graphupload.emulator.ClientRule;
import io.graphupload.emulator.FaultType;
import io.graphupload.emulator.RangeOutcome;
import io.graphupload.emulator.RangeReport;
import java.io.IOException;
import java.security.MessageDigest;

/**
 * A range PUT to an upload URL: every rule checked, the body streamed to disk, and the request
 * recorded in the session report whatever its fate.
 */
final class RangeIngest {
  private final EmulatorCore core;
  private final UploadGate gate;

  RangeIngest(EmulatorCore core, UploadGate gate) {
    this.core = core;
    this.gate = gate;
  }

  void put(
      HttpCall call,
      FaultPlan plan,
      UploadSession session,
      UploadService service,
      String tokenParameter)
      throws IOException {
    String header = call.header("Content-Range");
    ContentRange range = ContentRange.parse(header);
    boolean faulted = false;
    try {
      gate.check(call, plan, session, tokenParameter);
      if (!session.putLock().tryLock()) {
        gate.violate(
            call,
            session,
            ClientRule.CONCURRENT_UPLOAD_REQUEST,
            "A range PUT arrived while another was still in flight; send one at a time");
        throw new GraphException(
            409, "ConcurrentUploadRequest", "Another range for this session is in flight.");
      }
      Runnable unlock = call.beforeAnswer(session.putLock()::unlock);
      try {
        if (plan.terminal(FaultType.STATUS)) {
          faulted = true;
          throw plan.statusError();
        }
        checkRange(call, plan, session, service, header, range);
        service.beforeWrite(call, session, range);
        store(call, plan, session, service, range);
      } finally {
        unlock.run();
      }
    } catch (GraphException e) {
      call.drain();
      session.received(range == null ? -1 : range.start(), call.bytesIn());
      RangeOutcome outcome = faulted ? RangeOutcome.FAULT_STATUS : RangeOutcome.REJECTED;
      session.record(report(header, range, call.bytesIn(), e.status(), outcome));
      throw e;
    }
  }

  /** Records a PUT refused before it reached {@link #put}, such as a throttled one. */
  static void refused(HttpCall call, UploadSession session, GraphException error) {
    call.drain();
    ContentRange range = ContentRange.parse(call.header("Content-Range"));
    session.received(range == null ? -1 : range.start(), call.bytesIn());
    session.record(
        report(
            call.header("Content-Range"),
            range,
            call.bytesIn(),
            error.status(),
            RangeOutcome.REJECTED));
  }

  private void checkRange(
      HttpCall call,
      FaultPlan plan,
      UploadSession session,
      UploadService service,
      String header,
      ContentRange range) {
    String encoding = call.header("Content-Encoding");
    if (encoding != null && !encoding.equalsIgnoreCase("identity")) {
      gate.violate(call, session, ClientRule.COMPRESSED_RANGE, "Content-Encoding: " + encoding);
      throw service.invalidRequest(
          "Ranges must be sent as raw bytes, without Content-Encoding (" + encoding + ").");
    }
    if (header == null) {
      gate.violate(call, session, ClientRule.MISSING_CONTENT_RANGE, "No Content-Range header");
      throw service.invalidRequest(
          "Missing Content-Range header; send 'Content-Range: bytes {start}-{end}/{total}'.");
    }
    if (range == null) {
      gate.violate(call, session, ClientRule.MALFORMED_CONTENT_RANGE, "Content-Range: " + header);
      throw service.invalidRequest(
          "Content-Range '" + header + "' is not of the form 'bytes {start}-{end}/{total}'.");
    }
    session.learnSize(range.total());
    long declared = session.declaredSize();
    if (range.total() != declared) {
      gate.violate(
          call,
          session,
          ClientRule.TOTAL_SIZE_MISMATCH,
          "Content-Range total " + range.total() + " but the session is for " + declared);
      throw service.invalidRequest(
          "Content-Range total "
              + range.total()
              + " differs from the session's size of "
              + declared
              + " bytes.");
    }
    if (range.end() >= declared) {
      gate.violate(
          call, session, ClientRule.MALFORMED_CONTENT_RANGE, "Range ends past the last byte");
      throw service.invalidRequest(
          "Content-Range '" + header + "' ends past the last byte (" + (declared - 1) + ").");
    }
    if (range.length() > service.maxRange()) {
      gate.violate(
          call,
          session,
          ClientRule.RANGE_TOO_LARGE,
          range.length() + " bytes in one range; at most " + service.maxRange());
      throw service.rangeTooLarge(range);
    }
    String contentLength = call.header("Content-Length");
    if (contentLength != null && !contentLength.trim().equals(Long.toString(range.length()))) {
      gate.violate(
          call,
          session,
          ClientRule.LENGTH_MISMATCH,
          "Content-Length " + contentLength + " for a range of " + range.length() + " bytes");
      throw service.invalidRequest(
          "Content-Length "
              + contentLength
              + " does not match Content-Range '"
              + header
              + "' ("
              + range.length()
              + " bytes).");
    }
    long next = session.nextOffset();
    if (range.start() != next) {
      boolean already = range.start() < next;
      gate.violate(
          call,
          session,
          already ? ClientRule.RANGE_ALREADY_RECEIVED : ClientRule.RANGE_OUT_OF_ORDER,
          "Range starts at " + range.start() + " but the next expected byte is " + next);
      throw service.misplacedRange(session, already, plan.rangeErrorsAs400());
    }
  }

  private void store(
      HttpCall call, FaultPlan plan, UploadSession session, UploadService service, ContentRange r)
      throws IOException {
    String header = call.header("Content-Range");
    if (plan.terminal(FaultType.RESET_AFTER_BYTES)) {
      RangeWriter.discard(call.body(), plan.terminal().bytes());
      session.received(r.start(), call.bytesIn());
      session.record(report(header, r, call.bytesIn(), 0, RangeOutcome.RESET_BY_FAULT));
      throw call.drop("resetAfterBytes fault");
    }
    if (plan.terminal(FaultType.STORE_THEN_DROP)) {
      call.dropAnswer();
    }

    MessageDigest digest = session.digestCopy();
    long written;
    try {
      written = RangeWriter.write(call.body(), session.file(), r.start(), r.length(), digest);
    } catch (IOException e) {
      RangeWriter.truncate(session.file(), r.start());
      session.received(r.start(), call.bytesIn());
      session.record(report(header, r, call.bytesIn(), 0, RangeOutcome.INCOMPLETE));
      throw call.drop("the client went away mid-range");
    }
    boolean longer = written == r.length() && call.body().read() >= 0;
    if (written != r.length() || longer) {
      RangeWriter.truncate(session.file(), r.start());
      gate.violate(
          call,
          session,
          ClientRule.LENGTH_MISMATCH,
          "The body was " + (longer ? "longer" : "shorter") + " than " + r.length() + " bytes");
      throw service.invalidRequest(
          "The body length does not match Content-Range '" + header + "'.");
    }

    session.commit(r.end(), digest, core.clock.instant(), core.settings.sessionLifetime());
    boolean last = session.nextOffset() == session.declaredSize();
    Answer answer = last ? service.complete(call, session, plan) : service.progress(session, plan);
    session.received(r.start(), call.bytesIn());
    RangeOutcome outcome = last ? RangeOutcome.COMPLETED : RangeOutcome.STORED;
    if (call.answerDropped()) {
      session.record(report(header, r, call.bytesIn(), 0, RangeOutcome.STORED_THEN_DROPPED));
    } else {
      session.record(report(header, r, call.bytesIn(), answer.status(), outcome));
    }
    answer.send(call);
  }

  private static RangeReport report(
      String header, ContentRange range, long received, int status, RangeOutcome outcome) {
    return new RangeReport(
        header,
        range == null ? -1 : range.start(),
        range == null ? -1 : range.end(),
        received,
        status,
        outcome);
  }
}
