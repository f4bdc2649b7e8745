package io.sio4j.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.sio4j.server.SocketIoServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Whatever is published on a sharded node's channels (garbage, truncated msgpack, wrong shapes,
 * forged responses), the nodes drop it and keep answering each other.
 */
class ShardedBadInputTest {
  private final String prefix = TestRedis.uniqueKey();
  private ShardedRedis redisA;
  private ShardedRedis redisB;
  private SocketIoServer a;
  private SocketIoServer b;
  private RedisClient client;
  private StatefulRedisConnection<byte[], byte[]> raw;

  @BeforeEach
  void start() throws Exception {
    redisA = ShardedRedis.standalone();
    redisB = ShardedRedis.standalone();
    a = SocketIoServer.builder().adapter(redisA.factory(prefix, SubscriptionMode.DYNAMIC)).build();
    b = SocketIoServer.builder().adapter(redisB.factory(prefix, SubscriptionMode.DYNAMIC)).build();
    for (SocketIoServer io : List.of(a, b)) {
      ((ShardedRedisAdapter) io.sockets().adapter()).subscribed().get(5, TimeUnit.SECONDS);
    }
    Awaitility.await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> a.sockets().adapter().serverCount().get() == 2);
    b.onServerSideEmit("ping", (args, ack) -> ack.accept("pong"));
    client = RedisClient.create("redis://127.0.0.1:6379");
    raw = client.connect(ByteArrayCodec.INSTANCE);
  }

  @AfterEach
  void stop() throws Exception {
    a.close();
    b.close();
    redisA.close();
    redisB.close();
    client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
  }

  @Test
  void garbageIsDroppedAndTheClusterKeepsWorking() throws Exception {
    String uidA = ((ShardedRedisAdapter) a.sockets().adapter()).uid();
    List<String> channels = List.of(prefix + "#/#", prefix + "#/#" + uidA + "#");
    List<byte[]> bad =
        List.of(
            new byte[0],
            "not json".getBytes(StandardCharsets.UTF_8),
            "{\"truncated\":".getBytes(StandardCharsets.UTF_8),
            HexFormat.of().parseHex("dd7fffffff"), // array32 announcing 2^31 entries
            HexFormat.of().parseHex("c1"), // never used
            HexFormat.of().parseHex("91".repeat(10_000) + "c0"), // too deep
            "{\"uid\":\"x\",\"nsp\":\"/\",\"type\":3,\"data\":{\"packet\":{\"type\":2,\"data\":7}}}"
                .getBytes(StandardCharsets.UTF_8),
            "{\"uid\":\"x\",\"nsp\":\"/\",\"type\":10,\"data\":{\"requestId\":\"forged\"}}"
                .getBytes(StandardCharsets.UTF_8),
            "{\"uid\":\"x\",\"nsp\":\"/\",\"type\":7,\"data\":{\"requestId\":\"r\",\"opts\":[]}}"
                .getBytes(StandardCharsets.UTF_8));
    for (String channel : channels) {
      for (byte[] message : bad) {
        raw.sync().spublish(channel.getBytes(StandardCharsets.UTF_8), message);
      }
    }
    List<ArrayNode> answers = a.serverSideEmitWithAck("ping").get(10, TimeUnit.SECONDS);
    assertThat(answers).hasSize(1);
    assertThat(answers.get(0).get(0).asText()).isEqualTo("pong");
  }
}
