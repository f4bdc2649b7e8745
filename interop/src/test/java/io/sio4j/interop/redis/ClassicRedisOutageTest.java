package io.sio4j.interop.redis;

import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.sio4j.adapter.redis.RedisAdapter;
import io.sio4j.adapter.redis.RedisAdapterOptions;
import io.sio4j.server.adapter.Adapter;
import io.sio4j.server.adapter.AdapterFactory;
import java.util.concurrent.CompletableFuture;

/** The outage contract for the classic {@link RedisAdapter}. */
class ClassicRedisOutageTest extends RedisOutageContract {
  @Override
  AdapterFactory adapter() {
    StatefulRedisConnection<byte[], byte[]> pub = client.connect(ByteArrayCodec.INSTANCE);
    StatefulRedisPubSubConnection<byte[], byte[]> sub =
        client.connectPubSub(ByteArrayCodec.INSTANCE);
    toClose.add(pub);
    toClose.add(sub);
    return RedisAdapter.factory(
        pub, sub, RedisAdapterOptions.builder().key(key).requestsTimeout(REQUESTS_TIMEOUT).build());
  }

  @Override
  CompletableFuture<Void> subscribed(Adapter adapter) {
    return ((RedisAdapter) adapter).subscribed();
  }
}
