package io.sio4j.interop.cluster;

import static io.sio4j.interop.cluster.NodeCommands.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sio4j.protocol.event.Arguments;
import io.sio4j.server.RemoteSocket;
import io.sio4j.server.Socket;
import io.sio4j.server.SocketIoServer;
import io.sio4j.server.adapter.Adapter;
import io.sio4j.server.adapter.AdapterFactory;
import io.sio4j.testkit.NodeProcess;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A Node socket.io 4.8 server with an official npm adapter and a sio4j server with the matching
 * adapter in one cluster (Redis at 127.0.0.1:6379 or PostgreSQL at 127.0.0.1:5432): broadcasts
 * (with binary), rooms, fetchSockets, the utilities, serverSideEmit with acks and broadcasts with
 * acks work in both directions. Clients are npm socket.io-client instances run by the Node script
 * ({@code interop/node/cluster-node.mjs}). Subclasses pick the adapter kind and its Node script.
 */
public abstract class NodeClusterInteropContract {
  /** The key, stream name or channel prefix both nodes share, fresh for each test. */
  protected final String key = "sio4j-interop-" + UUID.randomUUID();

  protected final Map<String, Socket> javaSockets = new ConcurrentHashMap<>();
  protected SocketIoServer java;
  protected NodeProcess node;

  /** Opens what the sio4j node's adapter needs (connections, pools); before {@link #adapter()}. */
  protected void openBackend() throws Exception {}

  /** Closes what {@link #openBackend()} opened, after both nodes stopped. */
  protected void closeBackend() {}

  /** The sio4j node's adapter. */
  protected abstract AdapterFactory adapter() throws Exception;

  /** Completes once the sio4j node's adapter receives the cluster's messages. */
  protected abstract CompletableFuture<Void> subscribed(Adapter adapter);

  /** The Node script under {@code interop/node}. */
  protected abstract String nodeScript();

  /** The Node script's configuration (JSON). */
  protected abstract String nodeConfig();

  /** Waits until both nodes see each other; by default until the sio4j node counts two. */
  protected void awaitCluster() {
    Awaitility.await().atMost(WAIT).until(() -> java.sockets().adapter().serverCount().get() == 2);
  }

  @BeforeEach
  protected void start() throws Exception {
    openBackend();
    java = SocketIoServer.builder().host("127.0.0.1").port(0).adapter(adapter()).build();
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
    subscribed(java.sockets().adapter()).get(5, TimeUnit.SECONDS);
    node = NodeProcess.start(nodeScript(), nodeConfig());
    node.await("listening", WAIT);
    awaitCluster();
  }

  @AfterEach
  protected void stop() {
    if (node != null) node.close();
    if (java != null) java.close();
    closeBackend();
  }

  protected JsonNode command(String cmd, Object... keyValues) {
    return NodeCommands.command(node, cmd, keyValues);
  }

  /** An npm client named {@code name} connected to the Node server, or to the Java one. */
  protected String connect(String name, String room, boolean toJava) {
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

  protected JsonNode clientEvent(String name, String event) {
    return NodeCommands.clientEvent(node, name, event);
  }

  protected boolean unreadEvent(String name, String event) {
    return NodeCommands.unreadEvent(node, name, event);
  }

  @Test
  protected void serverCountIsTwoOnBothSides() {
    assertThat(command("serverCount").path("count").asInt()).isEqualTo(2);
  }

  @Test
  protected void broadcastsWithBinaryCrossBothWays() {
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
  protected void roomsAcrossNodes() {
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

  @Test
  protected void fetchSocketsAndRemoteSocketActionsBothWays() throws Exception {
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
  protected void socketsJoinAndDisconnectSocketsBothWays() {
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
  protected void serverSideEmitWithAcksBothWays() throws Exception {
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
  protected void broadcastAcksGatherAnswersFromBothNodes() throws Exception {
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
