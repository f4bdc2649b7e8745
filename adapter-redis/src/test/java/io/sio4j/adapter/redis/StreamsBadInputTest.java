package io.sio4j.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lettuce.core.api.sync.RedisCommands;
import io.sio4j.server.ConnectionStateRecovery;
import io.sio4j.server.SocketIoServer;
import io.sio4j.server.adapter.Adapter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Whatever another process writes into a Streams cluster's stream, channels or session keys
 * (garbage, wrong shapes, forged sessions, impossible offsets), the nodes drop it, keep answering
 * each other, and a recovery from it starts a new session.
 */
class StreamsBadInputTest {
  private final String key = TestRedis.uniqueKey();
  private StreamsRedis redis;
  private SocketIoServer a;
  private SocketIoServer b;
  private RedisCommands<String, String> raw;

  @BeforeEach
  void start() throws Exception {
    redis = StreamsRedis.local();
    a = node();
    b = node();
    Awaitility.await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> a.sockets().adapter().serverCount().get() == 2);
    b.onServerSideEmit("ping", (args, ack) -> ack.accept("pong"));
    raw = redis.client.connect().sync();
  }

  private SocketIoServer node() throws Exception {
    SocketIoServer io =
        SocketIoServer.builder()
            .connectionStateRecovery(ConnectionStateRecovery.DEFAULT)
            .adapter(redis.factory(key))
            .build();
    ((RedisStreamsAdapter) io.sockets().adapter()).subscribed().get(5, TimeUnit.SECONDS);
    return io;
  }

  @AfterEach
  void stop() {
    a.close();
    b.close();
    raw.getStatefulConnection().close();
    redis.close();
  }

  @Test
  void garbageInTheStreamAndChannelsIsDroppedAndTheClusterKeepsWorking() throws Exception {
    List<Map<String, String>> entries =
        List.of(
            Map.of("nsp", "/", "type", "3", "data", "!!! not base64 !!!"),
            Map.of("nsp", "/", "type", "three", "data", "{}"),
            Map.of("nsp", "/", "type", "3", "data", "{\"packet\":5,\"opts\":[]}"),
            Map.of("nsp", "/", "type", "3", "data", "{\"packet\":{\"type\":2,\"data\":[]}}"),
            Map.of("nsp", "/", "type", "99999999999999", "data", "{}"),
            Map.of("nsp", "/", "type", "3", "data", "{ truncated"),
            Map.of("nsp", "/", "type", "3", "data", "kZGRkZGRkZGRkZGRkZGRkZGR"), // deep msgpack
            Map.of("nsp", "/"),
            Map.of("other", "field"));
    for (Map<String, String> e : entries) raw.xadd(key, new LinkedHashMap<>(e));
    for (String ch : List.of(key + "#/#", key + "#/#" + adapter(a).uid() + "#")) {
      raw.publish(ch, "garbage");
      raw.publish(ch, "{\"uid\":\"x\",\"type\":6,\"data\":{\"requestId\":5}}");
    }
    assertThat(a.serverSideEmitWithAck("ping").get(10, TimeUnit.SECONDS)).hasSize(1);
    assertThat(b.fetchSockets().get(10, TimeUnit.SECONDS)).isEmpty();
  }

  @Test
  void recoveryFromUnknownForgedOrMissingSessionsFails() throws Exception {
    RedisStreamsAdapter adapter = adapter(a);
    String lastId = raw.xadd(key, Map.of("nsp", "/", "type", "3", "data", "{}"));
    assertThatThrownBy(
            () -> adapter.restoreSession("pid", "not-an-offset").get(5, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class);
    assertThatThrownBy(() -> adapter.restoreSession("unknown", lastId).get(5, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class);
    raw.set(key + ":session:forged", "!!not base64!!");
    assertThatThrownBy(() -> adapter.restoreSession("forged", lastId).get(5, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class);
    assertThat(raw.exists(key + ":session:forged")).isZero(); // taken, as upstream's GET+DEL
    raw.set(key + ":session:gone", "gqNzaWSiaWSjcGlkomdv"); // {sid:"id",pid:"go"}, offset gone
    assertThatThrownBy(() -> adapter.restoreSession("gone", "1-0").get(5, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class);
    raw.set(key + ":session:ok", "gqNzaWSiaWSjcGlkomdv");
    assertThat(adapter.restoreSession("ok", lastId).get(5, TimeUnit.SECONDS).session().sid())
        .isEqualTo("id");
  }

  private static RedisStreamsAdapter adapter(SocketIoServer io) {
    Adapter adapter = io.sockets().adapter();
    return (RedisStreamsAdapter) adapter;
  }
}
