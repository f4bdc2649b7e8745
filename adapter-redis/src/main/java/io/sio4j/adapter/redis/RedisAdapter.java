package io.sio4j.adapter.redis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.RedisPubSubListener;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.sio4j.protocol.socketio.SocketPacket;
import io.sio4j.protocol.time.Cancellable;
import io.sio4j.server.InMemoryAdapter;
import io.sio4j.server.Namespace;
import io.sio4j.server.RemoteSocket;
import io.sio4j.server.adapter.AdapterFactory;
import io.sio4j.server.adapter.BroadcastOptions;
import io.sio4j.server.adapter.ClusterRequests;
import io.sio4j.server.adapter.ClusterWire;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A cluster adapter over Redis pub/sub, wire-compatible with npm {@code @socket.io/redis-adapter}
 * 8.x: Java and Node servers that use the same Redis and key form one cluster. Broadcasts, rooms,
 * {@code fetchSockets}, {@code socketsJoin}/{@code socketsLeave}/{@code disconnectSockets}, {@code
 * serverSideEmit} (with acks) and broadcasts with acks reach every node; {@code serverCount} is the
 * number of subscribers of the request channel ({@code PUBSUB NUMSUB}).
 *
 * <pre>{@code
 * RedisClient redis = RedisClient.create("redis://127.0.0.1:6379");
 * var pub = redis.connect(ByteArrayCodec.INSTANCE);
 * var sub = redis.connectPubSub(ByteArrayCodec.INSTANCE);
 * SocketIoServer io = SocketIoServer.builder()
 *     .adapter(RedisAdapter.factory(pub, sub, RedisAdapterOptions.DEFAULTS))
 *     .build();
 * }</pre>
 *
 * <p>As with the official {@code createAdapter(pubClient, subClient)}, the application owns the two
 * connections (one publishes, one stays subscribed; all namespaces share them) and closes them
 * after the server. Everything read from Redis is treated as untrusted: malformed or unknown
 * messages are dropped and logged at debug on {@code io.sio4j.adapter.redis}.
 *
 * <p>The classic adapter keeps its own wire format (separate request and response channels, the
 * {@code RequestType} numbering), so it does not extend the template's {@code ClusterAdapter}; it
 * shares the template's request ids, pending requests with timeouts, answer gathering, remote
 * socket views and options/packet codec ({@link ClusterRequests}, {@code RemoteSocketViews}, {@link
 * ClusterWire}).
 *
 * <p>Thread-safe. Messages from other nodes are handled on Lettuce's I/O thread; {@link
 * Namespace#onServerSideEmit} listeners run there too and must not block.
 */
public class RedisAdapter extends InMemoryAdapter {
  static final Logger LOG = LoggerFactory.getLogger("io.sio4j.adapter.redis");
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private final RedisAdapterOptions options;
  private final StatefulRedisConnection<byte[], byte[]> pub;
  private final StatefulRedisPubSubConnection<byte[], byte[]> sub;
  private final RedisPubSubListener<byte[], byte[]> listener;
  final String uid = ClusterRequests.newId();
  final String channel;
  final String requestChannel;
  final String responseChannel;
  final String specificResponseChannel;
  final ClusterRequests pending;
  private volatile CompletableFuture<Void> subscribed = new CompletableFuture<>();
  private final RedisHealth health;
  private volatile Cancellable healthWatch = Cancellable.NONE;

  /** The adapter of one namespace; prefer {@link #factory}. */
  public RedisAdapter(
      Namespace nsp,
      StatefulRedisConnection<byte[], byte[]> pub,
      StatefulRedisPubSubConnection<byte[], byte[]> sub,
      RedisAdapterOptions options) {
    this(nsp, pub, sub, options, new RedisHealth(List.of(pub, sub)));
  }

  private RedisAdapter(
      Namespace nsp,
      StatefulRedisConnection<byte[], byte[]> pub,
      StatefulRedisPubSubConnection<byte[], byte[]> sub,
      RedisAdapterOptions options,
      RedisHealth health) {
    super(nsp);
    this.health = health;
    this.pub = pub;
    this.sub = sub;
    this.options = options;
    this.pending = new ClusterRequests(scheduler());
    String prefix = options.key();
    this.channel = prefix + "#" + nsp.name() + "#";
    this.requestChannel = prefix + "-request#" + nsp.name() + "#";
    this.responseChannel = prefix + "-response#" + nsp.name() + "#";
    this.specificResponseChannel = responseChannel + uid + "#";
    InboundHandler inbound = new InboundHandler(this);
    this.listener =
        new RedisPubSubAdapter<>() {
          @Override
          public void message(byte[] ch, byte[] message) {
            inbound.onRequestOrResponse(new String(ch, StandardCharsets.UTF_8), message);
          }

          @Override
          public void message(byte[] pattern, byte[] ch, byte[] message) {
            inbound.onBroadcast(new String(ch, StandardCharsets.UTF_8), message);
          }
        };
  }

  /** Creates one adapter per namespace over the two shared connections. */
  public static AdapterFactory factory(
      StatefulRedisConnection<byte[], byte[]> pub,
      StatefulRedisPubSubConnection<byte[], byte[]> sub,
      RedisAdapterOptions options) {
    RedisHealth health = new RedisHealth(List.of(pub, sub)); // one outage log line per node
    return nsp -> new RedisAdapter(nsp, pub, sub, options, health);
  }

  /** Same, with the official defaults. */
  public static AdapterFactory factory(
      StatefulRedisConnection<byte[], byte[]> pub,
      StatefulRedisPubSubConnection<byte[], byte[]> sub) {
    return factory(pub, sub, RedisAdapterOptions.DEFAULTS);
  }

  @Override
  public void init() {
    healthWatch = health.watch(scheduler());
    sub.addListener(listener);
    // the pattern first: once the request channel counts us in NUMSUB, broadcasts reach us too
    subscribed =
        sub.async()
            .psubscribe(Wire.bytes(channel + "*"))
            .thenCompose(
                v ->
                    sub.async()
                        .subscribe(
                            Wire.bytes(requestChannel),
                            Wire.bytes(responseChannel),
                            Wire.bytes(specificResponseChannel)))
            .toCompletableFuture();
    subscribed.whenComplete(
        (v, err) -> {
          if (err != null) LOG.warn("cannot subscribe to {}", requestChannel, err);
        });
  }

  /** Completes once this node receives the cluster's messages. */
  public CompletableFuture<Void> subscribed() {
    return subscribed.copy();
  }

  /** This node's id on the wire (its own messages carry it and are dropped on return). */
  public String uid() {
    return uid;
  }

  @Override
  public CompletableFuture<Void> close() {
    healthWatch.cancel();
    sub.removeListener(listener);
    pending.clear();
    if (!sub.isOpen()) return CompletableFuture.completedFuture(null);
    return sub.async()
        .punsubscribe(Wire.bytes(channel + "*"))
        .thenCompose(
            v ->
                sub.async()
                    .unsubscribe(
                        Wire.bytes(requestChannel),
                        Wire.bytes(responseChannel),
                        Wire.bytes(specificResponseChannel)))
        .<Void>thenApply(v -> null)
        .toCompletableFuture()
        .exceptionally(err -> null);
  }

  @Override
  public CompletableFuture<Integer> serverCount() {
    CompletableFuture<Integer> down = health.failFast();
    if (down != null) return down;
    return pub.async()
        .pubsubNumsub(Wire.bytes(requestChannel))
        .thenApply(
            counts -> {
              long n = counts.values().stream().mapToLong(Long::longValue).sum();
              return (int) Math.max(1, Math.min(n, Integer.MAX_VALUE));
            })
        .toCompletableFuture()
        .orTimeout(options.requestsTimeout().toMillis(), TimeUnit.MILLISECONDS);
  }

  // ---- outbound ----

  @Override
  public void broadcast(SocketPacket packet, BroadcastOptions opts) {
    if (!opts.flags().local()) {
      ArrayNode msg = F.arrayNode().add(uid);
      msg.add(ClusterWire.encodePacket(packet, namespace().name()));
      msg.add(ClusterWire.encodeOptions(opts, true));
      String target =
          opts.rooms().size() == 1 ? channel + opts.rooms().iterator().next() + "#" : channel;
      publish(target, Wire.msgpack(msg));
    }
    super.broadcast(packet, opts);
  }

  @Override
  public void broadcastWithAck(
      SocketPacket packet,
      BroadcastOptions opts,
      IntConsumer clientCount,
      BiConsumer<String, ArrayNode> ack) {
    if (!opts.flags().local()) {
      String requestId =
          pending.awaitBroadcastAcks(opts, clientCount, ack, options.requestsTimeout());
      ObjectNode request = request(RequestType.BROADCAST, requestId);
      request.set("packet", ClusterWire.encodePacket(packet, namespace().name()));
      request.set("opts", ClusterWire.encodeOptions(opts, true));
      publish(requestChannel, Wire.msgpack(request));
    }
    super.broadcastWithAck(packet, opts, clientCount, ack);
  }

  @Override
  public CompletableFuture<List<RemoteSocket>> fetchSockets(BroadcastOptions opts) {
    List<RemoteSocket> local = super.fetchSockets(opts).join();
    if (opts.flags().local()) return CompletableFuture.completedFuture(local);
    return serverCount()
        .thenCompose(
            numSub -> {
              if (numSub <= 1) return CompletableFuture.completedFuture(local);
              String requestId = ClusterRequests.newId();
              ObjectNode request = request(RequestType.REMOTE_FETCH, requestId);
              request.set("opts", ClusterWire.encodeOptions(opts, false));
              Duration timeout = opts.flags().timeout();
              CompletableFuture<List<RemoteSocket>> result =
                  pending.awaitSockets(
                      requestId,
                      ClusterRequests.Expected.count(numSub - 1),
                      local,
                      namespace(),
                      mapper(),
                      timeout != null ? timeout : options.requestsTimeout());
              publish(requestChannel, Wire.json(request));
              return result;
            });
  }

  /**
   * The names of the rooms of this namespace on every node (JavaScript: {@code
   * adapter.allRooms()}); a socket's own id counts as a room, as there. Fails with a {@link
   * java.util.concurrent.TimeoutException} when a node does not answer within {@code
   * requestsTimeout}.
   */
  public CompletableFuture<Set<String>> allRooms() {
    Set<String> local = new LinkedHashSet<>(rooms().keySet());
    return serverCount()
        .thenCompose(
            numSub -> {
              if (numSub <= 1) return CompletableFuture.completedFuture(Set.copyOf(local));
              CompletableFuture<Set<String>> result = new CompletableFuture<>();
              String requestId = ClusterRequests.newId();
              pending.await(
                  requestId, new AllRoomsRequest(numSub, local, result), options.requestsTimeout());
              publish(requestChannel, Wire.json(request(RequestType.ALL_ROOMS, requestId)));
              return result;
            });
  }

  @Override
  public void addSockets(BroadcastOptions opts, Set<String> rooms) {
    if (!opts.flags().local()) publishRoomsRequest(RequestType.REMOTE_JOIN, opts, rooms);
    super.addSockets(opts, rooms);
  }

  @Override
  public void delSockets(BroadcastOptions opts, Set<String> rooms) {
    if (!opts.flags().local()) publishRoomsRequest(RequestType.REMOTE_LEAVE, opts, rooms);
    super.delSockets(opts, rooms);
  }

  @Override
  public void disconnectSockets(BroadcastOptions opts, boolean close) {
    if (!opts.flags().local()) {
      ObjectNode request = request(RequestType.REMOTE_DISCONNECT, null);
      request.set("opts", ClusterWire.encodeOptions(opts, false));
      request.put("close", close);
      publish(requestChannel, Wire.json(request));
    }
    super.disconnectSockets(opts, close);
  }

  @Override
  public void serverSideEmit(
      String event, Object[] args, BiConsumer<Throwable, List<ArrayNode>> ack) {
    ArrayNode data = ClusterWire.encodeServerSideEmit(event, args, mapper());
    if (ack == null) {
      ObjectNode request = request(RequestType.SERVER_SIDE_EMIT, null);
      request.set("data", data);
      publish(requestChannel, Wire.json(request));
      return;
    }
    serverCount() // fails at once while Redis is away
        .thenAccept(
            count -> {
              long others = count - 1L;
              if (others <= 0) {
                ack.accept(null, List.of());
                return;
              }
              String requestId = ClusterRequests.newId();
              ObjectNode request = request(RequestType.SERVER_SIDE_EMIT, requestId);
              request.set("data", data);
              pending.awaitServerSideEmit(
                  requestId,
                  ClusterRequests.Expected.count((int) Math.min(others, Integer.MAX_VALUE)),
                  ack,
                  options.requestsTimeout());
              publish(requestChannel, Wire.json(request));
            })
        .exceptionally(
            err -> {
              ack.accept(err, List.of());
              return null;
            });
  }

  private void publishRoomsRequest(int type, BroadcastOptions opts, Set<String> rooms) {
    ObjectNode request = request(type, null);
    request.set("opts", ClusterWire.encodeOptions(opts, false));
    ArrayNode names = request.putArray("rooms");
    rooms.forEach(names::add);
    publish(requestChannel, Wire.json(request));
  }

  private ObjectNode request(int type, String requestId) {
    ObjectNode request = F.objectNode().put("uid", uid);
    if (requestId != null) request.put("requestId", requestId);
    return request.put("type", type);
  }

  /** Publishes; while Redis is away the message is dropped (logged once by the health check). */
  void publish(String target, byte[] message) {
    if (!health.check()) return;
    pub.async()
        .publish(Wire.bytes(target), message)
        .exceptionally(
            err -> {
              health.check();
              LOG.debug("cannot publish to {}: {}", target, err.toString());
              return 0L;
            });
  }

  /** Answers a request of node {@code requesterUid} on the response channel the options say. */
  void publishResponse(String requesterUid, byte[] response) {
    publish(
        options.publishOnSpecificResponseChannel() && requesterUid != null
            ? responseChannel + requesterUid + "#"
            : responseChannel,
        response);
  }

  // ---- this node's share of the work, for InboundHandler ----

  void localBroadcast(SocketPacket packet, BroadcastOptions opts) {
    super.broadcast(packet, opts);
  }

  void localBroadcastWithAck(
      SocketPacket packet,
      BroadcastOptions opts,
      IntConsumer clientCount,
      BiConsumer<String, ArrayNode> ack) {
    super.broadcastWithAck(packet, opts, clientCount, ack);
  }

  List<RemoteSocket> localFetch(BroadcastOptions opts) {
    return super.fetchSockets(opts).join();
  }

  Set<String> localSockets(Set<String> rooms) {
    return super.sockets(rooms).join();
  }

  void localAdd(BroadcastOptions opts, Set<String> rooms) {
    super.addSockets(opts, rooms);
  }

  void localDel(BroadcastOptions opts, Set<String> rooms) {
    super.delSockets(opts, rooms);
  }

  void localDisconnect(BroadcastOptions opts, boolean close) {
    super.disconnectSockets(opts, close);
  }

  void deliverServerSideEmit(String event, ArrayNode args, Consumer<Object> ack) {
    onServerSideEmit(event, args, ack);
  }

  JsonNode toTree(Object value) {
    return value instanceof JsonNode n ? n : mapper().valueToTree(value);
  }

  Namespace nsp() {
    return namespace();
  }

  com.fasterxml.jackson.databind.ObjectMapper jsonMapper() {
    return mapper();
  }
}
