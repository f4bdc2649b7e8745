package io.sio4j.adapter.redis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.pubsub.StatefulRedisClusterPubSubConnection;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.sio4j.protocol.ProtocolException;
import io.sio4j.protocol.time.Cancellable;
import io.sio4j.server.Namespace;
import io.sio4j.server.adapter.AdapterFactory;
import io.sio4j.server.adapter.ClusterAdapter;
import io.sio4j.server.adapter.ClusterMessageType;
import io.sio4j.server.adapter.ClusterWire;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A cluster adapter over Redis sharded pub/sub ({@code SPUBLISH}/{@code SSUBSCRIBE}, Redis 7+),
 * wire-compatible with {@code createShardedAdapter} of npm {@code @socket.io/redis-adapter} 8.3:
 * Java and Node servers that use the same Redis (or Redis Cluster) and prefix form one cluster. On
 * a Redis Cluster, a shard channel lives on one master only, so a message is not copied to every
 * shard as with classic pub/sub.
 *
 * <p>Channels: {@code <prefix>#<nsp>#} for the namespace, {@code <prefix>#<nsp>#<uid>#} for the
 * responses to this node, and with {@link SubscriptionMode#DYNAMIC} {@code <prefix>#<nsp>#<room>#}
 * for each public room that exists on this node. {@code serverCount} is {@code PUBSUB SHARDNUMSUB}
 * of the namespace channel.
 *
 * <pre>{@code
 * RedisClient redis = RedisClient.create("redis://127.0.0.1:6379");
 * SocketIoServer io = SocketIoServer.builder()
 *     .adapter(ShardedRedisAdapter.factory(
 *         redis.connect(ByteArrayCodec.INSTANCE),
 *         redis.connectPubSub(ByteArrayCodec.INSTANCE),
 *         ShardedRedisAdapterOptions.DEFAULTS))
 *     .build();
 * // Redis Cluster: RedisClusterClient.create(...).connect(...) and .connectPubSub(...)
 * }</pre>
 *
 * <p>The application owns the two connections and closes them after the server. Messages from Redis
 * are untrusted (see {@link ClusterWire}); bad ones are dropped and logged at debug.
 *
 * <p>Thread-safe; messages are handled on Lettuce's I/O thread.
 */
public final class ShardedRedisAdapter extends ClusterAdapter {
  private static final Set<Integer> MAY_CONTAIN_BINARY =
      Set.of(
          ClusterMessageType.BROADCAST,
          ClusterMessageType.BROADCAST_ACK,
          ClusterMessageType.FETCH_SOCKETS_RESPONSE,
          ClusterMessageType.SERVER_SIDE_EMIT,
          ClusterMessageType.SERVER_SIDE_EMIT_RESPONSE);

  private final ShardedPubSub redis;
  private final ShardedRedisAdapterOptions options;
  private final String channel;
  private final String responseChannel;
  private final Set<String> dynamicChannels = ConcurrentHashMap.newKeySet();
  private volatile Runnable removeListener;
  private volatile CompletableFuture<Void> subscribed = new CompletableFuture<>();

  private final RedisHealth health;
  private volatile Cancellable healthWatch = Cancellable.NONE;

  ShardedRedisAdapter(
      Namespace nsp, ShardedPubSub redis, RedisHealth health, ShardedRedisAdapterOptions options) {
    super(nsp, options.requestsTimeout());
    this.health = health;
    this.redis = redis;
    this.options = options;
    this.channel = options.channelPrefix() + "#" + nsp.name() + "#";
    this.responseChannel = channel + uid() + "#";
  }

  /** One adapter per namespace over a single Redis (7 or later). */
  public static AdapterFactory factory(
      StatefulRedisConnection<byte[], byte[]> pub,
      StatefulRedisPubSubConnection<byte[], byte[]> sub,
      ShardedRedisAdapterOptions options) {
    ShardedPubSub redis = ShardedPubSub.standalone(pub, sub);
    RedisHealth health = new RedisHealth(List.of(pub, sub));
    return nsp -> new ShardedRedisAdapter(nsp, redis, health, options);
  }

  /** One adapter per namespace over a Redis Cluster. */
  public static AdapterFactory factory(
      StatefulRedisClusterConnection<byte[], byte[]> pub,
      StatefulRedisClusterPubSubConnection<byte[], byte[]> sub,
      ShardedRedisAdapterOptions options) {
    ShardedPubSub redis = ShardedPubSub.cluster(pub, sub);
    RedisHealth health = new RedisHealth(List.of(pub, sub));
    return nsp -> new ShardedRedisAdapter(nsp, redis, health, options);
  }

  @Override
  public void init() {
    super.init();
    healthWatch = health.watch(scheduler());
    removeListener = redis.addListener(this::onRawMessage);
    subscribed =
        CompletableFuture.allOf(
            redis.ssubscribe(bytes(channel)), redis.ssubscribe(bytes(responseChannel)));
    subscribed.whenComplete(
        (v, err) -> {
          if (err != null) LOG.warn("cannot subscribe to {}", channel, err);
        });
    if (options.subscriptionMode() != SubscriptionMode.STATIC) {
      on("create-room", this::onCreateRoom);
      on("delete-room", this::onDeleteRoom);
    }
  }

  /** Completes once this node receives the cluster's messages. */
  public CompletableFuture<Void> subscribed() {
    return subscribed.copy();
  }

  private void onCreateRoom(String room) {
    if (!usesOwnChannel(room)) return;
    String ch = dynamicChannel(room);
    if (dynamicChannels.add(ch)) {
      redis
          .ssubscribe(bytes(ch))
          .exceptionally(
              err -> {
                LOG.debug("cannot subscribe to {}: {}", ch, err.toString());
                return null;
              });
    }
  }

  private void onDeleteRoom(String room) {
    String ch = dynamicChannel(room);
    if (dynamicChannels.remove(ch)) {
      redis
          .sunsubscribe(bytes(ch))
          .exceptionally(
              err -> {
                LOG.debug("cannot unsubscribe from {}: {}", ch, err.toString());
                return null;
              });
    }
  }

  /** As the official {@code shouldUseASeparateNamespace}. */
  private boolean usesOwnChannel(String room) {
    boolean publicRoom = !sids().containsKey(room);
    return (options.subscriptionMode() == SubscriptionMode.DYNAMIC && publicRoom)
        || options.subscriptionMode() == SubscriptionMode.DYNAMIC_PRIVATE;
  }

  private String dynamicChannel(String room) {
    return channel + room + "#";
  }

  @Override
  public CompletableFuture<Void> close() {
    healthWatch.cancel();
    Runnable remove = removeListener;
    if (remove != null) remove.run();
    List<String> channels = new ArrayList<>(List.of(channel, responseChannel));
    channels.addAll(dynamicChannels);
    dynamicChannels.clear();
    CompletableFuture<?>[] done =
        channels.stream()
            .map(ch -> redis.sunsubscribe(bytes(ch)).exceptionally(err -> null))
            .toArray(CompletableFuture[]::new);
    return super.close().thenCompose(v -> CompletableFuture.allOf(done));
  }

  @Override
  public CompletableFuture<Integer> serverCount() {
    CompletableFuture<Integer> down = health.failFast();
    if (down != null) return down;
    return redis
        .shardNumsub(bytes(channel))
        .thenApply(
            counts -> {
              long n = counts.values().stream().mapToLong(Long::longValue).sum();
              return (int) Math.max(1, Math.min(n, Integer.MAX_VALUE));
            })
        .orTimeout(options.requestsTimeout().toMillis(), TimeUnit.MILLISECONDS);
  }

  /** While Redis is away a message is dropped at once (logged once by the health check). */
  @Override
  protected CompletableFuture<String> doPublish(ObjectNode message) {
    CompletableFuture<String> down = health.failFast();
    if (down != null) return down;
    return redis.spublish(bytes(computeChannel(message)), encode(message)).thenApply(n -> null);
  }

  @Override
  protected CompletableFuture<Void> doPublishResponse(String requesterUid, ObjectNode response) {
    CompletableFuture<Void> down = health.failFast();
    if (down != null) return down;
    return redis
        .spublish(bytes(channel + requesterUid + "#"), encode(response))
        .thenApply(n -> null);
  }

  /**
   * A broadcast to one room goes to the room's channel in the dynamic modes; never one with acks,
   * whose answers are counted against every node (as in the official adapter).
   */
  private String computeChannel(ObjectNode message) {
    if (message.path("type").asInt() != ClusterMessageType.BROADCAST) return channel;
    JsonNode data = message.path("data");
    if (data.has("requestId")) return channel;
    JsonNode rooms = data.path("opts").path("rooms");
    if (rooms.size() != 1) return channel;
    String room = rooms.get(0).asText();
    boolean dynamic =
        switch (options.subscriptionMode()) {
          case STATIC -> false;
          case DYNAMIC -> room.length() != 20; // socket ids (20 characters) have no channel
          case DYNAMIC_PRIVATE -> true;
        };
    return dynamic ? dynamicChannel(room) : channel;
  }

  /** JSON, unless a message that may carry binary does. */
  static byte[] encode(ObjectNode message) {
    int type = message.path("type").asInt();
    if (MAY_CONTAIN_BINARY.contains(type) && ClusterWire.hasBinary(message.get("data"))) {
      return ClusterWire.msgpack(message);
    }
    return ClusterWire.json(message);
  }

  private void onRawMessage(byte[] rawChannel, byte[] raw) {
    String ch = new String(rawChannel, StandardCharsets.UTF_8);
    if (!ch.equals(channel) && !ch.equals(responseChannel) && !dynamicChannels.contains(ch)) {
      return; // another namespace, prefix, or node
    }
    JsonNode message;
    try {
      message = ClusterWire.decode(raw);
    } catch (IOException | ProtocolException | RuntimeException e) {
      LOG.debug("dropped a malformed message on {}: {}", ch, e.toString());
      return;
    }
    onMessage(message, null);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
