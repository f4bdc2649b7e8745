package io.sio4j.engine.internal;

import static io.sio4j.engine.internal.PollingOutboundBoundTest.awaitTrue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sio4j.engine.EngineOptions;
import io.sio4j.engine.EngineSocket;
import io.sio4j.engine.MemoryBudget;
import io.sio4j.engine.TestEngine;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * Requests trickled at a byte at a time are closed at {@code headersTimeout} / {@code
 * requestTimeout} (Node's server timeouts); request bodies count in the memory budget (issue 14).
 * The idle guard of these engines is 45 s, so a close within the test's wait is the new guard's.
 */
class SlowRequestTest {
  private static final Duration HEADERS = Duration.ofMillis(300);
  private static final Duration REQUEST = Duration.ofMillis(800);

  @Test
  void defaultsAreNodesAndRequestTimeoutMayNotBeShorterThanHeadersTimeout() {
    EngineOptions o = EngineOptions.builder().build();
    assertThat(o.headersTimeout()).isEqualTo(Duration.ofSeconds(60));
    assertThat(o.requestTimeout()).isEqualTo(Duration.ofSeconds(300));
    assertThatThrownBy(
            () ->
                EngineOptions.builder()
                    .headersTimeout(Duration.ofSeconds(5))
                    .requestTimeout(Duration.ofSeconds(1))
                    .build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> EngineOptions.builder().headersTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void headersTrickledAByteAtATimeAreCutAtHeadersTimeout() throws Exception {
    try (TestEngine e = new TestEngine(b -> b.headersTimeout(HEADERS).requestTimeout(REQUEST));
        Socket raw = connect(e)) {
      byte[] request =
          ("GET /engine.io/?EIO=4&transport=polling HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Pad: "
                  + "p".repeat(10_000))
              .getBytes(StandardCharsets.US_ASCII);
      assertThat(trickleUntilClosed(raw, request)).isTrue();
    }
  }

  @Test
  void bodyTrickledAByteAtATimeIsCutAtRequestTimeout() throws Exception {
    try (TestEngine e = new TestEngine(b -> b.headersTimeout(HEADERS).requestTimeout(REQUEST));
        Socket raw = connect(e)) {
      String sid = e.openPolling();
      OutputStream out = raw.getOutputStream();
      out.write(
          ("POST /engine.io/?EIO=4&transport=polling&sid="
                  + sid
                  + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\n"
                  + "Content-Length: 10000\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      byte[] body = ("4" + "b".repeat(9_999)).getBytes(StandardCharsets.US_ASCII);
      assertThat(trickleUntilClosed(raw, body)).isTrue();
    }
  }

  @Test
  void aWaitingPollAndAnIdleKeepAliveConnectionAreNotRequestsInProgress() throws Exception {
    try (TestEngine e = new TestEngine(b -> b.headersTimeout(HEADERS).requestTimeout(REQUEST));
        Socket raw = connect(e)) {
      String sid = e.openPolling();
      EngineSocket socket = e.await("connection").socket();
      EngineSession session = (EngineSession) socket;
      CompletableFuture<HttpResponse<String>> poll =
          e.http.sendAsync(
              HttpRequest.newBuilder(
                      java.net.URI.create(e.url("EIO=4&transport=polling&sid=" + sid)))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      awaitTrue(
          () ->
              PollingOutboundBoundTest.onLoop(
                  session, () -> session.pollingTransport().hasWaitingGet()),
          TestEngine.WAIT);
      // longer than requestTimeout: the poll still waits, then takes its message
      assertThatThrownBy(() -> poll.get(REQUEST.toMillis() * 2, TimeUnit.MILLISECONDS))
          .isInstanceOf(TimeoutException.class);
      socket.send("late");
      assertThat(poll.get(10, TimeUnit.SECONDS).body()).isEqualTo("4late");

      // a keep-alive connection quiet between two requests is not trickling
      byte[] get =
          "GET /engine.io/?EIO=4&transport=polling HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
              .getBytes(StandardCharsets.US_ASCII);
      raw.getOutputStream().write(get);
      assertThat(readResponseHead(raw.getInputStream())).startsWith("HTTP/1.1 200");
      raw.setSoTimeout((int) REQUEST.toMillis() * 2);
      assertThatThrownBy(() -> raw.getInputStream().read())
          .isInstanceOf(SocketTimeoutException.class);
      raw.getOutputStream().write(get);
      assertThat(readResponseHead(raw.getInputStream())).contains("200");
    }
  }

  @Test
  void aBodyThatDoesNotFitTheMemoryBudgetIsRefusedWith503() throws Exception {
    MemoryBudget budget = MemoryBudget.ofBytes(5_000);
    try (TestEngine e = new TestEngine(b -> b.memoryBudget(budget))) {
      String sid = e.openPolling();
      HttpResponse<String> small = e.post("EIO=4&transport=polling&sid=" + sid, "4small");
      assertThat(small.statusCode()).isEqualTo(200);
      String answer =
          e.raw(
              "POST /engine.io/?EIO=4&transport=polling&sid="
                  + sid
                  + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\n"
                  + "Content-Length: 20000\r\n\r\n4"
                  + "x".repeat(19_999));
      assertThat(answer).startsWith("HTTP/1.1 503");
      // what stays counted is the echo of "small" waiting for a poll (6 bytes), not the body
      awaitTrue(() -> budget.used() == 6, Duration.ofSeconds(5));
      assertThat(e.post("EIO=4&transport=polling&sid=" + sid, "4again").statusCode())
          .isEqualTo(200);
    }
  }

  private static Socket connect(TestEngine e) throws Exception {
    Socket raw = new Socket();
    raw.connect(new InetSocketAddress("127.0.0.1", e.port));
    return raw;
  }

  /**
   * Writes {@code bytes} one at a time, waiting up to 50 ms for the server between two; true when
   * the server closed the connection before all were sent (or within 10 s after).
   */
  private static boolean trickleUntilClosed(Socket raw, byte[] bytes) throws Exception {
    raw.setSoTimeout(50);
    OutputStream out = raw.getOutputStream();
    InputStream in = raw.getInputStream();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    for (int i = 0; System.nanoTime() < deadline; i++) {
      try {
        if (i < bytes.length) {
          out.write(bytes[i]);
          out.flush();
        }
      } catch (java.net.SocketException closed) {
        return true;
      }
      try {
        if (in.read() < 0) return true;
      } catch (SocketTimeoutException stillOpen) {
        // the server is still waiting: next byte
      } catch (java.net.SocketException reset) {
        return true;
      }
    }
    return false;
  }

  /** Reads one response's head and its Content-Length body; returns the head. */
  private static String readResponseHead(InputStream in) throws Exception {
    StringBuilder sb = new StringBuilder();
    while (!sb.toString().endsWith("\r\n\r\n")) {
      int c = in.read();
      if (c < 0) break;
      sb.append((char) c);
    }
    String head = sb.toString();
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)").matcher(head);
    if (m.find()) in.readNBytes(Integer.parseInt(m.group(1)));
    return head;
  }
}
