package io.graphupload.emulator.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.graphupload.emulator.FaultRule;
import io.graphupload.emulator.RequestKind;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The HTTP front: classifies each request, applies faults, and hands it to its handler. */
public final class EmulatorServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(EmulatorServer.class);
  private static final String NO_DELAY = "sun.net.httpserver.nodelay";

  private final EmulatorCore core;
  private final OutlookUploads outlook;
  private final DriveUploads drive;
  private final GraphApi graph;
  private final AdminApi admin;
  private HttpServer server;
  private ExecutorService executor;

  public EmulatorServer(EmulatorCore core) {
    this.core = core;
    this.outlook = new OutlookUploads(core);
    this.drive = new DriveUploads(core);
    this.graph = new GraphApi(core);
    this.admin = new AdminApi(core);
  }

  /** Binds and starts serving; returns the port. */
  public int start() throws IOException {
    // Without TCP_NODELAY, Nagle's algorithm and the client's delayed ACK hold every answer for
    // up to 40 ms. The JDK server reads this once, when its first instance is created.
    if (System.getProperty(NO_DELAY) == null) {
      System.setProperty(NO_DELAY, "true");
    }
    InetAddress address = InetAddress.getByName(core.settings.host);
    server = HttpServer.create(new InetSocketAddress(address, core.settings.port), 64);
    executor = Executors.newCachedThreadPool(daemonThreads());
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
    int port = server.getAddress().getPort();
    core.bind(port);
    return port;
  }

  /** The Graph root, such as {@code http://127.0.0.1:8080}. */
  public String graphBase() {
    return core.endpoints().graphBase();
  }

  @Override
  public void close() {
    if (server != null) {
      server.stop(0);
      executor.shutdownNow();
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    core.inFlight.enter();
    try {
      handleCounted(exchange);
    } finally {
      core.inFlight.exit();
    }
  }

  private void handleCounted(HttpExchange exchange) throws IOException {
    HttpCall call = new HttpCall(exchange, core.clock.instant());
    RequestKind kind = null;
    boolean dropped = false;
    try {
      if (call.path().equals("/_emulator") || call.path().startsWith("/_emulator/")) {
        admin.handle(call);
        return;
      }
      kind = classify(call);
      FaultPlan plan = core.faults.evaluate(kind, call.method(), call.path());
      call.addLatency(plan.latencyMillis());
      if (!OutlookUploads.matches(call.path()) && !GraphApi.mailboxScoped(call.path())) {
        call.applyLatency();
      }
      if (kind != RequestKind.UPLOAD_PUT) {
        applyTerminal(call, plan);
      }
      route(call, plan);
    } catch (GraphException e) {
      call.sendError(e);
    } catch (ConnectionDropped e) {
      dropped = true;
      throw e;
    } catch (RuntimeException e) {
      log.error("The emulator failed on {} {}", call.method(), call.redactedTarget(), e);
      call.sendError(
          new GraphException(500, "generalException", "The emulator failed: " + e.getMessage()));
    } finally {
      core.journal.record(call, kind);
      if (!dropped) {
        exchange.close();
      }
    }
  }

  private void route(HttpCall call, FaultPlan plan) throws IOException {
    String path = call.path();
    if (OutlookUploads.matches(path)) {
      outlook.handle(call, plan);
    } else if (DriveUploads.matches(path)) {
      drive.handle(call, plan);
    } else if (GraphApi.version(path) != null) {
      graph.handle(call, plan);
    } else {
      throw GraphException.notFound(
          "NotFound",
          "Nothing is served at '"
              + path
              + "'. The emulator serves /v1.0/…, /beta/…, its upload URLs and /_emulator/….");
    }
  }

  private static RequestKind classify(HttpCall call) {
    String path = call.path();
    String method = call.method();
    if (OutlookUploads.matches(path) || DriveUploads.matches(path)) {
      switch (method) {
        case "PUT":
          return RequestKind.UPLOAD_PUT;
        case "GET":
          return RequestKind.UPLOAD_GET;
        case "DELETE":
          return RequestKind.UPLOAD_DELETE;
        case "POST":
          return RequestKind.UPLOAD_COMMIT;
        default:
          return RequestKind.GRAPH;
      }
    }
    if (method.equals("POST") && path.endsWith("/createUploadSession")) {
      return RequestKind.CREATE_UPLOAD_SESSION;
    }
    if (method.equals("POST") && path.endsWith("/attachments")) {
      return RequestKind.ATTACHMENT_POST;
    }
    return RequestKind.GRAPH;
  }

  /** Status, reset and drop faults for every request other than a range PUT. */
  private static void applyTerminal(HttpCall call, FaultPlan plan) throws ConnectionDropped {
    FaultRule rule = plan.terminal();
    if (rule == null) {
      return;
    }
    switch (rule.type()) {
      case STATUS:
        throw plan.statusError();
      case RESET_AFTER_BYTES:
        RangeWriter.discard(call.body(), rule.bytes());
        throw call.drop("resetAfterBytes fault");
      case STORE_THEN_DROP:
        call.dropAnswer();
        break;
      default:
        throw new IllegalStateException("Not a terminal fault: " + rule.type());
    }
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, "graph-emulator-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
