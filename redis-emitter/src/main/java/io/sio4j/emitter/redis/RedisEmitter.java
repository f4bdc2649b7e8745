package io.sio4j.emitter.redis;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.BaseRedisAsyncCommands;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Emits to the clients of a Socket.IO cluster from any JVM process (a worker, a cron job) that is
 * not a Socket.IO server, wire-compatible with npm {@code @socket.io/redis-emitter} 5.x: it
 * publishes on the channels of the classic Redis adapter ({@code RedisAdapter} in sio4j, {@code
 * createAdapter} of {@code @socket.io/redis-adapter} in Node), and every server node delivers to
 * its own clients.
 *
 * <pre>{@code
 * RedisClient redis = RedisClient.create("redis://127.0.0.1:6379");
 * RedisEmitter emitter = RedisEmitter.create(redis.connect(ByteArrayCodec.INSTANCE));
 * emitter.emit("time", Instant.now().toString());
 * emitter.to("room1").except("room2").emit("news", Map.of("title", "hi"), new byte[] {1, 2});
 * emitter.of("/admin").in("ops").socketsJoin("alerts");
 * emitter.serverSideEmit("reload-config");
 * }</pre>
 *
 * <p>As in JavaScript, there are no acknowledgements (an emitter cannot receive answers). Arguments
 * are bound to JSON with a plain {@link ObjectMapper} ({@code byte[]} become binary), broadcasts
 * are sent as MessagePack and requests as JSON. The application owns the connection. Each method
 * returns the publication's future.
 *
 * <p>Immutable and thread-safe.
 */
public final class RedisEmitter {
  static final String UID = "emitter";
  static final Set<String> RESERVED_EVENTS =
      Set.of(
          "connect",
          "connect_error",
          "disconnect",
          "disconnecting",
          "newListener",
          "removeListener");

  private final BaseRedisAsyncCommands<byte[], byte[]> redis;
  private final String key;
  private final String nsp;
  private final ObjectMapper mapper;

  private RedisEmitter(
      BaseRedisAsyncCommands<byte[], byte[]> redis, String key, String nsp, ObjectMapper mapper) {
    this.redis = Objects.requireNonNull(redis, "redis");
    this.key = Objects.requireNonNull(key, "key");
    this.nsp = nsp;
    this.mapper = Objects.requireNonNull(mapper, "mapper");
  }

  /** An emitter for the main namespace with the official key {@code "socket.io"}. */
  public static RedisEmitter create(StatefulRedisConnection<byte[], byte[]> redis) {
    return create(redis, "socket.io");
  }

  /** An emitter for the main namespace of the cluster whose adapters use {@code key}. */
  public static RedisEmitter create(StatefulRedisConnection<byte[], byte[]> redis, String key) {
    return new RedisEmitter(redis.async(), key, "/", new ObjectMapper());
  }

  /** Same, through a Redis Cluster connection (classic pub/sub reaches every shard). */
  public static RedisEmitter create(
      StatefulRedisClusterConnection<byte[], byte[]> redis, String key) {
    return new RedisEmitter(redis.async(), key, "/", new ObjectMapper());
  }

  /** A copy that binds arguments with {@code mapper}. */
  public RedisEmitter withMapper(ObjectMapper mapper) {
    return new RedisEmitter(redis, key, nsp, mapper);
  }

  /** The emitter of another namespace ({@code "admin"} and {@code "/admin"} are the same). */
  public RedisEmitter of(String namespace) {
    return new RedisEmitter(
        redis, key, namespace.startsWith("/") ? namespace : "/" + namespace, mapper);
  }

  /** The namespace this emitter targets. */
  public String namespace() {
    return nsp;
  }

  private EmitterOperator operator() {
    return new EmitterOperator(this, Set.of(), Set.of(), false, true);
  }

  /** Sends an event to every client of the namespace. */
  public CompletableFuture<Void> emit(String event, Object... args) {
    return operator().emit(event, args);
  }

  /** Targets the clients in any of these rooms. */
  public EmitterOperator to(String... rooms) {
    return operator().to(rooms);
  }

  /** Same as {@link #to}. */
  public EmitterOperator in(String... rooms) {
    return operator().to(rooms);
  }

  /** Leaves out the clients in any of these rooms. */
  public EmitterOperator except(String... rooms) {
    return operator().except(rooms);
  }

  /** The packet may be dropped by a client that cannot take it at once. */
  public EmitterOperator asVolatile() {
    return operator().asVolatile();
  }

  /** Whether the packet may be compressed (default true). */
  public EmitterOperator compress(boolean compress) {
    return operator().compress(compress);
  }

  /** Makes every client of the namespace join rooms. */
  public CompletableFuture<Void> socketsJoin(String... rooms) {
    return operator().socketsJoin(rooms);
  }

  /** Makes every client of the namespace leave rooms. */
  public CompletableFuture<Void> socketsLeave(String... rooms) {
    return operator().socketsLeave(rooms);
  }

  /** Disconnects every client of the namespace; {@code close} also closes their connections. */
  public CompletableFuture<Void> disconnectSockets(boolean close) {
    return operator().disconnectSockets(close);
  }

  /**
   * Sends {@code [event, ...args]} to the {@code onServerSideEmit} listeners of every server node
   * (without acknowledgement: an emitter cannot receive answers).
   */
  public CompletableFuture<Void> serverSideEmit(String event, Object... args) {
    Objects.requireNonNull(event, "event");
    ArrayNode data = JsonNodeFactory.instance.arrayNode().add(event);
    for (Object arg : args) data.add(EmitterWire.toTree(arg, mapper));
    return publish(requestChannel(), EmitterWire.json(EmitterWire.serverSideEmit(data)));
  }

  // ---- for EmitterOperator ----

  ObjectMapper mapper() {
    return mapper;
  }

  String broadcastChannel() {
    return key + "#" + nsp + "#";
  }

  String requestChannel() {
    return key + "-request#" + nsp + "#";
  }

  CompletableFuture<Void> publish(String channel, byte[] message) {
    return redis
        .publish(channel.getBytes(StandardCharsets.UTF_8), message)
        .toCompletableFuture()
        .thenApply(receivers -> null);
  }
}
