package io.graphupload.emulator.internal;

/** The emulator's own addresses, known once the server is bound to its port. */
final class Endpoints {
  private final String graphBase;
  private final String uploadBase;

  Endpoints(String host, String uploadHost, int port) {
    this.graphBase = "http://" + bracket(host) + ":" + port;
    this.uploadBase = "http://" + bracket(uploadHost) + ":" + port;
  }

  /** Scheme, host and port of the Graph root, without a version. */
  String graphBase() {
    return graphBase;
  }

  String outlookUploadUrl(UploadSession session, String tenantId) {
    OutlookTarget target = session.outlook();
    return uploadBase
        + "/api/v2.0/Users('"
        + target.mailbox().id()
        + "@"
        + tenantId
        + "')/"
        + target.itemType().uploadSegment
        + "('"
        + target.itemId()
        + "')/AttachmentSessions('"
        + session.id()
        + "')?authtoken="
        + session.secret();
  }

  String outlookAttachmentLocation(OutlookTarget target, String tenantId, String attachmentId) {
    return uploadBase
        + "/api/v2.0/Users('"
        + target.mailbox().id()
        + "@"
        + tenantId
        + "')/"
        + target.itemType().uploadSegment
        + "('"
        + target.itemId()
        + "')/Attachments('"
        + attachmentId
        + "')";
  }

  String driveUploadUrl(UploadSession session) {
    DriveTarget target = session.drive();
    return uploadBase
        + "/_api/v2.0/drives/"
        + target.drive().id()
        + "/items/"
        + target.parentId()
        + "/uploadSession?guid='"
        + session.id()
        + "'&overwrite=True&rename=False&dc=0&tempauth="
        + session.secret();
  }

  private static String bracket(String host) {
    return host.contains(":") ? "[" + host + "]" : host;
  }
}
