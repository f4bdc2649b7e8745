package io.sio4j.interop.redis;

import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.sio4j.adapter.redis.ShardedRedisAdapter;
import io.sio4j.adapter.redis.ShardedRedisAdapterOptions;
import io.sio4j.server.adapter.Adapter;
import io.sio4j.server.adapter.AdapterFactory;
import java.util.concurrent.CompletableFuture;

/** The outage contract for {@link ShardedRedisAdapter} on a single Redis 7. */
class ShardedRedisOutageTest extends RedisOutageContract {
  @Override
  AdapterFactory adapter() {
    StatefulRedisConnection<byte[], byte[]> pub = client.connect(ByteArrayCodec.INSTANCE);
    StatefulRedisPubSubConnection<byte[], byte[]> sub =
        client.connectPubSub(ByteArrayCodec.INSTANCE);
    toClose.add(pub);
    toClose.add(sub);
    return ShardedRedisAdapter.factory(
        pub,
        sub,
        ShardedRedisAdapterOptions.builder()
            .channelPrefix(key)
            .requestsTimeout(REQUESTS_TIMEOUT)
            .build());
  }

  @Override
  CompletableFuture<Void> subscribed(Adapter adapter) {
    return ((ShardedRedisAdapter) adapter).subscribed();
  }
}
