package io.sio4j.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.sio4j.engine.EngineSocket;
import io.sio4j.engine.OutboundMessage;
import io.sio4j.engine.TestEngine;
import org.junit.jupiter.api.Test;

/** Volatile messages are dropped when the transport cannot take them; the buffer is bounded. */
class OutboundBufferTest {
  @Test
  void volatileMessagesAreDroppedWithoutAWaitingPoll() throws Exception {
    try (TestEngine e = new TestEngine()) {
      String sid = e.openPolling();
      EngineSocket socket = e.await("connection").socket();
      socket.send(OutboundMessage.text("dropped").asVolatile());
      socket.send("kept");
      socket.sendAll(OutboundMessage.text("a"), OutboundMessage.binary(new byte[] {1}));
      assertThat(e.get("EIO=4&transport=polling&sid=" + sid).body())
          .isEqualTo("4kept\u001e4a\u001ebAQ==");
    }
  }

  @Test
  void sessionWhoseBufferOverflowsIsClosed() throws Exception {
    try (TestEngine e = new TestEngine(b -> b.maxBufferedBytes(10_000))) {
      String other = e.openPolling();
      EngineSocket otherSocket = e.await("connection").socket();
      e.openPolling();
      EngineSocket socket = e.await("connection").socket();
      OutboundMessage big = OutboundMessage.text("x".repeat(1000));
      for (int i = 0; i < 20; i++) socket.send(big);
      TestEngine.Event closed = e.await("close");
      assertThat(closed.socket()).isSameAs(socket);
      assertThat(closed.text()).isEqualTo("transport error");
      assertThat(otherSocket.isOpen()).isTrue();
      otherSocket.send(big);
      assertThat(e.get("EIO=4&transport=polling&sid=" + other).body()).hasSize(1001);
    }
  }

  @Test
  void bufferedCountReflectsTheQueue() throws Exception {
    try (TestEngine e = new TestEngine()) {
      e.openPolling();
      EngineSocket socket = e.await("connection").socket();
      for (int i = 0; i < 5; i++) socket.send("m" + i);
      assertThat(
              java.util.concurrent.CompletableFuture.supplyAsync(
                      socket::bufferedCount, socket.eventLoop())
                  .get())
          .isEqualTo(5);
    }
  }
}
