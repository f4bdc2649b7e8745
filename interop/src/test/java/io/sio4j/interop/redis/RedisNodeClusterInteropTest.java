package io.sio4j.interop.redis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sio4j.adapter.redis.RedisAdapter;
import io.sio4j.adapter.redis.RedisAdapterOptions;
import io.sio4j.server.adapter.Adapter;
import io.sio4j.server.adapter.AdapterFactory;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The mixed cluster over classic Redis pub/sub: npm {@code @socket.io/redis-adapter} 8.x {@code
 * createAdapter} and sio4j's {@link RedisAdapter}; plus {@code allRooms}, which only the classic
 * adapter has.
 */
class RedisNodeClusterInteropTest extends RedisNodeClusterContract {

  @Override
  protected AdapterFactory adapter() {
    return RedisAdapter.factory(
        pub,
        sub,
        RedisAdapterOptions.builder().key(key).requestsTimeout(Duration.ofSeconds(3)).build());
  }

  @Override
  protected CompletableFuture<Void> subscribed(Adapter adapter) {
    return ((RedisAdapter) adapter).subscribed();
  }

  @Override
  protected String nodeConfig() {
    return "{\"key\":\"" + key + "\"}";
  }

  @Test
  void allRoomsBothWays() throws Exception {
    String n1 = connect("n1", "node-room", false);
    connect("j1", "java-room", true);
    String j1 = javaSockets.get("j1").id();
    assertThat(((RedisAdapter) java.sockets().adapter()).allRooms().get(10, TimeUnit.SECONDS))
        .containsExactlyInAnyOrder("node-room", "java-room", n1, j1);
    JsonNode fromNode = command("allRooms").path("rooms");
    assertThat(fromNode.toString()).contains("\"node-room\"", "\"java-room\"", n1, j1);
    assertThat(fromNode).hasSize(4);
  }
}
