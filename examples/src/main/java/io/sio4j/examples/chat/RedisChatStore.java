package io.sio4j.examples.chat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chat's shared state on Redis, for several chat nodes: one connection (Lettuce) and this
 * node's heartbeat, from which come the {@link #users() user registry} and the {@link #rooms room
 * store} that every node sees alike.
 *
 * <pre>{@code
 * RedisChatStore redis = RedisChatStore.connect("redis://127.0.0.1:6379");
 * new ChatServer(io, redis.users(), redis.rooms(50, 1000)).install();
 * // ...
 * redis.close();
 * }</pre>
 *
 * <p>Every name held and every user present in a room is written with the id of the node whose
 * socket holds it. A node keeps the key {@code <prefix>node:<id>} alive with a time to live, which
 * it refreshes three times per period; when a node dies without releasing what it holds, that key
 * expires and its names and presence count as free from then on (the scripts check the holder's
 * node key on every read and drop dead entries). A node that closes cleanly deletes its key at
 * once.
 *
 * <p>The updates are Lua scripts, so each is atomic. They read keys that they compute from the
 * prefix, so they suit one Redis server (or a replicated one), not a Redis Cluster.
 *
 * <p>Thread-safe: Lettuce's connection is, and the rest is fixed at construction.
 */
public final class RedisChatStore implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RedisChatStore.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  /** The key prefix unless told otherwise. */
  public static final String DEFAULT_PREFIX = "sio4j-chat:";

  /** How long a silent node's names and presence survive it, unless told otherwise. */
  public static final Duration DEFAULT_NODE_TTL = Duration.ofSeconds(30);

  private final RedisClient client;
  private final StatefulRedisConnection<String, String> connection;
  private final String prefix;
  private final String nodeId;
  private final Duration nodeTtl;
  private final ScheduledExecutorService heartbeat;

  private RedisChatStore(RedisClient client, String prefix, Duration nodeTtl) {
    this.client = client;
    this.prefix = prefix;
    this.nodeTtl = nodeTtl;
    byte[] id = new byte[8];
    RANDOM.nextBytes(id);
    this.nodeId = HexFormat.of().formatHex(id);
    this.connection = client.connect();
    this.heartbeat =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "sio4j-chat-heartbeat");
              t.setDaemon(true);
              return t;
            });
    beat().join();
    long every = Math.max(1, nodeTtl.toMillis() / 3);
    heartbeat.scheduleWithFixedDelay(
        () ->
            beat()
                .exceptionally(
                    e -> {
                      LOG.warn("chat node heartbeat failed: {}", e.toString());
                      return null;
                    }),
        every,
        every,
        TimeUnit.MILLISECONDS);
  }

  /** Connects to the Redis at {@code url} with the default prefix and node time to live. */
  public static RedisChatStore connect(String url) {
    return connect(url, DEFAULT_PREFIX, DEFAULT_NODE_TTL);
  }

  /**
   * Connects to the Redis at {@code url}; every key starts with {@code prefix}, and what a dead
   * node held is freed {@code nodeTtl} after its last heartbeat.
   */
  public static RedisChatStore connect(String url, String prefix, Duration nodeTtl) {
    Objects.requireNonNull(prefix, "prefix");
    if (nodeTtl.toMillis() < 3) throw new IllegalArgumentException("nodeTtl too short: " + nodeTtl);
    RedisClient client = RedisClient.create(Objects.requireNonNull(url, "url"));
    try {
      return new RedisChatStore(client, prefix, nodeTtl);
    } catch (RuntimeException e) {
      client.shutdown();
      throw e;
    }
  }

  /** The user registry shared by every node on this Redis and prefix. */
  public UserRegistry users() {
    return new RedisUserRegistry(this);
  }

  /**
   * The room store shared by every node on this Redis and prefix, keeping {@code historySize}
   * messages per room and at most {@code maxRooms} rooms.
   */
  public RoomStore rooms(int historySize, int maxRooms) {
    return new RedisRoomStore(this, historySize, maxRooms);
  }

  /** This node's id, as written next to what its sockets hold. */
  String nodeId() {
    return nodeId;
  }

  /** The prefix of every key. */
  String prefix() {
    return prefix;
  }

  /** The prefix of the nodes' heartbeat keys. */
  String nodeKeyPrefix() {
    return prefix + "node:";
  }

  /** Runs {@code script} (atomic on the server) and answers with its list. */
  CompletableFuture<List<Object>> eval(String script, String[] keys, String... args) {
    return connection
        .async()
        .<List<Object>>eval(script, ScriptOutputType.MULTI, keys, args)
        .toCompletableFuture();
  }

  private CompletableFuture<String> beat() {
    return connection
        .async()
        .set(nodeKeyPrefix() + nodeId, "1", SetArgs.Builder.px(nodeTtl.toMillis()))
        .toCompletableFuture();
  }

  /**
   * Stops the heartbeat and closes the connection without freeing anything: what a crash leaves
   * behind, for the tests of expiry.
   */
  void abandon() {
    heartbeat.shutdownNow();
    connection.close();
    client.shutdown();
  }

  /** Stops the heartbeat, frees this node's names and presence at once and disconnects. */
  @Override
  public void close() {
    heartbeat.shutdownNow();
    try {
      connection.sync().del(nodeKeyPrefix() + nodeId);
    } catch (RuntimeException e) {
      LOG.warn("could not remove chat node {} from Redis: {}", nodeId, e.toString());
    }
    connection.close();
    client.shutdown();
  }
}
