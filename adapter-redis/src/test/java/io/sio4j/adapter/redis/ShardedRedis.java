package io.sio4j.adapter.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.codec.ByteArrayCodec;
import io.sio4j.server.adapter.AdapterFactory;
import java.time.Duration;

/**
 * One simulated server node's sharded pub/sub connections: to the test Redis at 127.0.0.1:6379
 * ({@code SIO4J_REDIS_URI}) or to a Redis Cluster. Fails loudly when Redis does not answer.
 */
final class ShardedRedis implements AutoCloseable {
  private final Runnable close;
  private final Factory factory;

  interface Factory {
    AdapterFactory create(ShardedRedisAdapterOptions options);
  }

  private ShardedRedis(Runnable close, Factory factory) {
    this.close = close;
    this.factory = factory;
  }

  static ShardedRedis standalone() {
    String uri = System.getenv().getOrDefault("SIO4J_REDIS_URI", "redis://127.0.0.1:6379");
    RedisClient client = RedisClient.create(uri);
    try {
      var pub = client.connect(ByteArrayCodec.INSTANCE);
      var sub = client.connectPubSub(ByteArrayCodec.INSTANCE);
      return new ShardedRedis(
          () -> {
            pub.close();
            sub.close();
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
          },
          opts -> ShardedRedisAdapter.factory(pub, sub, opts));
    } catch (RuntimeException e) {
      client.shutdown();
      throw new AssertionError("These tests need Redis 7+ at " + uri, e);
    }
  }

  static ShardedRedis cluster(String uri) {
    RedisClusterClient client = RedisClusterClient.create(uri);
    var pub = client.connect(ByteArrayCodec.INSTANCE);
    var sub = client.connectPubSub(ByteArrayCodec.INSTANCE);
    return new ShardedRedis(
        () -> {
          pub.close();
          sub.close();
          client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        },
        opts -> ShardedRedisAdapter.factory(pub, sub, opts));
  }

  AdapterFactory factory(String prefix, SubscriptionMode mode) {
    return factory.create(
        ShardedRedisAdapterOptions.builder()
            .channelPrefix(prefix)
            .subscriptionMode(mode)
            .requestsTimeout(Duration.ofSeconds(3))
            .build());
  }

  @Override
  public void close() {
    close.run();
  }
}
