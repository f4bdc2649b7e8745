package io.sio4j.interop.redis;

import io.sio4j.adapter.redis.ShardedRedisAdapter;
import io.sio4j.adapter.redis.ShardedRedisAdapterOptions;
import io.sio4j.adapter.redis.SubscriptionMode;
import io.sio4j.server.adapter.Adapter;
import io.sio4j.server.adapter.AdapterFactory;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The mixed cluster over Redis sharded pub/sub: npm {@code @socket.io/redis-adapter} 8.3 {@code
 * createShardedAdapter} (subscription mode {@code dynamic}, the default) and sio4j's {@link
 * ShardedRedisAdapter}, on the single Redis 7 at 127.0.0.1:6379.
 */
class ShardedRedisNodeClusterInteropTest extends RedisNodeClusterContract {

  @Override
  protected AdapterFactory adapter() {
    return ShardedRedisAdapter.factory(
        pub,
        sub,
        ShardedRedisAdapterOptions.builder()
            .channelPrefix(key)
            .subscriptionMode(SubscriptionMode.DYNAMIC)
            .requestsTimeout(Duration.ofSeconds(3))
            .build());
  }

  @Override
  protected CompletableFuture<Void> subscribed(Adapter adapter) {
    return ((ShardedRedisAdapter) adapter).subscribed();
  }

  @Override
  protected String nodeConfig() {
    return "{\"key\":\"" + key + "\",\"sharded\":true}";
  }
}
