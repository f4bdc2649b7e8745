package io.sio4j.adapter.redis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lettuce.core.RedisClient;
import io.lettuce.core.StreamMessage;
import io.sio4j.protocol.ProtocolException;
import io.sio4j.protocol.socketio.SocketPacket;
import io.sio4j.server.ConnectionStateRecovery;
import io.sio4j.server.Namespace;
import io.sio4j.server.adapter.AdapterFactory;
import io.sio4j.server.adapter.BroadcastOptions;
import io.sio4j.server.adapter.ClusterAdapter;
import io.sio4j.server.adapter.ClusterMessageType;
import io.sio4j.server.adapter.ClusterWire;
import io.sio4j.server.adapter.RestoredSession;
import io.sio4j.server.adapter.SessionToPersist;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A cluster adapter over a Redis stream, wire-compatible with npm {@code
 * @socket.io/redis-streams-adapter} 0.3: Java and Node servers that use the same Redis and stream
 * form one cluster. Broadcasts and room changes are appended to the stream ({@code XADD MAXLEN ~})
 * and every node reads it ({@code XREAD BLOCK ... COUNT ...} on a connection of its own), so a
 * node that blips reads on from where it was. Requests and their answers ({@code fetchSockets},
 * {@code serverSideEmit}, broadcasts with acks) go over pub/sub channels {@code <prefix>#<nsp>#}
 * and {@code <prefix>#<nsp>#<uid>#}; {@code serverCount} is {@code PUBSUB NUMSUB} of the first.
 *
 * <p>With connection state recovery on, the offset a client holds is the stream entry's id, and a
 * disconnected session is kept in Redis ({@code <sessionKeyPrefix><pid>}, expiring after {@code
 * maxDisconnectionDuration}): a client whose node died reconnects to any other node, Java or Node,
 * and gets back its id, rooms and data, and the broadcasts it missed, read back from the stream.
 *
 * <pre>{@code
 * RedisClient redis = RedisClient.create("redis://127.0.0.1:6379");
 * SocketIoServer io = SocketIoServer.builder()
 *     .connectionStateRecovery(ConnectionStateRecovery.DEFAULTS)
 *     .adapter(RedisStreamsAdapter.factory(redis, RedisStreamsAdapterOptions.DEFAULTS))
 *     .build();
 * }</pre>
 *
 * <p>The factory opens three connections on {@code client} with the first namespace and closes
 * them with the last; the application shuts the client down after the server. While Redis is
 * away, each node serves its own clients, cluster messages are dropped, requests fail at once with
 * a {@link io.lettuce.core.RedisConnectionException}, and the outage and the recovery are logged
 * once each. Lettuce's reconnect delay grows to 30 s by default: give the client resources a
 * shorter {@code reconnectDelay} so the cluster heals soon after Redis returns. Entries and
 * messages from Redis are untrusted; bad ones are dropped and logged at debug.
 *
 * <p>Thread-safe; messages are handled on Lettuce's I/O threads.
 */
public final class RedisStreamsAdapter extends ClusterAdapter {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final int MAX_XRANGE_CALLS = 100; // as upstream, bounds a recovery's reads

  private final StreamsBus bus;
  private final String publicChannel;
  private final String privateChannel;
  private volatile CompletableFuture<Void> subscribed = new CompletableFuture<>();

  RedisStreamsAdapter(Namespace nsp, StreamsBus bus) {
    super(nsp, bus.options().requestsTimeout());
    this.bus = bus;
    this.publicChannel = bus.options().channelPrefix() + "#" + nsp.name() + "#";
    this.privateChannel = publicChannel + uid() + "#";
  }

  /** One adapter per namespace, with the official defaults. */
  public static AdapterFactory factory(RedisClient client) {
    return factory(client, RedisStreamsAdapterOptions.DEFAULTS);
  }

  /** One adapter per namespace; they share three connections opened on {@code client}. */
  public static AdapterFactory factory(RedisClient client, RedisStreamsAdapterOptions options) {
    StreamsBus bus = new StreamsBus(client, options);
    return nsp -> new RedisStreamsAdapter(nsp, bus);
  }

  String namespaceName() {
    return namespace().name();
  }

  @Override
  public void init() {
    super.init();
    subscribed = bus.register(this, publicChannel, privateChannel);
    subscribed.whenComplete(
        (v, err) -> {
          if (err != null) LOG.warn("cannot subscribe to {}: {}", publicChannel, err.toString());
        });
  }

  /** Completes once this node receives the cluster's requests. */
  public CompletableFuture<Void> subscribed() {
    return subscribed.copy();
  }

  @Override
  public CompletableFuture<Void> close() {
    CompletableFuture<Void> closed = super.close();
    return closed.thenCompose(v -> bus.unregister(this, publicChannel, privateChannel));
  }

  @Override
  public CompletableFuture<Integer> serverCount() {
    return bus.numsub(publicChannel)
        .thenApply(n -> (int) Math.max(1, Math.min(n, Integer.MAX_VALUE)));
  }

  /**
   * With recovery on, a broadcast reaches this node's sockets once Redis gave it its offset (the
   * stream entry's id), as upstream; when Redis is away it goes out at once without one.
   */
  @Override
  public void broadcast(SocketPacket packet, BroadcastOptions opts) {
    if (opts.flags().local() || !recoversSessions()) {
      super.broadcast(packet, opts);
      return;
    }
    ObjectNode data = F.objectNode();
    data.set("packet", ClusterWire.encodePacket(packet, namespace().name()));
    data.set("opts", ClusterWire.encodeOptions(opts, true));
    publishAndReturnOffset(ClusterMessageType.BROADCAST, data)
        .whenComplete(
            (offset, err) -> {
              if (err != null)
                LOG.debug("[{}] cannot publish a broadcast: {}", uid(), err.toString());
              broadcastWithOffset(packet, opts, err == null ? offset : null);
            });
  }

  /** Requests go over pub/sub, everything else into the stream. */
  @Override
  protected CompletableFuture<String> doPublish(ObjectNode message) {
    if (isEphemeral(message)) {
      return bus.publish(publicChannel, ClusterWire.msgpack(message)).thenApply(n -> null);
    }
    return bus.xadd(StreamsWire.encodeEntry(message));
  }

  @Override
  protected CompletableFuture<Void> doPublishResponse(String requesterUid, ObjectNode response) {
    String channel = bus.options().channelPrefix() + "#" + namespace().name() + "#" + requesterUid;
    return bus.publish(channel + "#", ClusterWire.msgpack(response)).thenApply(n -> null);
  }

  private static boolean isEphemeral(JsonNode message) {
    int type = message.path("type").asInt();
    return (type == ClusterMessageType.BROADCAST && message.path("data").has("requestId"))
        || type == ClusterMessageType.SERVER_SIDE_EMIT
        || type == ClusterMessageType.FETCH_SOCKETS;
  }

  void onStreamEntry(Map<String, String> fields, String id) {
    JsonNode message;
    try {
      message = StreamsWire.decodeEntry(fields);
    } catch (IOException | ProtocolException | RuntimeException e) {
      LOG.debug("[{}] dropped a malformed stream entry {}: {}", uid(), id, e.toString());
      return;
    }
    onMessage(message, id);
  }

  void onPubSubMessage(byte[] raw) {
    JsonNode message;
    try {
      message = ClusterWire.decode(raw);
    } catch (IOException | ProtocolException | RuntimeException e) {
      LOG.debug("[{}] dropped a malformed message: {}", uid(), e.toString());
      return;
    }
    onMessage(message, null);
  }

  // ---- connection state recovery ----

  @Override
  public void persistSession(SessionToPersist session) {
    ConnectionStateRecovery csr = namespace().server().options().connectionStateRecovery();
    if (csr == null) return;
    String value = StreamsWire.encodeSession(session, mapper());
    CompletableFuture<String> stored;
    try {
      stored = bus.setSession(session.pid(), value, csr.maxDisconnectionDuration().toMillis());
    } catch (IllegalStateException closed) {
      LOG.debug("[{}] cannot persist a session: the adapter is closed", uid());
      return;
    }
    stored.whenComplete(
        (ok, err) -> {
          if (err != null) LOG.debug("[{}] cannot persist a session: {}", uid(), err.toString());
        });
  }

  /**
   * Takes the session of {@code pid} from Redis and reads the broadcasts after {@code offset} back
   * from the stream; fails when either is gone (the client then starts a new session).
   */
  @Override
  public CompletableFuture<RestoredSession> restoreSession(String pid, String offset) {
    if (pid == null || !StreamsWire.isOffset(offset)) {
      return CompletableFuture.failedFuture(new IllegalArgumentException("invalid offset"));
    }
    CompletableFuture<String> stored = bus.takeSession(pid);
    CompletableFuture<List<StreamMessage<byte[], byte[]>>> at = bus.xrange(offset, offset, 1);
    return stored
        .thenCombine(at, (raw, entries) -> raw == null || entries.isEmpty() ? null : raw)
        .thenCompose(
            raw -> {
              if (raw == null) {
                return CompletableFuture.failedFuture(
                    new IllegalStateException("session or offset not found"));
              }
              SessionToPersist session;
              try {
                session = StreamsWire.decodeSession(raw, mapper());
              } catch (IOException | ProtocolException | RuntimeException e) {
                return CompletableFuture.failedFuture(e);
              }
              List<ArrayNode> missed = new ArrayList<>();
              return readMissed(session, offset, missed, 0)
                  .thenApply(v -> new RestoredSession(session, missed));
            });
  }

  private CompletableFuture<Void> readMissed(
      SessionToPersist session, String after, List<ArrayNode> missed, int calls) {
    if (calls >= MAX_XRANGE_CALLS) return CompletableFuture.completedFuture(null);
    int count = bus.options().readCount();
    String from;
    try {
      from = StreamsWire.nextOffset(after);
    } catch (RuntimeException e) {
      return CompletableFuture.completedFuture(null);
    }
    return bus.xrange(from, null, count)
        .thenCompose(
            entries -> {
              String last = after;
              for (StreamMessage<byte[], byte[]> entry : entries) {
                last = entry.getId();
                try {
                  ArrayNode packet =
                      StreamsWire.missedPacket(
                          StreamsWire.strings(entry.getBody()),
                          entry.getId(),
                          namespace().name(),
                          session.rooms());
                  if (packet != null) missed.add(packet);
                } catch (IOException | ProtocolException | RuntimeException e) {
                  LOG.debug("[{}] skipped a malformed entry {}: {}", uid(), last, e.toString());
                }
              }
              if (entries.size() < count) return CompletableFuture.completedFuture(null);
              return readMissed(session, last, missed, calls + 1);
            });
  }
}
