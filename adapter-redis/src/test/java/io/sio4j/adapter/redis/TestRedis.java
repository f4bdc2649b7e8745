package io.sio4j.adapter.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.sio4j.server.adapter.AdapterFactory;
import java.time.Duration;
import java.util.UUID;

/**
 * One simulated server node's Redis connections (a publisher and a subscriber) to the test Redis at
 * {@code 127.0.0.1:6379} (override with the {@code SIO4J_REDIS_URI} environment variable). Fails
 * loudly when Redis does not answer: these tests never skip.
 */
public final class TestRedis implements AutoCloseable {
  private final RedisClient client;
  public final StatefulRedisConnection<byte[], byte[]> pub;
  public final StatefulRedisPubSubConnection<byte[], byte[]> sub;

  private TestRedis(RedisClient client) {
    this.client = client;
    this.pub = client.connect(ByteArrayCodec.INSTANCE);
    this.sub = client.connectPubSub(ByteArrayCodec.INSTANCE);
  }

  /** Connects, or throws an error that says Redis is missing. */
  public static TestRedis connect() {
    String uri = System.getenv().getOrDefault("SIO4J_REDIS_URI", "redis://127.0.0.1:6379");
    RedisClient client = RedisClient.create(uri);
    try {
      return new TestRedis(client);
    } catch (RedisConnectionException e) {
      client.shutdown();
      throw new AssertionError(
          "These tests need Redis at " + uri + " (start one: redis-server, or .ci/run)", e);
    }
  }

  /** A channel prefix no other test uses, so tests run in parallel on one Redis. */
  public static String uniqueKey() {
    return "sio4j-test-" + UUID.randomUUID();
  }

  /** The adapter factory of a node of the cluster named {@code key}. */
  public AdapterFactory factory(String key) {
    return RedisAdapter.factory(
        pub,
        sub,
        RedisAdapterOptions.builder().key(key).requestsTimeout(Duration.ofSeconds(3)).build());
  }

  @Override
  public void close() {
    pub.close();
    sub.close();
    client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
  }
}
