package io.sio4j.interop.redis;

import static io.sio4j.interop.cluster.NodeCommands.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.lettuce.core.RedisClient;
import io.sio4j.adapter.redis.RedisStreamsAdapter;
import io.sio4j.adapter.redis.RedisStreamsAdapterOptions;
import io.sio4j.interop.cluster.NodeCommands;
import io.sio4j.server.ConnectionStateRecovery;
import io.sio4j.server.RemoteSocket;
import io.sio4j.server.SocketIoServer;
import io.sio4j.testkit.NodeProcess;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Connection state recovery across nodes with the Streams adapter, against the npm client (run by
 * the Node script, which also runs a Node server on npm {@code @socket.io/redis-streams-adapter}):
 * a client whose node goes away reconnects to another node, Java or Node, and gets back its id,
 * rooms and data, and exactly the broadcasts it missed. The client's next reconnection is pointed
 * at the other node ({@code io.uri}), as a load balancer would.
 */
class StreamsRecoveryInteropTest {
  private final String key = "sio4j-recovery-" + UUID.randomUUID();
  private RedisClient redis;
  private SocketIoServer a;
  private SocketIoServer b;
  private NodeProcess node;

  @BeforeEach
  void start() throws Exception {
    redis = RedisClient.create("redis://127.0.0.1:6379");
    a = javaNode();
    b = javaNode();
    node =
        NodeProcess.start(
            "redis-cluster-node.mjs",
            "{\"key\":\"" + key + "\",\"streams\":true,\"recovery\":true}");
    nodePort = node.await("listening", WAIT).path("port").asText();
    Awaitility.await().atMost(WAIT).until(() -> b.sockets().adapter().serverCount().get() == 3);
  }

  private SocketIoServer javaNode() throws Exception {
    SocketIoServer io =
        SocketIoServer.builder()
            .host("127.0.0.1")
            .port(0)
            .connectionStateRecovery(ConnectionStateRecovery.DEFAULT)
            .adapter(
                RedisStreamsAdapter.factory(
                    redis,
                    RedisStreamsAdapterOptions.builder()
                        .streamName(key)
                        .channelPrefix(key)
                        .sessionKeyPrefix(key + ":session:")
                        .blockTime(Duration.ofSeconds(1))
                        .requestsTimeout(Duration.ofSeconds(3))
                        .build()))
            .build();
    io.on(
        "connection",
        s -> {
          if (s.recovered()) return;
          s.data().put("name", s.handshake().auth().path("name").asText());
          s.join("r");
        });
    io.start();
    ((RedisStreamsAdapter) io.sockets().adapter()).subscribed().get(5, TimeUnit.SECONDS);
    return io;
  }

  @AfterEach
  void stop() {
    if (node != null) node.close();
    if (a != null) a.close();
    b.close();
    redis.shutdown(Duration.ZERO, Duration.ofSeconds(2));
  }

  @Test
  void clientOfADeadJavaNodeRecoversOnAnotherJavaNode() throws Exception {
    String id = connect("ann", a);
    b.to("r").emit("msg", "before");
    assertThat(clientEvent("ann", "msg").path("args").get(0).asText()).isEqualTo("before");

    a.close(); // the node goes away; the client retries it in vain
    a = null;
    node.await(n -> "client-disconnect".equals(n.path("type").asText()), WAIT);
    b.to("r").emit("msg", "missed-1");
    b.to("elsewhere").emit("msg", "not-for-ann");
    b.except("r").emit("msg", "not-for-ann-either");
    b.emit("msg", "missed-2");
    command("retarget", "name", "ann", "url", url(b));

    JsonNode back = node.await(n -> "client-connect".equals(n.path("type").asText()), WAIT);
    assertThat(back.path("recovered").asBoolean()).as("recovered: %s", back).isTrue();
    assertThat(back.path("id").asText()).isEqualTo(id);
    assertThat(clientEvent("ann", "msg").path("args").get(0).asText()).isEqualTo("missed-1");
    assertThat(clientEvent("ann", "msg").path("args").get(0).asText()).isEqualTo("missed-2");
    List<RemoteSocket> inRoom = b.in("r").fetchSockets().get(10, TimeUnit.SECONDS);
    assertThat(inRoom).extracting(RemoteSocket::id).contains(id);
    RemoteSocket ann = inRoom.stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    assertThat(ann.data()).containsEntry("name", "ann");
    b.to("r").emit("msg", "after");
    assertThat(clientEvent("ann", "msg").path("args").get(0).asText()).isEqualTo("after");
  }

  @Test
  void clientOfANodeServerRecoversOnAJavaNode() throws Exception {
    String id =
        command(
                "connect",
                "name",
                "bob",
                "reconnect",
                true,
                "auth",
                Map.of("name", "bob", "room", "r"))
            .path("id")
            .asText();
    node.await(n -> "client-connect".equals(n.path("type").asText()), WAIT);
    b.to("r").emit("msg", "before");
    assertThat(clientEvent("bob", "msg").path("args").get(0).asText()).isEqualTo("before");

    command("retarget", "name", "bob", "url", url(b));
    command("drop", "id", id); // the Node server closes the transport; the client comes to b
    JsonNode back = node.await(n -> "client-connect".equals(n.path("type").asText()), WAIT);
    assertThat(back.path("recovered").asBoolean()).as("recovered: %s", back).isTrue();
    assertThat(back.path("id").asText()).isEqualTo(id);
    List<RemoteSocket> inRoom = b.in("r").fetchSockets().get(10, TimeUnit.SECONDS);
    RemoteSocket bob = inRoom.stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    assertThat(bob.rooms()).contains("r");
    assertThat(bob.data()).containsEntry("name", "bob");
    b.to("r").emit("msg", "after");
    assertThat(clientEvent("bob", "msg").path("args").get(0).asText()).isEqualTo("after");
  }

  @Test
  void clientOfADeadJavaNodeRecoversOnANodeServer() throws Exception {
    String id = connect("cyd", a);
    b.to("r").emit("msg", "before");
    assertThat(clientEvent("cyd", "msg").path("args").get(0).asText()).isEqualTo("before");
    JsonNode listening = command("serverCount");
    assertThat(listening.path("count").asInt()).isEqualTo(3);

    a.close();
    a = null;
    node.await(n -> "client-disconnect".equals(n.path("type").asText()), WAIT);
    b.to("r").emit("msg", "missed");
    command("retarget", "name", "cyd", "url", nodeUrl());

    JsonNode back = node.await(n -> "client-connect".equals(n.path("type").asText()), WAIT);
    assertThat(back.path("recovered").asBoolean()).as("recovered: %s", back).isTrue();
    assertThat(back.path("id").asText()).isEqualTo(id);
    assertThat(clientEvent("cyd", "msg").path("args").get(0).asText()).isEqualTo("missed");
    JsonNode rooms = command("rooms", "id", id).path("rooms");
    assertThat(rooms.toString()).contains("\"r\"");
  }

  private String nodePort;

  private String nodeUrl() {
    return "http://127.0.0.1:" + nodePort;
  }

  private String connect(String name, SocketIoServer to) {
    JsonNode r =
        command(
            "connect",
            "name",
            name,
            "reconnect",
            true,
            "url",
            url(to),
            "auth",
            Map.of("name", name));
    node.await(n -> "client-connect".equals(n.path("type").asText()), WAIT);
    return r.path("id").asText();
  }

  private static String url(SocketIoServer io) {
    return "http://127.0.0.1:" + io.address().getPort();
  }

  private JsonNode clientEvent(String name, String event) {
    return NodeCommands.clientEvent(node, name, event);
  }

  private JsonNode command(String cmd, Object... keyValues) {
    return NodeCommands.command(node, cmd, keyValues);
  }
}
