package io.graphupload.emulator.internal;

import java.io.IOException;
import java.time.Clock;

/** The emulator's state and services, shared by every handler. */
public final class EmulatorCore {
  final Settings settings;
  final Clock clock;
  final FaultEngine faults = new FaultEngine();
  final ViolationLog violations = new ViolationLog();
  final SessionRegistry sessions = new SessionRegistry();
  final RequestJournal journal = new RequestJournal();
  final RequestsInFlight inFlight = new RequestsInFlight();
  final MailStore mail;
  final DriveStore drives;
  final BlobStore blobs;
  final GraphAuth auth;
  final MailboxThrottle throttle;
  private volatile Endpoints endpoints;

  public EmulatorCore(Settings settings) throws IOException {
    this.settings = settings;
    this.clock = settings.clock;
    this.mail = new MailStore(settings.signedInUser, settings.otherUsers);
    this.drives = new DriveStore(mail, settings.clock);
    this.blobs = new BlobStore(settings.dataDirectory);
    this.auth = new GraphAuth(settings, mail, violations);
    this.throttle = new MailboxThrottle(settings, violations);
  }

  void bind(int port) {
    endpoints = new Endpoints(settings.host, settings.uploadHost, port);
  }

  Endpoints endpoints() {
    return endpoints;
  }

  public Settings settings() {
    return settings;
  }

  public FaultEngine faults() {
    return faults;
  }

  public ViolationLog violations() {
    return violations;
  }

  public SessionRegistry sessions() {
    return sessions;
  }

  public MailStore mail() {
    return mail;
  }

  public DriveStore drives() {
    return drives;
  }

  public RequestJournal journal() {
    return journal;
  }

  public RequestsInFlight inFlight() {
    return inFlight;
  }

  /** Forgets every item, file, session, fault and request; users and settings stay. */
  public void reset() {
    faults.clear();
    violations.clear();
    sessions.clear();
    journal.clear();
    mail.clearItems();
    drives.clear();
    blobs.clear();
  }
}
