package io.sio4j.interop.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.sio4j.adapter.redis.RedisAdapter;
import io.sio4j.adapter.redis.RedisAdapterOptions;
import io.sio4j.admin.AdminUi;
import io.sio4j.admin.AdminUiOptions;
import io.sio4j.server.SocketIoServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The admin UI across a cluster: two sio4j nodes share the Redis at 127.0.0.1:6379 through {@link
 * RedisAdapter}, each instrumented. A UI (npm socket.io-client) connected to node A gets both
 * nodes' {@code server_stats}, sees a socket that connects to node B, and its actions (join,
 * disconnect) reach that socket, all through the adapter as with the official admin UI.
 */
class AdminUiClusterInteropTest {
  private final String key = "sio4j-admin-" + UUID.randomUUID();
  private final List<AutoCloseable> closing = new ArrayList<>();
  private RedisClient redis;
  private SocketIoServer a;
  private SocketIoServer b;

  @BeforeEach
  void start() throws Exception {
    redis = RedisClient.create("redis://127.0.0.1:6379");
    a = node("A");
    b = node("B");
    Awaitility.await().until(() -> a.sockets().adapter().serverCount().get() == 2);
  }

  private SocketIoServer node(String id) throws Exception {
    StatefulRedisConnection<byte[], byte[]> pub = redis.connect(ByteArrayCodec.INSTANCE);
    StatefulRedisPubSubConnection<byte[], byte[]> sub =
        redis.connectPubSub(ByteArrayCodec.INSTANCE);
    SocketIoServer io =
        SocketIoServer.builder()
            .host("127.0.0.1")
            .port(0)
            .adapter(
                RedisAdapter.factory(
                    pub,
                    sub,
                    RedisAdapterOptions.builder()
                        .key(key)
                        .requestsTimeout(Duration.ofSeconds(3))
                        .build()))
            .build();
    AdminUi ui = AdminUi.instrument(io, AdminUiOptions.builder().noAuth().serverId(id).build());
    io.start();
    ((RedisAdapter) io.sockets().adapter()).subscribed().get(5, TimeUnit.SECONDS);
    ((RedisAdapter) io.of("/admin").adapter()).subscribed().get(5, TimeUnit.SECONDS);
    closing.add(sub);
    closing.add(pub);
    closing.add(io);
    closing.add(ui);
    return io;
  }

  @AfterEach
  void stop() throws Exception {
    for (int i = closing.size() - 1; i >= 0; i--) closing.get(i).close();
    redis.shutdown(Duration.ZERO, Duration.ofSeconds(2));
  }

  @Test
  void aUiOnOneNodeSeesAndActsOnAnother() {
    try (SioClient onA = new SioClient("http://127.0.0.1:" + a.address().getPort());
        SioClient onB = new SioClient("http://127.0.0.1:" + b.address().getPort())) {
      onA.connected(
          "admin", "/admin", Map.of("forceNew", true, "transports", List.of("websocket")));
      Set<String> servers = new HashSet<>();
      while (servers.size() < 2) {
        JsonNode stats = onA.awaitEvent("admin", "server_stats").path("args").get(0);
        servers.add(stats.path("serverId").asText());
      }
      assertThat(servers).containsExactlyInAnyOrder("A", "B");

      String user =
          onB.connected("u", "/", Map.of("forceNew", true, "transports", List.of("websocket")))
              .path("sid")
              .asText();
      JsonNode connected = onA.awaitEvent("admin", "socket_connected").path("args").get(0);
      while (!connected.path("id").asText().equals(user)) {
        connected = onA.awaitEvent("admin", "socket_connected").path("args").get(0);
      }
      assertThat(connected.path("nsp").asText()).isEqualTo("/");

      onA.emit("admin", "join", "/", "vip", user);
      JsonNode joined = onA.awaitEvent("admin", "room_joined").path("args");
      while (!joined.get(1).asText().equals("vip")) {
        joined = onA.awaitEvent("admin", "room_joined").path("args");
      }
      assertThat(joined.get(2).asText()).isEqualTo(user);
      assertThat(b.sockets().sockets().get(user).rooms()).contains("vip");

      onA.emit("admin", "_disconnect", "/", false, user);
      assertThat(onB.await("disconnect", "u").path("reason").asText())
          .isEqualTo("io server disconnect");
    }
  }
}
