package io.sio4j.interop.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sio4j.protocol.event.Ack;
import io.sio4j.server.Socket;
import io.sio4j.server.SocketIoServer;
import io.sio4j.testkit.ChaosProxy;
import io.sio4j.testkit.Direction;
import io.sio4j.testkit.NodeProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Chaos between npm socket.io-client 4.8 ({@code interop/node/chaos-client.mjs}) and sio4j's
 * server, through the testkit's {@link ChaosProxy}: seeded random cuts in the middle of frames with
 * connection state recovery on, a client that stops reading, and acks with retries.
 */
class ServerChaosInteropTest {
  static final long SEED = 20261201L;
  static final Duration T = Duration.ofSeconds(15);

  private final List<AutoCloseable> closeables = new ArrayList<>();
  private final BlockingQueue<Socket> connections = new LinkedBlockingQueue<>();
  private final BlockingQueue<String> disconnects = new LinkedBlockingQueue<>();
  private final Map<Integer, Integer> processed = new ConcurrentHashMap<>();

  @AfterEach
  void closeAll() throws Exception {
    for (int i = closeables.size() - 1; i >= 0; i--) closeables.get(i).close();
  }

  private <T extends AutoCloseable> T closing(T c) {
    closeables.add(c);
    return c;
  }

  private SocketIoServer server(boolean recovery, long maxBufferedBytes) {
    return server(recovery, maxBufferedBytes, Duration.ofSeconds(25), Duration.ofSeconds(20));
  }

  private SocketIoServer server(
      boolean recovery, long maxBufferedBytes, Duration ping, Duration pingTimeout) {
    var b =
        SocketIoServer.builder()
            .host("127.0.0.1")
            .port(0)
            .pingInterval(ping)
            .pingTimeout(pingTimeout);
    if (recovery) b.connectionStateRecovery(Duration.ofMinutes(2), true);
    b.engine(e -> e.maxBufferedBytes(maxBufferedBytes));
    SocketIoServer io = b.build();
    io.on(
        "connection",
        s -> {
          if (!s.recovered()) s.join("room1");
          s.on(
              "job",
              Integer.class,
              (Integer i, Ack ack) -> {
                processed.merge(i, 1, Integer::sum);
                ack.send(i);
              });
          s.on("disconnect", (String reason) -> disconnects.add(s.id() + " " + reason));
          connections.add(s);
        });
    io.start();
    closeables.add(io::close);
    return io;
  }

  private NodeProcess client(int port, String optionsJson) {
    NodeProcess node =
        closing(NodeProcess.start("chaos-client.mjs", "http://127.0.0.1:" + port, optionsJson));
    node.await("ready", T);
    return node;
  }

  private static Socket poll(BlockingQueue<Socket> q) throws InterruptedException {
    Socket s = q.poll(T.toSeconds(), TimeUnit.SECONDS);
    assertThat(s).as("a connection on the server").isNotNull();
    return s;
  }

  /**
   * Emits numbered batches to room1 until the cut happens (it needs bytes to fall in): the cut
   * lands somewhere in the traffic, often in the middle of a frame.
   */
  private static int emitUntil(SocketIoServer io, CompletableFuture<Void> cut, int next)
      throws Exception {
    long deadline = System.nanoTime() + T.toNanos();
    while (!cut.isDone()) {
      for (int k = 0; k < 10; k++) io.to("room1").emit("n", next++);
      try {
        cut.get(20, TimeUnit.MILLISECONDS);
      } catch (TimeoutException notYet) {
        assertThat(System.nanoTime()).as("the cut happens").isLessThan(deadline);
      }
    }
    return next;
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"websocket", "polling"})
  void randomCutsUnderRecoveryLoseNoPacketAndKeepIdAndRooms(String transport) throws Exception {
    boolean polling = transport.equals("polling");
    // A cut polling response leaves the server holding a session it believes open (its request
    // was answered), as in Node: it learns of the loss by the ping timeout. Recovery needs the
    // server to have seen the disconnect before the client returns, so on polling the server
    // pings every 300 ms, waits 600 ms for the pong (at most 0.9 s to notice a cut), and the
    // client waits 2 s before reconnecting. The pong timeout is not shorter: a busy machine may
    // hold a pong that long, and the server then drops a healthy session (see the end).
    SocketIoServer io =
        polling
            ? server(true, 100_000_000L, Duration.ofMillis(300), Duration.ofMillis(600))
            : server(true, 100_000_000L);
    ChaosProxy proxy = closing(ChaosProxy.start(io.address().getPort()));
    // The client must come back after the server has seen the old connection go (else Node too
    // makes a new session): on WebSocket the server sees the reset at once, on polling only by
    // the ping timeout. A reconnection delay of 300 ms (2 s on polling) leaves it the time.
    String delays =
        ",\"randomizationFactor\":0,\"reconnectionDelay\":"
            + (polling ? 2000 : 300)
            + ",\"reconnectionDelayMax\":"
            + (polling ? 2000 : 300);
    NodeProcess node =
        client(proxy.port(), "{\"transports\":[\"" + transport + "\"]" + delays + "}");
    JsonNode first = node.await("connect", T);
    assertThat(first.path("recovered").asBoolean()).isFalse();
    String id = first.path("id").asText();
    Socket s = poll(connections);
    // recovery needs an offset: the client must have received one packet (as in Node)
    io.to("room1").emit("n", 1);
    node.await("first", T);
    Random random = new Random(SEED);
    int next = 2;
    int rounds = 6;
    int cutAlls = 0;
    for (int round = 0; round < rounds; round++) {
      CompletableFuture<Void> cut;
      if (random.nextInt(3) == 0) {
        // the whole link at once, between two batches
        next = emitUntil(io, CompletableFuture.completedFuture(null), next);
        proxy.cutAll();
        cutAlls++;
        cut = CompletableFuture.completedFuture(null);
      } else {
        Direction d = proxy.downstream();
        cut = d.cutAtRandom(random, 1, 600);
        next = emitUntil(io, cut, next);
      }
      // what is emitted now is missed by a client that lost its connection: it comes back only
      // by recovery. On WebSocket every cut breaks the session; on polling a cut between two
      // requests may only cost an idle keep-alive connection, and the session goes on.
      if (!polling) {
        assertThat(disconnects.poll(T.toSeconds(), TimeUnit.SECONDS)).startsWith(id + " ");
      }
      for (int k = 0; k < 20; k++) io.to("room1").emit("n", next++);
      io.to("room1").emit("mark", round);
      assertThat(node.await("mark", T).path("round").asInt()).isEqualTo(round);
    }
    for (int k = 0; k < 20; k++) io.to("room1").emit("n", next++);
    io.to("room1").emit("end");
    JsonNode report = node.await("report", T);
    assertThat(report.path("anomalies").size())
        .as("every number once and in order: %s", report)
        .isZero();
    assertThat(report.path("count").asInt()).isEqualTo(next - 1);
    assertThat(report.path("last").asInt()).isEqualTo(next - 1);
    assertThat(proxy.downstream().cuts() + cutAlls).isEqualTo(rounds);
    int reconnects = report.path("connects").asInt() - 1;
    if (!polling) assertThat(reconnects).as("every cut broke the WebSocket").isEqualTo(rounds);
    assertThat(reconnects).isPositive();
    assertThat(report.path("notRecovered").asInt()).as("every reconnect recovered").isZero();
    assertThat(report.path("ids").asInt()).as("one id throughout").isEqualTo(1);
    // the server side: every later connection is the same socket, recovered, still in room1
    for (Socket again : connections) {
      assertThat(again.id()).isEqualTo(s.id());
      assertThat(again.recovered()).isTrue();
      assertThat(again.rooms()).contains("room1");
    }
    if (polling) {
      // On polling the server may recover the socket once more than the client saw: a recovered
      // session can drop before its CONNECT reaches the client (its pong held past the timeout on
      // a busy machine), and the client's next attempt recovers it again. Each such extra
      // recovery is a disconnect the server saw, and the client's figures above hold regardless.
      assertThat(connections).hasSizeGreaterThanOrEqualTo(reconnects);
      assertThat(disconnects).hasSize(connections.size());
      assertThat(disconnects).allMatch(d -> d.startsWith(id + " "));
    } else {
      assertThat(connections).hasSize(reconnects);
      assertThat(disconnects).isEmpty(); // each was taken in its round
    }
  }

  @Test
  void stalledReaderIsDisconnectedAtTheBufferBoundWhileOthersAreServed() throws Exception {
    long bound = 1_000_000;
    SocketIoServer io = server(false, bound);
    ChaosProxy proxy = closing(ChaosProxy.start(io.address().getPort()));
    NodeProcess stalled = client(proxy.port(), "{\"transports\":[\"websocket\"]}");
    stalled.await("connect", T);
    Socket stalledSocket = poll(connections);
    NodeProcess healthy = client(io.address().getPort(), "{\"transports\":[\"websocket\"]}");
    healthy.await("connect", T);
    Socket healthySocket = poll(connections);

    proxy.downstream().stall();
    String blob = "x".repeat(64 * 1024);
    int blobs = 400; // 26 MB each way: far more than the socket buffers and the bound
    healthy.send(Map.of("cmd", "jobs", "n", 50));
    for (int i = 0; i < blobs; i++) {
      io.emit("blob", blob);
      // paced by the healthy reader: every 10 blobs (640 KB, under the bound) it answers an ack
      if (i % 10 == 9) {
        assertThat(
                healthySocket
                    .emitWithAck("echo", i)
                    .get(T.toSeconds(), TimeUnit.SECONDS)
                    .get(0)
                    .asInt())
            .isEqualTo(i);
      }
    }
    // the stalled session goes over maxBufferedBytes and is closed, by the bound
    assertThat(disconnects.poll(T.toSeconds(), TimeUnit.SECONDS))
        .isEqualTo(stalledSocket.id() + " transport error");
    io.emit("end");
    JsonNode report = healthy.await("report", T);
    assertThat(report.path("blobs").asInt())
        .as("the healthy client got everything")
        .isEqualTo(blobs);
    JsonNode jobs = healthy.await("jobs", T);
    assertThat(jobs.path("results").size()).isEqualTo(50);
    for (JsonNode r : jobs.path("results")) assertThat(r.get(1).isNull()).isTrue();
    // what the proxy let through while stalled is at most its own small queue
    assertThat(proxy.downstream().bytesRelayed()).isLessThan(bound);
    // the stalled client learns it when it reads again, and comes back as a new session
    proxy.downstream().resume();
    JsonNode bye = stalled.await("disconnect", T);
    assertThat(bye.path("reason").asText()).isEqualTo("transport close");
    JsonNode back = stalled.await("connect", T);
    assertThat(back.path("id").asText()).isNotEqualTo(stalledSocket.id());
    assertThat(disconnects).isEmpty();
  }

  @Test
  void acksWithRetriesCallEachCallbackOnceInOrderAcrossCuts() throws Exception {
    SocketIoServer io = server(false, 100_000_000L);
    ChaosProxy proxy = closing(ChaosProxy.start(io.address().getPort()));
    NodeProcess node =
        client(proxy.port(), "{\"transports\":[\"websocket\"],\"retries\":50,\"ackTimeout\":1000}");
    node.await("connect", T);
    int jobs = 400;
    Random random = new Random(SEED);
    node.send(Map.of("cmd", "jobs", "n", jobs));
    int cuts = 0;
    for (int round = 0; round < 5; round++) {
      Direction d = random.nextBoolean() ? proxy.upstream() : proxy.downstream();
      CompletableFuture<Void> cut = d.cutAtRandom(random, 1, 300);
      try {
        cut.get(5, TimeUnit.SECONDS);
        cuts++;
      } catch (TimeoutException allDone) {
        d.noCut(); // the jobs finished before this cut: fine, fewer cuts
        break;
      }
      node.await("connect", T);
    }
    JsonNode result = node.await("jobs", T);
    JsonNode results = result.path("results");
    assertThat(results.size()).isEqualTo(jobs);
    for (int i = 0; i < jobs; i++) {
      JsonNode r = results.get(i);
      assertThat(r.get(0).asInt()).as("callbacks in emission order").isEqualTo(i + 1);
      assertThat(r.get(1).isNull()).as("no error for job %d: %s", i + 1, r).isTrue();
      assertThat(r.get(2).asInt()).isEqualTo(i + 1);
    }
    // at-least-once on the server: every job ran, a retried one possibly twice
    for (int i = 1; i <= jobs; i++) assertThat(processed).containsKey(i);
    assertThat(cuts).as("cuts made while the jobs ran").isPositive();
  }
}
