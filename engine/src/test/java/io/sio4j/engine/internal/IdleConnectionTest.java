package io.sio4j.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sio4j.engine.TestEngine;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * An HTTP connection that reads nothing for a heartbeat round (pingInterval + pingTimeout) and
 * {@link EngineChannelInitializer#IDLE_MARGIN_MS} is closed, before its first request as between
 * two; reads keep it open (the guard's one timer checks them when it fires).
 */
class IdleConnectionTest {
  private static final Duration PING = Duration.ofMillis(200);
  private static final long IDLE_MS = 2 * PING.toMillis() + EngineChannelInitializer.IDLE_MARGIN_MS;

  @Test
  void aConnectionThatSendsNothingIsClosedOnceIdle() throws Exception {
    try (TestEngine e = new TestEngine(b -> b.pingInterval(PING).pingTimeout(PING));
        Socket raw = new Socket("127.0.0.1", e.port)) {
      long start = System.nanoTime();
      assertOpenFor(raw, IDLE_MS / 2);
      assertClosedWithin(raw, IDLE_MS + TestEngine.WAIT.toMillis());
      assertThat(millisSince(start)).isGreaterThanOrEqualTo(IDLE_MS - 100);
    }
  }

  @Test
  void aKeepAliveConnectionQuietAfterARequestIsClosedOnceIdle() throws Exception {
    try (TestEngine e = new TestEngine(b -> b.pingInterval(PING).pingTimeout(PING));
        Socket raw = new Socket("127.0.0.1", e.port)) {
      raw.getOutputStream()
          .write(
              "GET /engine.io/?EIO=4&transport=polling HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                  .getBytes(StandardCharsets.US_ASCII));
      raw.setSoTimeout((int) TestEngine.WAIT.toMillis());
      assertThat(readResponse(raw.getInputStream())).startsWith("HTTP/1.1 200");
      long answered = System.nanoTime();
      assertOpenFor(raw, IDLE_MS / 2);
      assertClosedWithin(raw, IDLE_MS + TestEngine.WAIT.toMillis());
      assertThat(millisSince(answered)).isGreaterThanOrEqualTo(IDLE_MS - 100);
    }
  }

  @Test
  void readsKeepAConnectionOpenPastTheIdleTime() throws Exception {
    // headersTimeout (60 s) is far off: only the idle watch could close this connection
    try (TestEngine e = new TestEngine(b -> b.pingInterval(PING).pingTimeout(PING));
        Socket raw = new Socket("127.0.0.1", e.port)) {
      OutputStream out = raw.getOutputStream();
      byte[] head =
          "GET /engine.io/?EIO=4&transport=polling HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Pad: "
              .getBytes(StandardCharsets.US_ASCII);
      long start = System.nanoTime();
      int i = 0;
      // a byte every half second for longer than the idle time: each read is waited on with a
      // read timeout, so a close by the server ends the loop early and fails the test
      while (millisSince(start) < IDLE_MS + 1_500) {
        out.write(i < head.length ? head[i++] : 'p');
        out.flush();
        assertOpenFor(raw, 500);
      }
      long last = System.nanoTime();
      assertClosedWithin(raw, IDLE_MS + TestEngine.WAIT.toMillis());
      assertThat(millisSince(last)).isGreaterThanOrEqualTo(IDLE_MS - 100 - 500);
    }
  }

  private static void assertOpenFor(Socket raw, long millis) throws Exception {
    raw.setSoTimeout((int) millis);
    assertThatThrownBy(() -> raw.getInputStream().read())
        .isInstanceOf(SocketTimeoutException.class);
  }

  private static void assertClosedWithin(Socket raw, long millis) throws Exception {
    raw.setSoTimeout((int) millis);
    int read;
    try {
      read = raw.getInputStream().read();
    } catch (java.net.SocketException reset) {
      read = -1;
    }
    assertThat(read).isEqualTo(-1);
  }

  /** Reads one response: its head, then the Content-Length bytes of its body; returns the head. */
  private static String readResponse(InputStream in) throws Exception {
    StringBuilder head = new StringBuilder();
    while (head.indexOf("\r\n\r\n") < 0) {
      int c = in.read();
      assertThat(c).isNotNegative();
      head.append((char) c);
    }
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)").matcher(head);
    assertThat(m.find()).isTrue();
    in.readNBytes(Integer.parseInt(m.group(1)));
    return head.toString();
  }

  private static long millisSince(long nanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanos);
  }
}
