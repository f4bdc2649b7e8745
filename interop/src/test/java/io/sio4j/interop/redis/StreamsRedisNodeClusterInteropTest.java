package io.sio4j.interop.redis;

import io.sio4j.adapter.redis.RedisStreamsAdapter;
import io.sio4j.adapter.redis.RedisStreamsAdapterOptions;
import io.sio4j.server.adapter.Adapter;
import io.sio4j.server.adapter.AdapterFactory;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The mixed cluster over a Redis stream: npm {@code @socket.io/redis-streams-adapter} 0.3 and
 * sio4j's {@link RedisStreamsAdapter}, on the Redis at 127.0.0.1:6379, with a stream and channel
 * prefix of their own.
 */
class StreamsRedisNodeClusterInteropTest extends RedisNodeClusterContract {

  @Override
  protected AdapterFactory adapter() {
    return RedisStreamsAdapter.factory(
        redis,
        RedisStreamsAdapterOptions.builder()
            .streamName(key)
            .channelPrefix(key)
            .sessionKeyPrefix(key + ":session:")
            .blockTime(Duration.ofSeconds(1))
            .requestsTimeout(Duration.ofSeconds(3))
            .build());
  }

  @Override
  protected CompletableFuture<Void> subscribed(Adapter adapter) {
    return ((RedisStreamsAdapter) adapter).subscribed();
  }

  @Override
  protected String nodeConfig() {
    return "{\"key\":\"" + key + "\",\"streams\":true}";
  }
}
