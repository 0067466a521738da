package io.graphupload.testing;

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
 * An SLF4J provider for tests: keeps every line that graph-upload and MSAL log, at every level, so
 * tests can assert exact log lines and that no secret or token ever reaches a log. Other libraries'
 * logging is dropped, so that chatty servers in tests do not fill the memory.
 *
 * <p>Registered in {@code META-INF/services}; thread-safe.
 */
public final class RecordingLogs implements SLF4JServiceProvider {
  private static final Queue<Line> LINES = new ConcurrentLinkedQueue<>();

  /**
   * One log line.
   *
   * @param message the formatted message
   * @param throwable what was logged with it, or null
   */
  public record Line(Level level, String logger, String message, Throwable throwable) {

    /** Returns the message followed by every throwable in the cause chain, as a reader sees it. */
    public String text() {
      StringBuilder text = new StringBuilder(message);
      for (Throwable t = throwable; t != null; t = t.getCause()) {
        text.append(" | ").append(t);
      }
      return text.toString();
    }
  }

  /** Returns what has been logged so far, oldest first. */
  public static List<Line> lines() {
    return List.copyOf(LINES);
  }

  /** Returns the messages logged at {@code level}, oldest first. */
  public static List<String> messages(Level level) {
    return LINES.stream().filter(line -> line.level() == level).map(Line::message).toList();
  }

  /** Forgets what has been logged. */
  public static void clear() {
    LINES.clear();
  }

  @Override
  public ILoggerFactory getLoggerFactory() {
    return Recorder::new;
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

  @SuppressWarnings("serial") // SLF4J loggers are serializable by inheritance; these never are
  private static final class Recorder extends LegacyAbstractLogger {
    Recorder(String name) {
      this.name = name;
    }

    private boolean recorded() {
      return name.startsWith("io.graphupload") || name.startsWith("com.microsoft.aad");
    }

    @Override
    public boolean isTraceEnabled() {
      return recorded();
    }

    @Override
    public boolean isDebugEnabled() {
      return recorded();
    }

    @Override
    public boolean isInfoEnabled() {
      return recorded();
    }

    @Override
    public boolean isWarnEnabled() {
      return recorded();
    }

    @Override
    public boolean isErrorEnabled() {
      return recorded();
    }

    @Override
    protected String getFullyQualifiedCallerName() {
      return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(
        Level level, Marker marker, String pattern, Object[] arguments, Throwable throwable) {
      if (recorded()) {
        String message = MessageFormatter.basicArrayFormat(pattern, arguments);
        LINES.add(new Line(level, name, message, throwable));
      }
    }
  }
}
