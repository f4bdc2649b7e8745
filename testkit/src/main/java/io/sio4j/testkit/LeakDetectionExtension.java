package io.sio4j.testkit;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/**
 * Fails a test class when Netty's leak detector reports a leaked buffer during it. Registered
 * automatically for every test (JUnit extension auto-detection, see {@code
 * junit-platform.properties}); the build runs tests with {@code
 * -Dio.netty.leakDetection.level=paranoid}.
 *
 * <p>Netty reports a leak when a tracked buffer is garbage-collected unreleased, on a later
 * allocation; so after each class this extension collects garbage and allocates to flush the
 * reports, then fails if any arrived.
 */
public final class LeakDetectionExtension implements BeforeAllCallback, AfterAllCallback {
  private static final List<String> LEAKS = new ArrayList<>();
  private static volatile boolean installed;

  private static synchronized void install() {
    if (installed) return;
    Logger logger = (Logger) LoggerFactory.getLogger(ResourceLeakDetector.class);
    AppenderBase<ILoggingEvent> appender =
        new AppenderBase<>() {
          @Override
          protected void append(ILoggingEvent event) {
            String msg = event.getFormattedMessage();
            if (msg != null && msg.contains("LEAK:")) {
              synchronized (LEAKS) {
                LEAKS.add(msg);
              }
            }
          }
        };
    appender.setName("sio4j-leak-collector");
    appender.setContext(logger.getLoggerContext());
    appender.start();
    logger.addAppender(appender);
    installed = true;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    install();
    drain();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    List<String> found = flushAndCollect();
    if (!found.isEmpty()) {
      throw new AssertionError(
          "Netty reported " + found.size() + " leaked buffer(s):\n" + String.join("\n\n", found));
    }
  }

  /** Forces leak reports out and returns those seen since the last call. */
  public static List<String> flushAndCollect() {
    for (int i = 0; i < 3; i++) {
      awaitGc();
      for (int j = 0; j < 64; j++) {
        ByteBuf a = PooledByteBufAllocator.DEFAULT.buffer(1);
        a.release();
        ByteBuf b = UnpooledByteBufAllocator.DEFAULT.buffer(1);
        b.release();
      }
    }
    return drain();
  }

  /** Runs the collector until a fresh weakly-reachable object is cleared (bounded). */
  private static void awaitGc() {
    java.lang.ref.WeakReference<Object> sentinel = new java.lang.ref.WeakReference<>(new Object());
    for (int i = 0; i < 20 && sentinel.get() != null; i++) {
      System.gc();
      System.runFinalization();
    }
  }

  private static List<String> drain() {
    synchronized (LEAKS) {
      List<String> copy = new ArrayList<>(LEAKS);
      LEAKS.clear();
      return copy;
    }
  }
}
