package io.sio4j.interop.redis;

import static io.sio4j.interop.cluster.NodeCommands.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.sio4j.adapter.redis.RedisAdapter;
import io.sio4j.adapter.redis.RedisAdapterOptions;
import io.sio4j.emitter.redis.RedisEmitter;
import io.sio4j.interop.cluster.NodeCommands;
import io.sio4j.server.Socket;
import io.sio4j.server.SocketIoServer;
import io.sio4j.testkit.NodeProcess;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Emitters into a mixed cluster over classic Redis pub/sub: a sio4j node ({@link RedisAdapter}) and
 * a Node node ({@code @socket.io/redis-adapter} {@code createAdapter}), with npm socket.io-client
 * clients on both. The Java {@link RedisEmitter} reaches the clients of both nodes; the npm {@code
 * @socket.io/redis-emitter} 5.x reaches the clients of the sio4j node. (The npm emitter has no
 * sharded mode, so there is nothing to receive on a sharded cluster.)
 */
class RedisEmitterInteropTest {
  private final String key = "sio4j-emitter-" + UUID.randomUUID();
  private final Map<String, Socket> javaSockets = new ConcurrentHashMap<>();
  private final BlockingQueue<ArrayNode> javaServerSide = new LinkedBlockingQueue<>();
  private RedisClient redis;
  private StatefulRedisConnection<byte[], byte[]> pub;
  private StatefulRedisPubSubConnection<byte[], byte[]> sub;
  private SocketIoServer java;
  private NodeProcess node;
  private RedisEmitter emitter;

  @BeforeEach
  void start() throws Exception {
    redis = RedisClient.create("redis://127.0.0.1:6379");
    pub = redis.connect(ByteArrayCodec.INSTANCE);
    sub = redis.connectPubSub(ByteArrayCodec.INSTANCE);
    java =
        SocketIoServer.builder()
            .host("127.0.0.1")
            .port(0)
            .adapter(RedisAdapter.factory(pub, sub, RedisAdapterOptions.builder().key(key).build()))
            .build();
    java.on(
        "connection",
        s -> {
          String name = s.handshake().auth().path("name").asText();
          String room = s.handshake().auth().path("room").asText("");
          if (!room.isEmpty()) s.join(room);
          javaSockets.put(name, s);
        });
    java.of("/chat").on("connection", s -> javaSockets.put("chat", s));
    java.onServerSideEmit("note", (args, ack) -> javaServerSide.add(args));
    java.start();
    ((RedisAdapter) java.sockets().adapter()).subscribed().get(5, TimeUnit.SECONDS);
    ((RedisAdapter) java.of("/chat").adapter()).subscribed().get(5, TimeUnit.SECONDS);
    node = NodeProcess.start("redis-cluster-node.mjs", "{\"key\":\"" + key + "\"}");
    node.await("listening", WAIT);
    Awaitility.await().atMost(WAIT).until(() -> java.sockets().adapter().serverCount().get() == 2);
    emitter = RedisEmitter.create(pub, key);
  }

  @AfterEach
  void stop() {
    if (node != null) node.close();
    java.close();
    pub.close();
    sub.close();
    redis.shutdown(Duration.ZERO, Duration.ofSeconds(2));
  }

  private void connect(String name, String room, String url) {
    Map<String, Object> auth = Map.of("name", name, "room", room);
    if (url == null) command(node, "connect", "name", name, "auth", auth);
    else command(node, "connect", "name", name, "auth", auth, "url", url);
  }

  /** n1, j1 in "red"; n2, j2 in "blue" (n on the Node server, j on sio4j). */
  private void connectFour() {
    String javaUrl = "http://127.0.0.1:" + java.address().getPort();
    connect("n1", "red", null);
    connect("n2", "blue", null);
    connect("j1", "red", javaUrl);
    connect("j2", "blue", javaUrl);
    Awaitility.await()
        .atMost(WAIT)
        .until(() -> javaSockets.containsKey("j1") && javaSockets.containsKey("j2"));
  }

  private void awaitDisconnect(String name) {
    node.await(
        n ->
            "client-disconnect".equals(n.path("type").asText())
                && name.equals(n.path("name").asText()),
        WAIT);
  }

  @Test
  void javaEmitterBroadcastsWithBinaryRoomsAndExceptToBothNodes() throws Exception {
    connectFour();
    emitter.to("red").emit("news", "x", new byte[] {1, 2, 3}).get(5, TimeUnit.SECONDS);
    emitter.except("red").emit("other", Map.of("k", 1)).get(5, TimeUnit.SECONDS);
    emitter.emit("sync").get(5, TimeUnit.SECONDS);
    for (String name : List.of("n1", "j1")) {
      assertThat(clientEvent(name, "news").path("args").toString())
          .isEqualTo("[\"x\",{\"$bin\":\"AQID\"}]");
    }
    for (String name : List.of("n2", "j2")) {
      assertThat(clientEvent(name, "other").path("args").toString()).isEqualTo("[{\"k\":1}]");
    }
    for (String name : List.of("n1", "n2", "j1", "j2")) clientEvent(name, "sync");
    for (String name : List.of("n1", "j1")) assertThat(unreadEvent(name, "other")).isFalse();
    for (String name : List.of("n2", "j2")) assertThat(unreadEvent(name, "news")).isFalse();
  }

  @Test
  void javaEmitterReachesAnotherNamespace() throws Exception {
    command(
        node,
        "connect",
        "name",
        "c1",
        "auth",
        Map.of(),
        "url",
        "http://127.0.0.1:" + java.address().getPort() + "/chat");
    Awaitility.await().atMost(WAIT).until(() -> javaSockets.containsKey("chat"));
    emitter.of("chat").emit("in-chat", 1).get(5, TimeUnit.SECONDS);
    assertThat(clientEvent("c1", "in-chat").path("args").toString()).isEqualTo("[1]");
  }

  @Test
  void javaEmitterUtilitiesReachBothNodes() throws Exception {
    connectFour();
    Socket j1 = javaSockets.get("j1");
    emitter.in("red").socketsJoin("green").get(5, TimeUnit.SECONDS);
    Awaitility.await().atMost(WAIT).untilAsserted(() -> assertThat(j1.rooms()).contains("green"));
    emitter.to("green").emit("to-green").get(5, TimeUnit.SECONDS);
    clientEvent("n1", "to-green");
    clientEvent("j1", "to-green");

    emitter.in("red").socketsLeave("green").get(5, TimeUnit.SECONDS);
    Awaitility.await()
        .atMost(WAIT)
        .untilAsserted(() -> assertThat(j1.rooms()).doesNotContain("green"));

    emitter.serverSideEmit("note", "x", 3).get(5, TimeUnit.SECONDS);
    assertThat(node.await("server-side", WAIT).path("args").toString()).isEqualTo("[\"x\",3]");
    assertThat(javaServerSide.poll(10, TimeUnit.SECONDS)).hasToString("[\"x\",3]");

    emitter.in("blue").disconnectSockets(false).get(5, TimeUnit.SECONDS);
    awaitDisconnect("n2");
    awaitDisconnect("j2");
  }

  @Test
  void npmEmitterReachesTheClientsOfTheSio4jNode() throws Exception {
    connectFour();
    try (NodeProcess npm = NodeProcess.start("redis-emitter.mjs", "{\"key\":\"" + key + "\"}")) {
      npm.await("ready", WAIT);
      command(
          npm,
          "emit",
          "rooms",
          List.of("red"),
          "event",
          "from-npm",
          "args",
          List.of("y", Map.of("$bin", "BAU=")));
      command(npm, "emit", "except", List.of("red"), "event", "not-red", "args", List.of(2));
      command(npm, "emit", "event", "sync", "args", List.of());
      assertThat(clientEvent("j1", "from-npm").path("args").toString())
          .isEqualTo("[\"y\",{\"$bin\":\"BAU=\"}]");
      assertThat(clientEvent("j2", "not-red").path("args").toString()).isEqualTo("[2]");
      clientEvent("j1", "sync");
      clientEvent("j2", "sync");
      assertThat(unreadEvent("j1", "not-red")).isFalse();
      assertThat(unreadEvent("j2", "from-npm")).isFalse();

      Socket j1 = javaSockets.get("j1");
      command(npm, "socketsJoin", "rooms", List.of("red"), "join", "from-npm-room");
      Awaitility.await()
          .atMost(WAIT)
          .untilAsserted(() -> assertThat(j1.rooms()).contains("from-npm-room"));
      command(npm, "socketsLeave", "rooms", List.of("red"), "leave", "from-npm-room");
      Awaitility.await()
          .atMost(WAIT)
          .untilAsserted(() -> assertThat(j1.rooms()).doesNotContain("from-npm-room"));

      command(npm, "serverSideEmit", "event", "note", "args", List.of("z"));
      assertThat(javaServerSide.poll(10, TimeUnit.SECONDS)).hasToString("[\"z\"]");

      command(npm, "disconnectSockets", "rooms", List.of("blue"), "close", false);
      awaitDisconnect("j2");
    }
  }

  private static JsonNode command(NodeProcess process, String cmd, Object... keyValues) {
    return NodeCommands.command(process, cmd, keyValues);
  }

  private JsonNode clientEvent(String name, String event) {
    return NodeCommands.clientEvent(node, name, event);
  }

  private boolean unreadEvent(String name, String event) {
    return NodeCommands.unreadEvent(node, name, event);
  }
}
