package io.sio4j.adapter.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.sio4j.server.adapter.AdapterFactory;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Connects a Redis adapter from a URL, for command-line tools (the bench server and the examples
 * take {@code --adapter redis|redis-sharded --redis URL}): it opens the publishing and the
 * subscribing connection and closes them with {@link #close()}. With the default key/prefix the
 * node joins a cluster of Node servers that use the official adapter of the same kind.
 *
 * <pre>{@code
 * try (RedisAdapters redis = RedisAdapters.connect("redis-sharded", "redis://127.0.0.1:6379")) {
 *   SocketIoServer io = SocketIoServer.builder().adapter(redis.factory()).build();
 *   ...
 * }
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class RedisAdapters implements AutoCloseable {
  /** {@code --adapter redis}: classic pub/sub ({@code createAdapter}). */
  public static final String CLASSIC = "redis";

  /** {@code --adapter redis-sharded}: sharded pub/sub ({@code createShardedAdapter}). */
  public static final String SHARDED = "redis-sharded";

  private final RedisClient client;
  private final StatefulRedisConnection<byte[], byte[]> pub;
  private final StatefulRedisPubSubConnection<byte[], byte[]> sub;
  private final AdapterFactory factory;

  private RedisAdapters(RedisClient client, String kind) {
    this.client = client;
    this.pub = client.connect(ByteArrayCodec.INSTANCE);
    this.sub = client.connectPubSub(ByteArrayCodec.INSTANCE);
    this.factory =
        switch (kind) {
          case CLASSIC -> RedisAdapter.factory(pub, sub);
          case SHARDED ->
              ShardedRedisAdapter.factory(pub, sub, ShardedRedisAdapterOptions.DEFAULTS);
          default -> throw new IllegalArgumentException("unknown adapter kind: " + kind);
        };
  }

  /**
   * Connects to the Redis at {@code url} for an adapter of {@code kind} ({@value #CLASSIC} or
   * {@value #SHARDED}, case-insensitive; null means {@value #CLASSIC}).
   *
   * @throws IllegalArgumentException for an unknown kind
   * @throws io.lettuce.core.RedisConnectionException when Redis does not answer
   */
  public static RedisAdapters connect(String kind, String url) {
    String k = kind == null ? CLASSIC : kind.toLowerCase(Locale.ROOT);
    if (!k.equals(CLASSIC) && !k.equals(SHARDED)) {
      throw new IllegalArgumentException(
          "--adapter wants " + CLASSIC + " or " + SHARDED + ", not " + kind);
    }
    RedisClient client = RedisClient.create(Objects.requireNonNull(url, "url"));
    try {
      return new RedisAdapters(client, k);
    } catch (RuntimeException e) {
      client.shutdown();
      throw e;
    }
  }

  /** The adapter factory for {@code SocketIoServer.builder().adapter(...)}. */
  public AdapterFactory factory() {
    return factory;
  }

  /** Closes the connections (after the server). */
  @Override
  public void close() {
    pub.close();
    sub.close();
    client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
  }
}
