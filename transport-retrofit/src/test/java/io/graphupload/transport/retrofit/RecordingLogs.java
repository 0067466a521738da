package io.graphupload.transport.retrofit;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * An SLF4J provider for tests that records what graph-upload logs, at every level from DEBUG, so
 * that tests can assert on log lines. Other libraries' logging is dropped.
 */
public final class RecordingLogs implements SLF4JServiceProvider {
  private static final Queue<Line> LINES = new ConcurrentLinkedQueue<>();

  /** One formatted log line. */
  public record Line(Level level, String logger, String message, Throwable throwable) {}

  /** Returns what has been logged so far, oldest first. */
  public static List<Line> lines() {
    return List.copyOf(LINES);
  }

  /** Forgets what has been logged. */
  public static void clear() {
    LINES.clear();
  }

  @Override
  public ILoggerFactory getLoggerFactory() {
    return RecordingLogger::new;
  }

  @Override
  public IMarkerFactory getMarkerFactory() {
    return new BasicMarkerFactory();
  }

  @Override
  public MDCAdapter getMDCAdapter() {
    return new NOPMDCAdapter();
  }

  @Override
  public String getRequestedApiVersion() {
    return "2.0.99";
  }

  @Override
  public void initialize() {}

  private static final class RecordingLogger extends LegacyAbstractLogger {
    private static final long serialVersionUID = 1L;

    RecordingLogger(String name) {
      this.name = name;
    }

    private boolean ours() {
      return name.startsWith("io.graphupload");
    }

    @Override
    public boolean isTraceEnabled() {
      return false;
    }

    @Override
    public boolean isDebugEnabled() {
      return ours();
    }

    @Override
    public boolean isInfoEnabled() {
      return ours();
    }

    @Override
    public boolean isWarnEnabled() {
      return ours();
    }

    @Override
    public boolean isErrorEnabled() {
      return ours();
    }

    @Override
    protected String getFullyQualifiedCallerName() {
      return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(
        Level level, Marker marker, String pattern, Object[] arguments, Throwable throwable) {
      if (ours()) {
        String message = MessageFormatter.basicArrayFormat(pattern, arguments);
        LINES.add(new Line(level, name, message, throwable));
      }
    }
  }
}
