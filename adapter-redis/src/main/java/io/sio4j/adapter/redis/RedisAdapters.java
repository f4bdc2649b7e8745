package io.sio4j.adapter.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import io.sio4j.server.adapter.AdapterFactory;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Connects a Redis adapter from a URL, for command-line tools (the bench server and the examples
 * take {@code --adapter redis|redis-sharded|redis-streams --redis URL}): it opens the connections
 * and closes them with {@link #close()}. With the default key/prefix/stream the node joins a
 * cluster of Node servers that use the official adapter of the same kind. Lettuce reconnects every
 * 100 ms to 2 s while Redis is away (its default backoff grows to 30 s), so the cluster heals
 * within seconds of Redis's return.
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

  /** {@code --adapter redis-streams}: Redis Streams ({@code @socket.io/redis-streams-adapter}). */
  public static final String STREAMS = "redis-streams";

  private final ClientResources resources;
  private final RedisClient client;
  private final StatefulRedisConnection<byte[], byte[]> pub;
  private final StatefulRedisPubSubConnection<byte[], byte[]> sub;
  private final AdapterFactory factory;

  private RedisAdapters(ClientResources resources, RedisClient client, String kind) {
    this.resources = resources;
    this.client = client;
    if (kind.equals(STREAMS)) {
      client.connect().close(); // fail now, loudly, when Redis does not answer
      this.pub = null;
      this.sub = null;
      this.factory = RedisStreamsAdapter.factory(client, RedisStreamsAdapterOptions.DEFAULTS);
      return;
    }
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
   * Connects to the Redis at {@code url} for an adapter of {@code kind} ({@value #CLASSIC}, {@value
   * #SHARDED} or {@value #STREAMS}, case-insensitive; null means {@value #CLASSIC}).
   *
   * @throws IllegalArgumentException for an unknown kind
   * @throws io.lettuce.core.RedisConnectionException when Redis does not answer
   */
  public static RedisAdapters connect(String kind, String url) {
    String k = kind == null ? CLASSIC : kind.toLowerCase(Locale.ROOT);
    if (!k.equals(CLASSIC) && !k.equals(SHARDED) && !k.equals(STREAMS)) {
      throw new IllegalArgumentException(
          "--adapter wants " + CLASSIC + ", " + SHARDED + " or " + STREAMS + ", not " + kind);
    }
    Objects.requireNonNull(url, "url");
    ClientResources resources =
        ClientResources.builder()
            .reconnectDelay(
                Delay.exponential(
                    Duration.ofMillis(100), Duration.ofSeconds(2), 2, TimeUnit.MILLISECONDS))
            .build();
    RedisClient client = RedisClient.create(resources, url);
    try {
      return new RedisAdapters(resources, client, k);
    } catch (RuntimeException e) {
      client.shutdown();
      resources.shutdown();
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
    if (pub != null) pub.close();
    if (sub != null) sub.close();
    client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    resources.shutdown(0, 2, TimeUnit.SECONDS);
  }
}
