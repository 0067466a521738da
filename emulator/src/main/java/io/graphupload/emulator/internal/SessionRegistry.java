package io.graphupload.emulator.internal;

import io.graphupload.emulator.SessionReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every upload session, in creation order. Thread-safe. */
public final class SessionRegistry {
  private final Map<String, UploadSession> sessions = new LinkedHashMap<>();

  synchronized void add(UploadSession session) {
    sessions.put(session.id(), session);
  }

  synchronized Optional<UploadSession> find(String id) {
    return Optional.ofNullable(sessions.get(id));
  }

  synchronized List<UploadSession> all() {
    return new ArrayList<>(sessions.values());
  }

  public List<SessionReport> reports() {
    List<SessionReport> reports = new ArrayList<>();
    all().forEach(session -> reports.add(session.report()));
    return reports;
  }

  public Optional<SessionReport> report(String id) {
    return find(id).map(UploadSession::report);
  }

  synchronized void clear() {
    sessions.clear();
  }
}
