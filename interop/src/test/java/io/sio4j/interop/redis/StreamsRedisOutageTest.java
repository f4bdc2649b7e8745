package io.sio4j.interop.redis;

import io.sio4j.adapter.redis.RedisStreamsAdapter;
import io.sio4j.adapter.redis.RedisStreamsAdapterOptions;
import io.sio4j.server.adapter.Adapter;
import io.sio4j.server.adapter.AdapterFactory;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** The outage contract for {@link RedisStreamsAdapter}. */
class StreamsRedisOutageTest extends RedisOutageContract {
  @Override
  AdapterFactory adapter() {
    return RedisStreamsAdapter.factory(
        client,
        RedisStreamsAdapterOptions.builder()
            .streamName(key)
            .channelPrefix(key)
            .blockTime(Duration.ofSeconds(1))
            .requestsTimeout(REQUESTS_TIMEOUT)
            .build());
  }

  @Override
  int connectionsPerNode() {
    return 3;
  }

  @Override
  CompletableFuture<Void> subscribed(Adapter adapter) {
    return ((RedisStreamsAdapter) adapter).subscribed();
  }
}
