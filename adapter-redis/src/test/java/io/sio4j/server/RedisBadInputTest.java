package io.sio4j.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.sio4j.adapter.redis.RedisAdapter;
import io.sio4j.adapter.redis.TestRedis;
import io.sio4j.engine.OutboundMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Whoever can publish to Redis can send anything (SECURITY-CASES: CVE-2025-61765): garbage bytes,
 * unknown request types, wrong field types, huge announced lengths, deep nesting, absurd counts.
 * Each is dropped (logged at debug), nothing reaches a client, and the node keeps serving the
 * cluster.
 */
class RedisBadInputTest {
  private final String key = TestRedis.uniqueKey();
  private final List<TestRedis> redis = new ArrayList<>();
  private FakeConnection client;
  private SocketIoServer a;
  private SocketIoServer b;

  @BeforeEach
  void start() throws Exception {
    a = node();
    b = node();
    for (SocketIoServer io : List.of(a, b)) {
      ((RedisAdapter) io.sockets().adapter()).subscribed().get(5, TimeUnit.SECONDS);
    }
    Awaitility.await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> a.sockets().adapter().serverCount().get() == 2);
    CompletableFuture<Socket> s = new CompletableFuture<>();
    b.on("connection", s::complete);
    client = FakeConnection.connect(b);
    client.text("0");
    assertThat(client.next()).startsWith("0{");
    s.get(5, TimeUnit.SECONDS).join("room1");
  }

  private SocketIoServer node() {
    TestRedis r = TestRedis.connect();
    redis.add(r);
    return SocketIoServer.builder().adapter(r.factory(key)).build();
  }

  @AfterEach
  void stop() {
    a.close();
    b.close();
    client.shutdown();
    redis.forEach(TestRedis::close);
  }

  private static byte[] hex(String hex) {
    byte[] out = new byte[hex.length() / 2];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
    }
    return out;
  }

  private static List<byte[]> badMessages() {
    List<byte[]> out = new ArrayList<>();
    Random random = new Random(42);
    for (int i = 0; i < 20; i++) {
      byte[] bytes = new byte[1 + random.nextInt(200)];
      random.nextBytes(bytes);
      out.add(bytes);
    }
    for (String s :
        List.of(
            "",
            "{",
            "{\"type\":99,\"uid\":\"x\"}",
            "{\"type\":\"2\",\"uid\":\"x\"}",
            "{\"type\":5,\"uid\":\"x\",\"requestId\":\"r\",\"opts\":\"x\"}",
            "{\"type\":2,\"uid\":\"x\",\"opts\":{\"rooms\":5},\"rooms\":[\"evil\"]}",
            "{\"type\":2,\"uid\":\"x\",\"opts\":{\"rooms\":[\"nope\"]},\"rooms\":{\"a\":1}}",
            "{\"type\":4,\"uid\":\"x\",\"sid\":{\"a\":1}}",
            "{\"type\":6,\"uid\":\"x\",\"data\":\"not-an-array\"}",
            "{\"type\":6,\"uid\":\"x\",\"data\":[{\"toString\":1}]}",
            "{\"type\":7,\"uid\":\"x\",\"requestId\":\"q\",\"packet\":{\"type\":0,\"data\":[]}}",
            "{\"type\":7,\"uid\":\"x\",\"requestId\":\"q\",\"packet\":{\"type\":2,\"data\":\"x\"}}",
            "{\"type\":8,\"requestId\":\"unknown\",\"clientCount\":1e300}",
            "{\"type\":9,\"requestId\":5,\"packet\":[1]}",
            "{\"requestId\":\"unknown\",\"sockets\":[{\"id\":{}}]}",
            "[1,2,3]")) {
      out.add(s.getBytes(StandardCharsets.UTF_8));
    }
    out.add(hex("ddffffffff")); // array announcing 4 billion entries
    out.add(hex("db7fffffff41")); // string announcing 2 GB
    out.add(hex("dfffffffff")); // map announcing 4 billion entries
    out.add(hex("c6ffffffff00")); // binary announcing 4 GB
    out.add(hex("8101a161")); // map with an integer key
    out.add(hex("91".repeat(5000) + "c0")); // nesting 5000 deep
    out.add(hex("93a1789202c091c0")); // [uid, [2, nil], [nil]]: wrong shapes
    out.add(hex("93a17882a474797065a16ea464617461c0c0")); // packet type "n", opts nil
    out.add(hex("c1")); // the never-used msgpack byte
    return out;
  }

  @Test
  void garbageOnEveryChannelIsDroppedAndTheClusterKeepsWorking() throws Exception {
    List<String> channels =
        List.of(
            key + "#/#",
            key + "#/#room1#",
            key + "-request#/#",
            key + "-response#/#",
            key + "-response#/#" + ((RedisAdapter) b.sockets().adapter()).uid() + "#");
    TestRedis attacker = redis.get(0);
    for (String channel : channels) {
      for (byte[] message : badMessages()) {
        attacker.pub.sync().publish(channel.getBytes(StandardCharsets.UTF_8), message);
      }
    }
    // the messages above are handled in order before this one on b's subscription
    a.to("room1").emit("still", "ok");
    assertThat(client.next()).isEqualTo("2[\"still\",\"ok\"]");
    OutboundMessage extra = client.poll(Duration.ofMillis(200));
    assertThat(extra).as("nothing from the garbage reached the client").isNull();
    assertThat(a.fetchSockets().get(5, TimeUnit.SECONDS)).hasSize(1);
    assertThat(b.sockets().sockets()).hasSize(1);
    assertThat(b.sockets().adapter().rooms())
        .containsOnlyKeys(
            "room1", client.id().isEmpty() ? "" : b.sockets().sockets().keySet().iterator().next());
  }
}
