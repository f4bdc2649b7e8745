package io.sio4j.interop.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sio4j.adapter.postgres.PostgresAdapter;
import io.sio4j.adapter.postgres.PostgresAdapterOptions;
import io.sio4j.adapter.postgres.PostgresAdapters;
import io.sio4j.protocol.event.Arguments;
import io.sio4j.server.RemoteSocket;
import io.sio4j.server.Socket;
import io.sio4j.server.SocketIoServer;
import io.sio4j.testkit.NodeProcess;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A Node socket.io 4.8 server with npm {@code @socket.io/postgres-adapter} 0.5 and a sio4j server
 * with {@link PostgresAdapter} in one cluster over the PostgreSQL at 127.0.0.1:5432 (database
 * {@code test}): broadcasts (with binary, which goes through the attachment table as MessagePack),
 * payloads over the NOTIFY limit, rooms and except, fetchSockets with remote actions, the
 * utilities, serverSideEmit with acks and broadcasts with acks work in both directions. Clients are
 * npm socket.io-client instances run by the Node script. The shape of the Redis mixed-cluster tests
 * ({@code interop/redis}).
 */
class PostgresNodeClusterInteropTest {
  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final String URL = "postgres://postgres@127.0.0.1:5432/test";
  final String prefix = "sio4j-interop-" + UUID.randomUUID();
  final Map<String, Socket> javaSockets = new ConcurrentHashMap<>();
  private final AtomicInteger tags = new AtomicInteger();
  SocketIoServer java;
  NodeProcess node;

  @BeforeEach
  void start() throws Exception {
    PostgresAdapterOptions options =
        PostgresAdapterOptions.builder()
            .channelPrefix(prefix)
            .heartbeatInterval(Duration.ofSeconds(1))
            .heartbeatTimeout(Duration.ofSeconds(3))
            .requestsTimeout(Duration.ofSeconds(3))
            .build();
    PostgresAdapters pg = PostgresAdapters.connect(URL, options);
    java = SocketIoServer.builder().host("127.0.0.1").port(0).adapter(pg.factory()).build();
    java.on(
        "connection",
        s -> {
          String name = s.handshake().auth().path("name").asText();
          s.data().put("name", name);
          String room = s.handshake().auth().path("room").asText("");
          if (!room.isEmpty()) s.join(room);
          javaSockets.put(name, s);
        });
    java.onServerSideEmit("ping", (args, ack) -> ack.accept("pong from java " + args.get(0)));
    java.start();
    ((PostgresAdapter) java.sockets().adapter()).subscribed().get(5, TimeUnit.SECONDS);
    node =
        NodeProcess.start(
            "postgres-cluster-node.mjs",
            "{\"prefix\":\"" + prefix + "\",\"postgres\":\"" + URL + "\"}");
    node.await("listening", WAIT);
    Awaitility.await().atMost(WAIT).until(() -> java.sockets().adapter().serverCount().get() == 2);
    Awaitility.await().atMost(WAIT).until(() -> command("serverCount").path("count").asInt() == 2);
  }

  @AfterEach
  void stop() {
    if (node != null) node.close();
    java.close();
  }

  JsonNode command(String cmd, Object... keyValues) {
    Map<String, Object> c = new HashMap<>();
    c.put("cmd", cmd);
    String tag = "t" + tags.incrementAndGet();
    c.put("tag", tag);
    for (int i = 0; i < keyValues.length; i += 2) c.put((String) keyValues[i], keyValues[i + 1]);
    node.send(c);
    JsonNode reply =
        node.await(
            n -> "reply".equals(n.path("type").asText()) && tag.equals(n.path("tag").asText()),
            WAIT);
    assertThat(reply.has("error")).as("node error: %s", reply).isFalse();
    return reply;
  }

  /** An npm client named {@code name} connected to the Node server, or to the Java one. */
  String connect(String name, String room, boolean toJava) {
    Map<String, Object> auth = Map.of("name", name, "room", room);
    JsonNode r =
        toJava
            ? command(
                "connect",
                "name",
                name,
                "auth",
                auth,
                "url",
                "http://127.0.0.1:" + java.address().getPort())
            : command("connect", "name", name, "auth", auth);
    if (toJava) Awaitility.await().atMost(WAIT).until(() -> javaSockets.containsKey(name));
    return r.path("id").asText();
  }

  private JsonNode clientEvent(String name, String event) {
    return node.await(
        n ->
            "client-event".equals(n.path("type").asText())
                && name.equals(n.path("name").asText())
                && event.equals(n.path("event").asText()),
        WAIT);
  }

  @Test
  void serverCountIsTwoOnBothSides() {
    assertThat(command("serverCount").path("count").asInt()).isEqualTo(2);
  }

  @Test
  void broadcastsWithBinaryCrossBothWays() {
    connect("n1", "red", false);
    connect("j1", "red", true);
    java.emit("from-java", "hi", new byte[] {1, 2, 3});
    for (String name : List.of("n1", "j1")) {
      assertThat(clientEvent(name, "from-java").path("args").toString())
          .isEqualTo("[\"hi\",{\"$bin\":\"AQID\"}]");
    }
    command(
        "emit", "event", "from-node", "args", List.of(Map.of("$bin", "BAU="), 7, Map.of("k", "v")));
    for (String name : List.of("n1", "j1")) {
      assertThat(clientEvent(name, "from-node").path("args").toString())
          .isEqualTo("[{\"$bin\":\"BAU=\"},7,{\"k\":\"v\"}]");
    }
  }

  @Test
  void payloadsOverTheNotifyLimitGoThroughTheTableBothWays() {
    connect("n1", "", false);
    connect("j1", "", true);
    String big = "x".repeat(20_000);
    java.emit("big-from-java", big);
    for (String name : List.of("n1", "j1")) {
      assertThat(clientEvent(name, "big-from-java").path("args").get(0).asText()).isEqualTo(big);
    }
    command("emit", "event", "big-from-node", "args", List.of(big));
    for (String name : List.of("n1", "j1")) {
      assertThat(clientEvent(name, "big-from-node").path("args").get(0).asText()).isEqualTo(big);
    }
  }

  @Test
  void exceptAcrossNodes() {
    connect("n1", "red", false);
    connect("n2", "blue", false);
    connect("j1", "red", true);
    connect("j2", "blue", true);
    java.except("red").emit("not-red", 1);
    command("emit", "except", List.of("blue"), "event", "not-blue", "args", List.of(2));
    command("emit", "event", "sync", "args", List.of());
    for (String name : List.of("n2", "j2")) clientEvent(name, "not-red");
    for (String name : List.of("n1", "j1")) clientEvent(name, "not-blue");
    for (String name : List.of("n1", "n2", "j1", "j2")) clientEvent(name, "sync");
    // "sync" went out last: anything misrouted would have arrived by now
    for (String name : List.of("n1", "j1")) assertThat(unreadEvent(name, "not-red")).isFalse();
    for (String name : List.of("n2", "j2")) assertThat(unreadEvent(name, "not-blue")).isFalse();
  }

  @Test
  void roomsAcrossNodes() {
    connect("n1", "red", false);
    connect("n2", "blue", false);
    connect("j1", "red", true);
    connect("j2", "blue", true);
    java.to("red").emit("to-red", 1);
    command("emit", "room", "blue", "event", "to-blue", "args", List.of(2));
    java.emit("sync");
    for (String name : List.of("n1", "j1")) clientEvent(name, "to-red");
    for (String name : List.of("n2", "j2")) clientEvent(name, "to-blue");
    for (String name : List.of("n1", "n2", "j1", "j2")) clientEvent(name, "sync");
    // "sync" went out after the room broadcasts: anything misrouted would have arrived by now
    for (String name : List.of("n2", "j2")) assertThat(unreadEvent(name, "to-red")).isFalse();
    for (String name : List.of("n1", "j1")) assertThat(unreadEvent(name, "to-blue")).isFalse();
  }

  private boolean unreadEvent(String name, String event) {
    try {
      node.await(
          n ->
              "client-event".equals(n.path("type").asText())
                  && name.equals(n.path("name").asText())
                  && event.equals(n.path("event").asText()),
          Duration.ofMillis(200));
      return true;
    } catch (AssertionError timedOut) {
      return false;
    }
  }

  @Test
  void fetchSocketsAndRemoteSocketActionsBothWays() throws Exception {
    String n1 = connect("n1", "red", false);
    connect("j1", "red", true);
    String j1 = javaSockets.get("j1").id();

    List<RemoteSocket> fromJava = java.in("red").fetchSockets().get(10, TimeUnit.SECONDS);
    assertThat(fromJava).extracting(RemoteSocket::id).containsExactlyInAnyOrder(n1, j1);
    RemoteSocket nodeSocket =
        fromJava.stream().filter(s -> s.id().equals(n1)).findFirst().orElseThrow();
    assertThat(nodeSocket.data()).containsEntry("name", "n1");
    assertThat(nodeSocket.rooms()).contains("red", n1);
    assertThat(nodeSocket.handshake().auth().path("name").asText()).isEqualTo("n1");
    nodeSocket.emit("direct", "to-n1");
    assertThat(clientEvent("n1", "direct").path("args").toString()).isEqualTo("[\"to-n1\"]");

    JsonNode fromNode = command("fetchSockets", "room", "red").path("sockets");
    assertThat(fromNode).hasSize(2);
    JsonNode javaSocket = null;
    for (JsonNode s : fromNode) if (s.path("id").asText().equals(j1)) javaSocket = s;
    assertThat(javaSocket).as("the Java socket in %s", fromNode).isNotNull();
    assertThat(javaSocket.path("data").path("name").asText()).isEqualTo("j1");
    assertThat(javaSocket.path("auth").path("room").asText()).isEqualTo("red");
    command("remoteEmit", "id", j1, "event", "direct", "args", List.of("to-j1"));
    assertThat(clientEvent("j1", "direct").path("args").toString()).isEqualTo("[\"to-j1\"]");
  }

  @Test
  void socketsJoinAndDisconnectSocketsBothWays() {
    String n1 = connect("n1", "red", false);
    connect("j1", "red", true);
    Socket j1 = javaSockets.get("j1");
    java.in("red").socketsJoin("green");
    Awaitility.await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(command("rooms", "id", n1).path("rooms").toString())
                    .contains("\"green\""));
    assertThat(j1.rooms()).contains("green");

    command("socketsJoin", "target", j1.id(), "room", "from-node");
    Awaitility.await()
        .atMost(WAIT)
        .untilAsserted(() -> assertThat(j1.rooms()).contains("from-node"));

    command("disconnectSockets", "target", j1.id());
    JsonNode gone =
        node.await(
            n ->
                "client-disconnect".equals(n.path("type").asText())
                    && "j1".equals(n.path("name").asText()),
            WAIT);
    assertThat(gone.path("reason").asText()).isEqualTo("io server disconnect");
    java.in(n1).disconnectSockets(false);
    gone =
        node.await(
            n ->
                "client-disconnect".equals(n.path("type").asText())
                    && "n1".equals(n.path("name").asText()),
            WAIT);
    assertThat(gone.path("reason").asText()).isEqualTo("io server disconnect");
  }

  @Test
  void serverSideEmitWithAcksBothWays() throws Exception {
    List<com.fasterxml.jackson.databind.node.ArrayNode> answers =
        java.serverSideEmitWithAck("ping", 1).get(10, TimeUnit.SECONDS);
    assertThat(answers).hasSize(1);
    assertThat(answers.get(0).get(0).asText()).isEqualTo("pong from node 1");

    assertThat(
            command("serverSideEmitWithAck", "event", "ping", "args", List.of(2))
                .path("answers")
                .toString())
        .isEqualTo("[\"pong from java 2\"]");

    java.serverSideEmit("note", "x", 3);
    assertThat(node.await("server-side", WAIT).path("args").toString()).isEqualTo("[\"x\",3]");
  }

  @Test
  void broadcastAcksGatherAnswersFromBothNodes() throws Exception {
    connect("n1", "red", false);
    connect("j1", "red", true);
    List<Arguments> fromJava =
        java.timeout(Duration.ofSeconds(5)).emitWithAck("vote", 1).get(10, TimeUnit.SECONDS);
    assertThat(fromJava)
        .extracting(r -> r.get(0, String.class))
        .containsExactlyInAnyOrder("n1-yes", "j1-yes");

    JsonNode fromNode = command("emitWithAck", "event", "vote", "args", List.of(2)).path("answers");
    assertThat(fromNode.toString()).contains("\"n1-yes\"", "\"j1-yes\"");
    assertThat(fromNode).hasSize(2);
  }
}
