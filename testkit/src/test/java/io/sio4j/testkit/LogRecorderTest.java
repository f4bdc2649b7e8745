package io.sio4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.spi.ILoggingEvent;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class LogRecorderTest {
  private static final Logger log = LoggerFactory.getLogger("io.sio4j.testkit.LogRecorderTest");

  @Test
  void readsWhileAnotherThreadLogsAndStopsWhenClosed() throws Exception {
    int lines = 2_000;
    try (LogRecorder logs = LogRecorder.start()) {
      CompletableFuture<Void> writer =
          CompletableFuture.runAsync(
              () -> {
                for (int i = 0; i < lines; i++) log.info("line {}", i);
              });
      long seen = 0;
      while (!writer.isDone()) {
        seen = Math.max(seen, lines(logs)); // reading during the writes must never fail
      }
      writer.get(10, TimeUnit.SECONDS);
      assertThat(lines(logs)).isEqualTo(lines).isGreaterThanOrEqualTo(seen);
      assertThat(logs.events().get(lines - 1).getFormattedMessage())
          .isEqualTo("line " + (lines - 1));
      logs.close();
      log.info("line after close");
      assertThat(lines(logs)).isEqualTo(lines);
    }
  }

  private static long lines(LogRecorder logs) {
    return logs.events().stream()
        .map(ILoggingEvent::getLoggerName)
        .filter(log.getName()::equals)
        .count();
  }
}
