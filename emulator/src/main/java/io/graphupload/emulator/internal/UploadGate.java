package io.graphupload.emulator.internal;

import io.graphupload.emulator.ClientRule;
import io.graphupload.emulator.FaultRule;
import io.graphupload.emulator.FaultType;
import io.graphupload.emulator.SessionState;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Checks every request to an upload URL before its method is handled. */
final class UploadGate {
  private final EmulatorCore core;

  UploadGate(EmulatorCore core) {
    this.core = core;
  }

  /**
   * Applies session faults, then refuses requests that carry an Authorization header or a wrong URL
   * token, and requests to sessions that are over.
   *
   * @throws GraphException the refusal, with any broken rule already recorded
   */
  void check(HttpCall call, FaultPlan plan, UploadSession session, String tokenParameter) {
    applySessionFault(plan.sessionAction(), session);
    boolean outlook = session.outlook() != null;
    if (call.header("Authorization") != null) {
      violate(
          call,
          session,
          ClientRule.AUTHORIZATION_ON_UPLOAD_URL,
          "The upload URL is pre-authenticated; the request carried an Authorization header");
      throw new GraphException(
          401,
          outlook ? "InvalidAudienceForResource" : "unauthenticated",
          "The audience claim value is invalid for current resource. Do not send an"
              + " Authorization header to the upload URL.");
    }
    String token = call.query(tokenParameter);
    if (token == null || !sameSecret(token, session.secret())) {
      violate(
          call,
          session,
          ClientRule.INVALID_UPLOAD_TOKEN,
          "The upload URL's " + tokenParameter + " was missing or altered; use the URL as given");
      throw new GraphException(
          401,
          outlook ? "InvalidAuthenticationToken" : "unauthenticated",
          "The upload URL's token is not valid. Use the uploadUrl exactly as it was returned.");
    }
    if (!session.live(core.clock.instant())) {
      throw gone(plan, outlook);
    }
  }

  /** The answer for a session that expired, was deleted, completed or failed. */
  static GraphException gone(FaultPlan plan, boolean outlook) {
    FaultRule as401 = plan.expiredAs401();
    if (as401 != null) {
      String code = as401.errorCode();
      return new GraphException(
              401,
              code != null ? code : outlook ? "InvalidAuthenticationToken" : "unauthenticated",
              "The upload session's access token has expired.")
          .withInnerCode("expiredToken");
    }
    if (outlook) {
      return GraphException.notFound(
          "ErrorItemNotFound", "The upload session was not found; it may have expired.");
    }
    return GraphException.notFound("itemNotFound", "The upload session was not found.");
  }

  void violate(HttpCall call, UploadSession session, ClientRule rule, String detail) {
    session.record(core.violations.record(rule, detail, session.id(), call));
  }

  private void applySessionFault(FaultRule rule, UploadSession session) {
    if (rule == null) {
      return;
    }
    boolean expire = rule.type() == FaultType.EXPIRE_SESSION;
    session.end(expire ? SessionState.EXPIRED : SessionState.DELETED);
    if (!expire) {
      core.blobs.delete(session.file());
    }
  }

  private static boolean sameSecret(String given, String expected) {
    return MessageDigest.isEqual(
        given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
  }
}
