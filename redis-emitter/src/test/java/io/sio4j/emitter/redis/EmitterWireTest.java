package io.sio4j.emitter.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lettuce.core.RedisClient;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.sio4j.protocol.msgpack.MsgpackCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the emitter publishes, read back from the test Redis at 127.0.0.1:6379 with a pattern
 * subscription: the channels and messages of {@code @socket.io/redis-emitter} 5.x. (The emitter
 * reaching real clients through sio4j and Node servers is the interop RedisEmitterInteropTest.)
 */
class EmitterWireTest {
  private final String key = "sio4j-emitter-" + UUID.randomUUID();
  private final BlockingQueue<Map.Entry<String, byte[]>> received = new LinkedBlockingQueue<>();
  private RedisClient client;
  private RedisEmitter emitter;

  @BeforeEach
  void connect() throws Exception {
    client = RedisClient.create("redis://127.0.0.1:6379");
    var sub = client.connectPubSub(ByteArrayCodec.INSTANCE);
    sub.addListener(
        new RedisPubSubAdapter<>() {
          @Override
          public void message(byte[] pattern, byte[] channel, byte[] message) {
            received.add(Map.entry(new String(channel, StandardCharsets.UTF_8), message));
          }
        });
    sub.sync().psubscribe((key + "*").getBytes(StandardCharsets.UTF_8));
    emitter = RedisEmitter.create(client.connect(ByteArrayCodec.INSTANCE), key);
  }

  @AfterEach
  void close() {
    client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
  }

  private Map.Entry<String, byte[]> next() throws InterruptedException {
    Map.Entry<String, byte[]> e = received.poll(5, TimeUnit.SECONDS);
    assertThat(e).as("a message on " + key + "*").isNotNull();
    return e;
  }

  @Test
  void broadcastToOneRoomGoesToTheRoomChannelAsMsgpack() throws Exception {
    emitter.of("chat").to("red").except("muted").asVolatile().emit("hi", 1, new byte[] {7}).get();
    Map.Entry<String, byte[]> e = next();
    assertThat(e.getKey()).isEqualTo(key + "#/chat#red#");
    JsonNode msg = MsgpackCodec.defaults().decode(e.getValue());
    assertThat(msg.get(0).asText()).isEqualTo("emitter");
    assertThat(msg.get(1).get("type").asInt()).isEqualTo(2);
    assertThat(msg.get(1).get("nsp").asText()).isEqualTo("/chat");
    assertThat(msg.get(1).get("data").get(2).binaryValue()).containsExactly(7);
    assertThat(msg.get(2).toString())
        .isEqualTo("{\"rooms\":[\"red\"],\"flags\":{\"volatile\":true},\"except\":[\"muted\"]}");
  }

  @Test
  void broadcastToAllOrManyRoomsGoesToTheNamespaceChannel() throws Exception {
    emitter.emit("a").get();
    assertThat(next().getKey()).isEqualTo(key + "#/#");
    emitter.to("x", "y").emit("b").get();
    assertThat(next().getKey()).isEqualTo(key + "#/#");
  }

  @Test
  void requestsAreJsonOnTheRequestChannel() throws Exception {
    ObjectMapper json = new ObjectMapper();
    emitter.in("red").socketsJoin("blue").get();
    emitter.except("red").socketsLeave("green").get();
    emitter.to("red").disconnectSockets(true).get();
    emitter.serverSideEmit("note", "x", 3).get();
    List<String> expected =
        List.of(
            "{\"type\":2,\"opts\":{\"rooms\":[\"red\"],\"except\":[]},\"rooms\":[\"blue\"]}",
            "{\"type\":3,\"opts\":{\"rooms\":[],\"except\":[\"red\"]},\"rooms\":[\"green\"]}",
            "{\"type\":4,\"opts\":{\"rooms\":[\"red\"],\"except\":[]},\"close\":true}",
            "{\"uid\":\"emitter\",\"type\":6,\"data\":[\"note\",\"x\",3]}");
    for (String want : expected) {
      Map.Entry<String, byte[]> e = next();
      assertThat(e.getKey()).isEqualTo(key + "-request#/#");
      assertThat(json.readTree(e.getValue())).isEqualTo(json.readTree(want));
    }
  }

  @Test
  void reservedEventsAreRefused() {
    assertThatThrownBy(() -> emitter.emit("connect"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("reserved");
  }
}
