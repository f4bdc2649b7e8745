package io.sio4j.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.sio4j.engine.EngineSocket;
import io.sio4j.engine.MemoryBudget;
import io.sio4j.engine.OutboundMessage;
import io.sio4j.engine.TestEngine;
import io.sio4j.protocol.event.Listener0;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * A polling client that polls but never reads its answers gets the WebSocket's outbound bound
 * ({@code maxBufferedBytes}): answers the peer has not taken count, volatile packets go first, then
 * the session is closed and the unread answers' connection dropped (issue 14).
 */
class PollingOutboundBoundTest {
  private static final int CHUNK_BYTES = 64 * 1024;
  private static final OutboundMessage CHUNK = OutboundMessage.text("c".repeat(CHUNK_BYTES));

  @Test
  void pollerThatNeverReadsIsClosedAtMaxBufferedBytes() throws Exception {
    pollerThatNeverReadsIsClosed(4);
  }

  /** The v3 framing's answers are counted and released the same way (issue 13 with issue 14). */
  @Test
  void v3PollerThatNeverReadsIsClosedAtMaxBufferedBytes() throws Exception {
    pollerThatNeverReadsIsClosed(3);
  }

  private static void pollerThatNeverReadsIsClosed(int eio) throws Exception {
    MemoryBudget budget = MemoryBudget.ofBytes(1L << 30);
    try (TestEngine e =
            new TestEngine(
                b -> b.maxBufferedBytes(1_000_000).memoryBudget(budget).allowEIO3(eio == 3));
        Socket raw = new Socket()) {
      String sid = eio == 4 ? e.openPolling() : openV3Polling(e);
      EngineSocket socket = e.await("connection").socket();
      Semaphore drained = new Semaphore(0);
      socket.listenerRegistry().add("drain", (Listener0) drained::release, false);
      raw.setReceiveBufferSize(4096);
      raw.connect(new InetSocketAddress("127.0.0.1", e.port));
      OutputStream out = raw.getOutputStream();
      byte[] get =
          ("GET /engine.io/?EIO="
                  + eio
                  + "&transport=polling&sid="
                  + sid
                  + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII);
      // one poll per answer, pipelined on one connection that is never read: the kernel's buffers
      // fill, then answers stay unwritten and the next poll waits without an answer
      int answered = 0;
      while (socket.isOpen() && answered < 2_000) {
        socket.send(CHUNK);
        out.write(get);
        out.flush();
        if (!drained.tryAcquire(1, TimeUnit.SECONDS)) break;
        answered++;
      }
      // an answer the peer has not taken is counted as held until it is written
      EngineSession session = (EngineSession) socket;
      assertThat(
              onLoop(
                  session,
                  () -> !session.isOpen() || session.pollingTransport().heldBytes() >= CHUNK_BYTES))
          .isTrue();
      // the broadcast goes on; the session must not hold more than the bound
      for (int i = 0; i < 100 && socket.isOpen(); i++) {
        socket.eventLoop().submit(() -> socket.send(CHUNK)).get();
      }
      TestEngine.Event closed = e.await("close");
      assertThat(closed.text()).isEqualTo("transport error");
      assertThat(new String(closed.bytes())).isEqualTo("write buffer full");
      assertThat(answered).isLessThan(2_000);
      // the unread answers' connection was dropped with the session, and nothing is counted
      awaitTrue(() -> budget.used() == 0, Duration.ofSeconds(10));
      assertThat(readsToEnd(raw)).isTrue();
    }
  }

  private static String openV3Polling(TestEngine e) throws Exception {
    HttpResponse<String> r = e.get("EIO=3&transport=polling");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).matches("\\d+:0\\{.*");
    int i = r.body().indexOf("\"sid\":\"") + 7;
    return r.body().substring(i, r.body().indexOf('"', i));
  }

  @Test
  void queuedVolatilePacketsGoFirstAtTheBound() throws Exception {
    try (TestEngine e = new TestEngine(b -> b.maxBufferedBytes(10_000))) {
      String sid = e.openPolling();
      EngineSocket socket = e.await("connection").socket();
      EngineSession session = (EngineSession) socket;
      CompletableFuture<HttpResponse<String>> poll =
          e.http.sendAsync(
              java.net.http.HttpRequest.newBuilder(
                      java.net.URI.create(e.url("EIO=4&transport=polling&sid=" + sid)))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      awaitTrue(
          () -> onLoop(session, () -> session.pollingTransport().hasWaitingGet()), TestEngine.WAIT);
      socket
          .eventLoop()
          .submit(
              () -> {
                // both queued in one turn: the second passes the bound, the volatile one goes
                socket.send(OutboundMessage.text("v".repeat(6_000)).asVolatile());
                socket.send(OutboundMessage.text("k".repeat(6_000)));
              })
          .get();
      assertThat(poll.get(10, TimeUnit.SECONDS).body()).isEqualTo("4" + "k".repeat(6_000));
      assertThat(socket.isOpen()).isTrue();
      // without volatile packets to drop, the same step closes the session
      socket
          .eventLoop()
          .submit(
              () -> {
                socket.send(OutboundMessage.text("a".repeat(6_000)));
                socket.send(OutboundMessage.text("b".repeat(6_000)));
              })
          .get();
      TestEngine.Event closed = e.await("close");
      assertThat(new String(closed.bytes())).isEqualTo("write buffer full");
    }
  }

  static boolean onLoop(EngineSession s, BooleanSupplier check) {
    try {
      return CompletableFuture.supplyAsync(check::getAsBoolean, s.eventLoop()).get();
    } catch (Exception ex) {
      throw new IllegalStateException(ex);
    }
  }

  /** Polls {@code condition} until it holds (fails after {@code max}). */
  static void awaitTrue(BooleanSupplier condition, Duration max) {
    long deadline = System.nanoTime() + max.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) throw new AssertionError("condition not met in " + max);
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
    }
  }

  /** Reads what the server sent until it closes the connection (true) or 10 s pass (false). */
  private static boolean readsToEnd(Socket raw) throws Exception {
    raw.setSoTimeout(10_000);
    byte[] buf = new byte[1 << 16];
    try {
      while (raw.getInputStream().read(buf) >= 0) {
        // drain
      }
      return true;
    } catch (java.net.SocketTimeoutException | java.net.SocketException ex) {
      return ex instanceof java.net.SocketException;
    }
  }
}
