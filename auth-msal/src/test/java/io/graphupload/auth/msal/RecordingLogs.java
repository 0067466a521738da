package io.graphupload.auth.msal;

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
 * An SLF4J binding for this module's tests: keeps every line that graph-upload and MSAL log, at
 * every level, so tests can check that no secret or token ever reaches a log.
 */
public final class RecordingLogs implements SLF4JServiceProvider {
  private static final Queue<Line> LINES = new ConcurrentLinkedQueue<>();

  /** One formatted line, with the text of its throwable, if any. */
  record Line(Level level, String logger, String text) {}

  static List<Line> lines() {
    return List.copyOf(LINES);
  }

  static void clear() {
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

  private static final class Recorder extends LegacyAbstractLogger {
    private static final long serialVersionUID = 1L;

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
      if (!recorded()) {
        return;
      }
      StringBuilder text = new StringBuilder(MessageFormatter.basicArrayFormat(pattern, arguments));
      for (Throwable t = throwable; t != null; t = t.getCause()) {
        text.append(" | ").append(t);
      }
      LINES.add(new Line(level, name, text.toString()));
    }
  }
}
