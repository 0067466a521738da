package io.graphupload.emulator.internal;

import io.graphupload.emulator.FaultRule;
import io.graphupload.emulator.RecordedRequest;
import io.graphupload.emulator.SessionReport;
import io.graphupload.emulator.SessionState;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The admin API under {@code /_emulator/}: faults, reports and settings. No auth: loopback. */
final class AdminApi {
  private static final long BODY_LIMIT = 1024 * 1024;
  private final EmulatorCore core;

  AdminApi(EmulatorCore core) {
    this.core = core;
  }

  void handle(HttpCall call) throws IOException {
    String[] parts = call.path().substring("/_emulator".length()).split("/");
    List<String> segments = new ArrayList<>();
    for (String part : parts) {
      if (!part.isEmpty()) {
        segments.add(part);
      }
    }
    String first = segments.isEmpty() ? "" : segments.get(0);
    try {
      switch (first) {
        case "health":
          call.sendJson(200, Map.of("status", "ok", "graph", core.endpoints().graphBase()));
          break;
        case "settings":
          settings(call);
          break;
        case "faults":
          faults(call, segments);
          break;
        case "sessions":
          sessions(call, segments);
          break;
        case "violations":
          only(call, "GET");
          call.sendJson(200, Map.of("value", AdminJson.violations(core.violations.all())));
          break;
        case "requests":
          requests(call);
          break;
        case "users":
          users(call);
          break;
        case "reset":
          only(call, "POST");
          core.reset();
          call.sendEmpty(204);
          break;
        default:
          throw GraphException.notFound(
              "NotFound",
              "Unknown admin resource '/_emulator/"
                  + first
                  + "'; see health, settings, faults, sessions, violations, requests, users,"
                  + " reset.");
      }
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw GraphException.badRequest("BadRequest", e.getMessage());
    }
  }

  private void settings(HttpCall call) throws IOException {
    Settings settings = core.settings;
    if (call.method().equals("PATCH")) {
      Map<String, Object> changes = Json.object(call.readBody(BODY_LIMIT), "settings");
      if (Json.get(changes, "statusQueries") != null) {
        settings.statusQueries(Json.bool(changes, "statusQueries", true));
      }
      Long limit = Json.wholeNumber(changes, "messageSizeLimit");
      if (limit != null) {
        settings.messageSizeLimit(limit);
      }
      Long concurrency = Json.wholeNumber(changes, "mailboxConcurrencyLimit");
      if (concurrency != null) {
        settings.mailboxConcurrencyLimit(Math.toIntExact(concurrency));
      }
      Long lifetime = Json.wholeNumber(changes, "sessionLifetimeSeconds");
      if (lifetime != null) {
        settings.sessionLifetime(Duration.ofSeconds(lifetime));
      }
    } else {
      only(call, "GET");
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("statusQueries", settings.statusQueries());
    json.put("messageSizeLimit", settings.messageSizeLimit());
    json.put("mailboxConcurrencyLimit", settings.mailboxConcurrencyLimit());
    json.put("sessionLifetimeSeconds", settings.sessionLifetime().toSeconds());
    json.put("signedInUser", core.mail.signedIn().userPrincipalName());
    json.put("tenantId", core.mail.tenantId());
    call.sendJson(200, json);
  }

  private void faults(HttpCall call, List<String> segments) throws IOException {
    if (segments.size() == 2) {
      only(call, "DELETE");
      if (!core.faults.remove(segments.get(1))) {
        throw GraphException.notFound("NotFound", "No fault rule '" + segments.get(1) + "'.");
      }
      call.sendEmpty(204);
      return;
    }
    switch (call.method()) {
      case "GET":
        call.sendJson(200, Map.of("value", listRules()));
        break;
      case "POST":
        Object body = Json.value(call.readBody(BODY_LIMIT));
        List<FaultRule> parsed = new ArrayList<>();
        for (Object entry : body instanceof List ? (List<?>) body : List.of(body)) {
          if (!(entry instanceof Map)) {
            throw GraphException.badRequest("BadRequest", "Each fault rule is a JSON object.");
          }
          @SuppressWarnings("unchecked") // Moshi reads JSON objects as Map<String, Object>.
          Map<String, Object> json = (Map<String, Object>) entry;
          parsed.add(AdminJson.rule(json));
        }
        List<Object> added = new ArrayList<>();
        for (FaultRule rule : parsed) {
          added.add(AdminJson.rule(core.faults.add(rule), null));
        }
        call.sendJson(201, body instanceof List ? Map.of("value", added) : added.get(0));
        break;
      case "DELETE":
        core.faults.clear();
        call.sendEmpty(204);
        break;
      default:
        throw GraphRequests.methodNotAllowed(call);
    }
  }

  private List<Object> listRules() {
    Map<String, long[]> counters = core.faults.counters();
    List<Object> rules = new ArrayList<>();
    for (FaultRule rule : core.faults.rules()) {
      rules.add(AdminJson.rule(rule, counters.get(rule.id())));
    }
    return rules;
  }

  private void sessions(HttpCall call, List<String> segments) throws IOException {
    if (segments.size() == 1) {
      only(call, "GET");
      List<Object> reports = new ArrayList<>();
      for (SessionReport report : core.sessions.reports()) {
        reports.add(AdminJson.session(report));
      }
      call.sendJson(200, Map.of("value", reports));
      return;
    }
    UploadSession session =
        core.sessions
            .find(segments.get(1))
            .orElseThrow(
                () -> GraphException.notFound("NotFound", "No session '" + segments.get(1) + "'."));
    if (segments.size() == 3 && segments.get(2).equals("expire")) {
      only(call, "POST");
      session.end(SessionState.EXPIRED);
      call.sendEmpty(204);
    } else if (segments.size() == 2 && call.method().equals("DELETE")) {
      session.end(SessionState.DELETED);
      core.blobs.delete(session.file());
      call.sendEmpty(204);
    } else if (segments.size() == 2) {
      only(call, "GET");
      call.sendJson(200, AdminJson.session(session.report()));
    } else {
      throw GraphException.notFound("NotFound", "Unknown session resource.");
    }
  }

  private void requests(HttpCall call) throws IOException {
    if (call.method().equals("DELETE")) {
      core.journal.clear();
      call.sendEmpty(204);
      return;
    }
    only(call, "GET");
    List<Object> list = new ArrayList<>();
    for (RecordedRequest request : core.journal.all()) {
      list.add(AdminJson.request(request));
    }
    call.sendJson(200, Map.of("value", list));
  }

  private void users(HttpCall call) throws IOException {
    if (call.method().equals("POST")) {
      Map<String, Object> body = Json.object(call.readBody(BODY_LIMIT), "a user");
      String upn = Json.string(body, "userPrincipalName");
      if (upn == null || !upn.contains("@")) {
        throw GraphException.badRequest(
            "BadRequest", "A user needs a \"userPrincipalName\" such as alex@contoso.com.");
      }
      MailboxState mailbox = core.mail.add(upn);
      call.sendJson(201, user(mailbox));
      return;
    }
    only(call, "GET");
    List<Object> users = new ArrayList<>();
    core.mail.all().forEach(mailbox -> users.add(user(mailbox)));
    call.sendJson(200, Map.of("value", users));
  }

  private Map<String, Object> user(MailboxState mailbox) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", mailbox.id());
    json.put("userPrincipalName", mailbox.userPrincipalName());
    json.put("signedIn", mailbox == core.mail.signedIn());
    return json;
  }

  private static void only(HttpCall call, String method) {
    if (!call.method().equals(method)) {
      throw GraphRequests.methodNotAllowed(call);
    }
  }
}
