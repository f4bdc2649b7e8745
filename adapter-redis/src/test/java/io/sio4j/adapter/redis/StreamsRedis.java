package io.sio4j.adapter.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import io.sio4j.server.adapter.AdapterFactory;
import java.time.Duration;

/**
 * A Redis client for {@link RedisStreamsAdapter} tests, at {@code 127.0.0.1:6379} (or {@code
 * SIO4J_REDIS_URI}) or a given URI, reconnecting every 200 ms at most. Fails loudly when Redis does
 * not answer: these tests never skip.
 */
final class StreamsRedis implements AutoCloseable {
  final RedisClient client;
  private final ClientResources resources;

  StreamsRedis(String uri) {
    resources =
        ClientResources.builder().reconnectDelay(Delay.constant(Duration.ofMillis(200))).build();
    client = RedisClient.create(resources, uri);
    try {
      client.connect().close();
    } catch (RedisConnectionException e) {
      close();
      throw new AssertionError("These tests need Redis at " + uri, e);
    }
  }

  static StreamsRedis local() {
    return new StreamsRedis(
        System.getenv().getOrDefault("SIO4J_REDIS_URI", "redis://127.0.0.1:6379"));
  }

  /** Options of a cluster of its own: stream and channels named after {@code key}. */
  static RedisStreamsAdapterOptions options(String key) {
    return RedisStreamsAdapterOptions.builder()
        .streamName(key)
        .channelPrefix(key)
        .sessionKeyPrefix(key + ":session:")
        .blockTime(Duration.ofSeconds(1))
        .requestsTimeout(Duration.ofSeconds(3))
        .build();
  }

  AdapterFactory factory(String key) {
    return RedisStreamsAdapter.factory(client, options(key));
  }

  @Override
  public void close() {
    client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    resources.shutdown(0, 2, java.util.concurrent.TimeUnit.SECONDS);
  }
}
