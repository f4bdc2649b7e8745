package io.sio4j.interop.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.sio4j.client.AckCallback;
import io.sio4j.client.ClientOptions;
import io.sio4j.client.IO;
import io.sio4j.client.Socket;
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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Chaos between sio4j's Java client and the official socket.io 4.8 server ({@code
 * interop/node/chaos-server.mjs}), through the testkit's {@link ChaosProxy}.
 */
class ClientChaosInteropTest {
  static final long SEED = 20261201L;
  static final Duration T = Duration.ofSeconds(15);

  private final List<AutoCloseable> closeables = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (int i = closeables.size() - 1; i >= 0; i--) closeables.get(i).close();
  }

  private NodeProcess nodeServer(String config) {
    NodeProcess node = NodeProcess.start("chaos-server.mjs", config);
    closeables.add(node);
    return node;
  }

  private static void command(NodeProcess node, Map<String, Object> cmd) {
    node.send(cmd);
    node.await(
        n ->
            n.path("type").asText().equals("done") && n.path("cmd").asText().equals(cmd.get("cmd")),
        T);
  }

  private Socket client(int port, ClientOptions.Builder options) {
    Socket socket = IO.socket("http://127.0.0.1:" + port + "/", options.forceNew(true).build());
    closeables.add(() -> socket.io().close());
    return socket;
  }

  private static ClientOptions.Builder fastReconnects(String transport) {
    return ClientOptions.builder()
        .autoConnect(false)
        .transports(transport)
        // after the server has seen the old connection go, else Node makes a new session
        .reconnectionDelay(Duration.ofMillis(300))
        .reconnectionDelayMax(Duration.ofMillis(300))
        .randomizationFactor(0);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"websocket"})
  void randomCutsUnderRecoveryLoseNoPacketAndKeepIdAndRooms(String transport) throws Exception {
    // Short pings: the Java client notices a connection that ended right after a partial
    // WebSocket frame only by the ping timeout (docs/RELIABILITY.md, "Chaos"); the npm client
    // notices the end of the stream at once.
    NodeProcess server = nodeServer("{\"recovery\":true,\"pingInterval\":300,\"pingTimeout\":300}");
    int port = server.await("listening", T).path("port").asInt();
    ChaosProxy proxy = ChaosProxy.start(port);
    closeables.add(proxy);
    List<Integer> received = new CopyOnWriteArrayList<>();
    BlockingQueue<Integer> marks = new LinkedBlockingQueue<>();
    List<String> connects = new CopyOnWriteArrayList<>();
    Socket socket = client(proxy.port(), fastReconnects(transport));
    socket.onRaw("n", (args, ack) -> received.add(args.get(0).asInt()));
    socket.onRaw("mark", (args, ack) -> marks.add(args.get(0).asInt()));
    socket.on("connect", () -> connects.add(socket.id() + " " + socket.recovered()));
    socket.connect();
    JsonNode first = server.await("connection", T);
    assertThat(first.path("recovered").asBoolean()).isFalse();
    String id = first.path("id").asText();
    await().atMost(T).until(() -> connects.size() == 1);
    // recovery needs an offset: the client must have received one packet (as in Node)
    command(server, Map.of("cmd", "stream", "from", 1, "to", 1));
    await().atMost(T).until(() -> received.size() == 1);
    Random random = new Random(SEED);
    int next = 2;
    int rounds = 6;
    for (int round = 0; round < rounds; round++) {
      Direction d = proxy.downstream();
      CompletableFuture<Void> cut = d.cutAtRandom(random, 1, 600);
      long deadline = System.nanoTime() + T.toNanos();
      while (!cut.isDone()) {
        command(server, Map.of("cmd", "stream", "from", next, "to", next + 9));
        next += 10;
        try {
          cut.get(20, TimeUnit.MILLISECONDS);
        } catch (TimeoutException notYet) {
          assertThat(System.nanoTime()).as("the cut happens").isLessThan(deadline);
        }
      }
      JsonNode gone = server.await("disconnect", T);
      assertThat(gone.path("id").asText()).isEqualTo(id);
      // missed by the client while it is away: only recovery brings these back
      command(server, Map.of("cmd", "stream", "from", next, "to", next + 19));
      next += 20;
      System.err.println(
          +round + " connected=" + socket.connected() + " received=" + received.size());
      JsonNode again = server.await("connection", T);
      assertThat(again.path("recovered").asBoolean()).as("round %d recovered", round).isTrue();
      assertThat(again.path("id").asText()).isEqualTo(id);
      assertThat(again.path("rooms").toString()).contains("room1");
      command(server, Map.of("cmd", "mark", "round", round));
      assertThat(marks.poll(T.toSeconds(), TimeUnit.SECONDS)).isEqualTo(round);
    }
    int last = next - 1;
    await().atMost(T).until(() -> received.size() >= last);
    List<Integer> expected = new ArrayList<>();
    for (int i = 1; i <= last; i++) expected.add(i);
    assertThat(received).as("every number once and in order").isEqualTo(expected);
    assertThat(connects).hasSize(rounds + 1);
    assertThat(connects.subList(1, connects.size())).allMatch(c -> c.equals(id + " true"));
    assertThat(socket.recovered()).isTrue();
    assertThat(proxy.downstream().cuts()).isEqualTo(rounds);
  }

  @Test
  void acksWithRetriesCallEachCallbackOnceInOrderAcrossCuts() throws Exception {
    NodeProcess server = nodeServer("{\"pingInterval\":300,\"pingTimeout\":300}");
    int port = server.await("listening", T).path("port").asInt();
    ChaosProxy proxy = ChaosProxy.start(port);
    closeables.add(proxy);
    Socket socket =
        client(
            proxy.port(),
            fastReconnects("websocket").retries(50).ackTimeout(Duration.ofSeconds(1)));
    socket.connect();
    server.await("connection", T);
    await().atMost(T).until(socket::connected);
    int jobs = 400;
    List<String> callbacks = new CopyOnWriteArrayList<>();
    for (int i = 1; i <= jobs; i++) {
      int job = i;
      socket.emit(
          "job",
          job,
          (AckCallback)
              (response, error) ->
                  callbacks.add(
                      job + " " + (error == null ? response.get(0).asInt() : error.toString())));
    }
    Random random = new Random(SEED);
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
      server.await("connection", T);
    }
    await().atMost(Duration.ofSeconds(30)).until(() -> callbacks.size() >= jobs);
    List<String> expected = new ArrayList<>();
    for (int i = 1; i <= jobs; i++) expected.add(i + " " + i);
    assertThat(callbacks).as("each callback once, in emission order, no error").isEqualTo(expected);
    server.send(Map.of("cmd", "processed"));
    JsonNode counts = server.await("processed", T).path("counts");
    for (int i = 1; i <= jobs; i++) {
      assertThat(counts.path(String.valueOf(i)).asInt()).as("job %d ran", i).isPositive();
    }
    assertThat(cuts).as("cuts made while the jobs ran").isPositive();
  }

  @Test
  void stalledReaderTimesOutOnPingsAndComesBackWhileOthersAreServed() throws Exception {
    NodeProcess server = nodeServer("{\"pingInterval\":300,\"pingTimeout\":300}");
    int port = server.await("listening", T).path("port").asInt();
    ChaosProxy proxy = ChaosProxy.start(port);
    closeables.add(proxy);
    BlockingQueue<String> reasons = new LinkedBlockingQueue<>();
    Socket stalled = client(proxy.port(), fastReconnects("websocket"));
    stalled.on("disconnect", (String reason) -> reasons.add(reason));
    stalled.connect();
    Socket healthy = client(port, fastReconnects("websocket"));
    healthy.connect();
    await().atMost(T).until(() -> stalled.connected() && healthy.connected());
    String stalledId = stalled.id();

    proxy.downstream().stall();
    // the server's pings no longer reach the stalled client: it gives up on the connection
    assertThat(reasons.poll(T.toSeconds(), TimeUnit.SECONDS)).isEqualTo("ping timeout");
    // meanwhile the other client is served
    for (int i = 1; i <= 20; i++) {
      assertThat(healthy.emitWithAck("job", i).get(T.toSeconds(), TimeUnit.SECONDS).get(0).asInt())
          .isEqualTo(i);
    }
    assertThat(stalled.connected()).isFalse();
    proxy.downstream().resume();
    await().atMost(T).until(stalled::connected);
    assertThat(stalled.id()).isNotEqualTo(stalledId);
  }
}
