package io.sio4j.server.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.sio4j.server.SocketIoServer;
import io.sio4j.testkit.VirtualClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Heartbeats and answer gathering of the template, two nodes over {@link LocalBus} on a virtual
 * clock: nodes find each other, requests wait for the nodes heard from, a goodbye or silence
 * removes a node, and a request waiting only on a removed node completes.
 */
class ClusterAdapterWithHeartbeatTest {
  private static final Duration WAIT = Duration.ofSeconds(5);
  private final VirtualClock clock = new VirtualClock();
  private final LocalBus bus = new LocalBus();
  private final SocketIoServer a = node(Duration.ofSeconds(5));
  private final SocketIoServer b = node(Duration.ofSeconds(5));

  private SocketIoServer node(Duration requestsTimeout) {
    return SocketIoServer.builder()
        .scheduler(clock)
        .adapter(bus.heartbeat(requestsTimeout, Duration.ofSeconds(5), Duration.ofSeconds(10)))
        .build();
  }

  @AfterEach
  void close() {
    a.close();
    b.close();
    bus.close();
  }

  private static int count(SocketIoServer io) throws Exception {
    return io.sockets().adapter().serverCount().get();
  }

  private static String uid(SocketIoServer io) {
    return ((ClusterAdapter) io.sockets().adapter()).uid();
  }

  @Test
  void nodesFindEachOtherAndAnswerServerSideEmits() throws Exception {
    Awaitility.await().atMost(WAIT).until(() -> count(a) == 2 && count(b) == 2);
    b.onServerSideEmit("ping", (args, ack) -> ack.accept("pong " + args.get(0).asInt()));
    List<ArrayNode> answers = a.serverSideEmitWithAck("ping", 7).get(5, TimeUnit.SECONDS);
    assertThat(answers).hasSize(1);
    assertThat(answers.get(0).get(0).asText()).isEqualTo("pong 7");
    assertThat(a.fetchSockets().get(5, TimeUnit.SECONDS)).isEmpty();
  }

  @Test
  void aGoodbyeRemovesTheNode() throws Exception {
    Awaitility.await().atMost(WAIT).until(() -> count(a) == 2);
    b.close();
    Awaitility.await().atMost(WAIT).until(() -> count(a) == 1);
  }

  @Test
  void aSilentNodeIsRemovedAfterTheHeartbeatTimeoutAndRequestsStopWaitingForIt() throws Exception {
    SocketIoServer c = node(Duration.ofSeconds(60));
    try {
      Awaitility.await().atMost(WAIT).until(() -> count(c) == 3);
      b.onServerSideEmit("ping", (args, ack) -> ack.accept("from b"));
      a.onServerSideEmit("ping", (args, ack) -> {}); // a never answers, then dies silently
      bus.cutOff(uid(a));
      CompletableFuture<List<ArrayNode>> answers = c.serverSideEmitWithAck("ping");
      Awaitility.await().pollDelay(Duration.ZERO).atMost(WAIT).until(() -> clockSettled());
      assertThat(answers).isNotDone();
      for (int i = 0; i < 12; i++) {
        clock.advance(Duration.ofSeconds(1));
        Awaitility.await().atMost(WAIT).until(this::clockSettled);
      }
      assertThat(answers.get(5, TimeUnit.SECONDS)).hasSize(1);
      assertThat(count(c)).isEqualTo(2);
    } finally {
      c.close();
    }
  }

  /** The bus has delivered everything published so far. */
  private boolean clockSettled() throws Exception {
    CompletableFuture<Void> marker = new CompletableFuture<>();
    bus.barrier(marker);
    marker.get(5, TimeUnit.SECONDS);
    return true;
  }

  @Test
  void aRequestTimesOutWithTheMissingCount() throws Exception {
    Awaitility.await().atMost(WAIT).until(() -> count(a) == 2);
    bus.cutOff(uid(b));
    CompletableFuture<List<ArrayNode>> answers = a.serverSideEmitWithAck("ping");
    clockSettled();
    clock.advance(Duration.ofSeconds(5));
    assertThatThrownBy(() -> answers.get(5, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(TimeoutException.class)
        .hasMessageContaining("missing 1 responses");
  }
}
