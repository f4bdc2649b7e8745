package io.sio4j.interop.examples;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Stands in for an example's standard output: a {@link PrintStream} whose lines the test awaits.
 * Thread-safe (examples print from event loops).
 */
final class ConsoleLines {
  private final List<String> lines = new ArrayList<>();
  private final PrintStream stream =
      new PrintStream(
          new OutputStream() {
            private final ByteArrayOutputStream line = new ByteArrayOutputStream();

            @Override
            public void write(int b) {
              synchronized (ConsoleLines.this) {
                if (b == '\n') {
                  lines.add(line.toString(StandardCharsets.UTF_8));
                  line.reset();
                  ConsoleLines.this.notifyAll();
                } else {
                  line.write(b);
                }
              }
            }
          },
          true,
          StandardCharsets.UTF_8);

  PrintStream stream() {
    return stream;
  }

  /** Waits until {@code text} has been printed {@code times} times in all; returns all lines. */
  synchronized List<String> await(String text, int times, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (count(text) < times) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError(
            "timed out waiting for " + times + " x '" + text + "' on the console; got " + lines);
      }
      try {
        TimeUnit.NANOSECONDS.timedWait(this, left);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    return List.copyOf(lines);
  }

  synchronized List<String> lines() {
    return List.copyOf(lines);
  }

  private int count(String text) {
    int n = 0;
    for (String l : lines) if (l.equals(text)) n++;
    return n;
  }
}
