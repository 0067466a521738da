package io.graphupload.transport.retrofit.internal;

import io.graphupload.core.Nullable;
import io.graphupload.core.UploadException.Phase;
import java.time.Duration;

/** The plain sentence that opens an error's message: what happened, and what to do about it. */
final class ErrorSentences {
  static final String MESSAGE_SIZE_EXCEEDED = "ErrorMessageSizeExceeded";
  static final String BELOW_MINIMUM_SIZE = "ErrorAttachmentSizeShouldNotBeLessThanMinimumSize";
  static final String INVALID_AUDIENCE = "InvalidAudienceForResource";
  static final String INVALID_RECIPIENTS = "ErrorInvalidRecipients";
  static final String MAILBOX_NOT_ENABLED = "MailboxNotEnabledForRESTAPI";

  private ErrorSentences() {}

  static String explain(
      int status, @Nullable String code, @Nullable Duration retryAfter, CallContext context) {
    if (MESSAGE_SIZE_EXCEEDED.equalsIgnoreCase(code)) {
      return "The attachment would make the message larger than its mailbox allows. The tenant's"
          + " Exchange administrator sets each mailbox's maximum message size (35 MB by default,"
          + " up to 150 MB): ask them to raise it for this mailbox, or send a smaller file."
          + " Retrying will not help.";
    }
    if (BELOW_MINIMUM_SIZE.equalsIgnoreCase(code)) {
      return "Outlook refuses upload sessions for attachments under its minimum size (about 2"
          + " MiB); send a file that small in one request instead.";
    }
    if (INVALID_RECIPIENTS.equalsIgnoreCase(code)) {
      return "The service refused the recipients of "
          + context.subject()
          + ": at least one address is not valid, or there is none. Correct them in the draft,"
          + " then send it again.";
    }
    if (MAILBOX_NOT_ENABLED.equalsIgnoreCase(code)) {
      return "Graph cannot reach "
          + context.subject()
          + ": the mailbox is not in Exchange Online, is inactive, or its user has no Exchange"
          + " Online licence. Ask the tenant's administrator to check the mailbox.";
    }
    if (status >= 300 && status < 400) {
      return "The service answered with a redirect, which the transport does not follow so that"
          + " tokens and file content never go to another address.";
    }
    return switch (status) {
      case 401 -> unauthorized(code, context);
      case 403 -> forbidden(context);
      case 404 -> notFound(context);
      case 407 ->
          "The proxy refused the request for lack of valid credentials; check the user"
              + " name and password in the proxy setting or in HTTPS_PROXY.";
      case 409 ->
          "The service refused the request because it conflicts with the current state of "
              + context.subject()
              + ".";
      case 413 -> tooLarge(context);
      case 416 ->
          "The service did not expect this range: it already has these bytes, or expects"
              + " others. Continue from the offset the service expects next.";
      case 429 ->
          "The service is throttling requests for this app and mailbox; wait "
              + wait(retryAfter)
              + " before trying again. Outlook allows 4 concurrent requests per app and mailbox.";
      default -> byClass(status);
    };
  }

  private static String unauthorized(@Nullable String code, CallContext context) {
    if (context.uploadUrl() && INVALID_AUDIENCE.equalsIgnoreCase(code)) {
      return "The upload URL refused a Graph access token (InvalidAudienceForResource). This is a"
          + " bug: upload URLs carry their own credentials and must be called without an"
          + " Authorization header. Please report it.";
    }
    if (context.uploadUrl()) {
      return "The upload session is no longer authorized: its URL's token expired or the session"
          + " was cancelled, so the upload must start over in a new session.";
    }
    return "Graph refused the access token, even a freshly fetched one. Sign in again, and check"
        + " that the app has the permission "
        + context.permissions()
        + " with consent.";
  }

  private static String forbidden(CallContext context) {
    if (context.uploadUrl()) {
      return "The upload URL refused access; the session may have been revoked. Start a new"
          + " upload.";
    }
    if (context.otherUsersMailbox() && mailCall(context)) {
      return "Graph denied access to "
          + context.subject()
          + ". With delegated permissions, a shared or another user's mailbox needs the"
          + " permission "
          + context.sharedPermissions()
          + " and access to that mailbox, and even then takes no attachments of 3 MB or more. To"
          + " send such mail, sign in as the app with application permission "
          + context.permissions()
          + " granted by an administrator.";
    }
    if (context.otherUsersMailbox()) {
      return "Graph denied access to "
          + context.subject()
          + ". With delegated permissions, attachments can be added only to the signed-in"
          + " user's own mailbox, not to a shared or another user's mailbox, even with delegate"
          + " access. For such a mailbox, sign in as the app with application permission "
          + context.permissions()
          + " granted by an administrator.";
    }
    return "Graph denied access to "
        + context.subject()
        + ": the signed-in account lacks the permission "
        + context.permissions()
        + ", or an administrator has not consented to it.";
  }

  private static String notFound(CallContext context) {
    if (context.uploadUrl()) {
      return "The upload session no longer exists: it expired or was cancelled, so the upload"
          + " must start over in a new session.";
    }
    if (context.phase() == Phase.CREATE_DRAFT) {
      return "Graph could not find "
          + context.subject()
          + "; check the user's id or principal name.";
    }
    if (context.phase() == Phase.SEND_MESSAGE) {
      return "Graph found no "
          + context.subject()
          + ": it may have been sent already (a sent message moves to Sent Items under a new id)"
          + " or deleted. Check Sent Items before sending it again.";
    }
    if (context.phase() == Phase.CREATE_SESSION || context.phase() == Phase.POST_ATTACHMENT) {
      return "Graph found no "
          + context.subject()
          + "; check the mailbox and the item id, and that the item still exists.";
    }
    return "The service found nothing at the requested address.";
  }

  private static String tooLarge(CallContext context) {
    if (context.phase() == Phase.CREATE_DRAFT) {
      return "The draft was too large for the service: a single Graph request may carry about 4"
          + " MB. Shorten the message body, and send large content as attachments.";
    }
    return "The request was too large for the service. A single Graph request may carry about 4"
        + " MB, so files of 3 MB or more go through an upload session in ranges of at most 4 MiB;"
        + " an answer like this one is a bug in the client.";
  }

  private static boolean mailCall(CallContext context) {
    return context.phase() == Phase.CREATE_DRAFT || context.phase() == Phase.SEND_MESSAGE;
  }

  private static String byClass(int status) {
    if (status >= 500) {
      return "The service failed or is overloaded; try again later.";
    }
    if (status == 400) {
      return "The service refused the request as invalid.";
    }
    return "The service refused the request.";
  }

  private static String wait(@Nullable Duration retryAfter) {
    if (retryAfter == null) {
      return "a while";
    }
    long seconds = Math.max(0, retryAfter.toSeconds());
    return seconds == 1 ? "1 second" : seconds + " seconds";
  }
}
