package io.sio4j.testkit;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Records what every logger logs while it is open, for tests that assert on log lines written by
 * other threads (clients of Redis or PostgreSQL, event loops).
 *
 * <pre>{@code
 * try (LogRecorder logs = LogRecorder.start()) {
 *   ...
 *   assertThat(logs.events()).noneMatch(e -> e.getThrowableProxy() != null);
 * }
 * }</pre>
 *
 * <p>Thread-safe: {@link #events()} copies the events under the lock the appender adds them under
 * (logback's {@code AppenderBase.doAppend}), so reading while others log never fails.
 */
public final class LogRecorder implements AutoCloseable {
  private final Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  private LogRecorder() {
    appender.start();
    root.addAppender(appender);
  }

  /** Starts recording the root logger's events. */
  public static LogRecorder start() {
    return new LogRecorder();
  }

  /** The events logged so far, oldest first (a copy). */
  public List<ILoggingEvent> events() {
    synchronized (appender) {
      return List.copyOf(appender.list);
    }
  }

  /** Stops recording. */
  @Override
  public void close() {
    root.detachAppender(appender);
    appender.stop();
  }
}
