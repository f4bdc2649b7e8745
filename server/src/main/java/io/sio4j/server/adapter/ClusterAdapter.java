package io.sio4j.server.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sio4j.protocol.ProtocolException;
import io.sio4j.protocol.socketio.SocketPacket;
import io.sio4j.server.InMemoryAdapter;
import io.sio4j.server.Namespace;
import io.sio4j.server.RemoteSocket;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The template of a cluster adapter, after socket.io-adapter's {@code ClusterAdapter}: it turns
 * every broadcast and utility into a message {@code {uid, nsp, type, data}} for the other nodes,
 * runs the other nodes' messages locally, answers their requests, and gathers the answers to its
 * own ({@code fetchSockets}, {@code serverSideEmitWithAck}, broadcast acks) with request ids and
 * timeouts. A transport implements only {@link #doPublish}, {@link #doPublishResponse}, {@link
 * #serverCount()} and its encoding, and hands what it receives to {@link #onMessage} (which also
 * routes responses).
 *
 * <pre>{@code
 * final class MyAdapter extends ClusterAdapter {
 *   MyAdapter(Namespace nsp, MyBus bus) {
 *     super(nsp, Duration.ofSeconds(5));
 *     bus.subscribe(bytes -> onMessage(decode(bytes), null));
 *   }
 *   protected CompletableFuture<String> doPublish(ObjectNode message) {
 *     return bus.publish(encode(message)).thenApply(v -> null);
 *   }
 *   protected CompletableFuture<Void> doPublishResponse(String requesterUid, ObjectNode response) {
 *     return bus.publish(encode(response));
 *   }
 *   public CompletableFuture<Integer> serverCount() { return bus.subscriberCount(); }
 * }
 * }</pre>
 *
 * <p>Messages from the store are untrusted: one of the wrong shape is dropped and logged at debug
 * on {@code io.sio4j.server.adapter}; nothing thrown reaches the transport.
 *
 * <p>Thread-safe; {@link #onMessage} may be called from any thread (usually the store's I/O
 * thread), and {@link Namespace#onServerSideEmit} listeners run there.
 */
public abstract class ClusterAdapter extends InMemoryAdapter {
  /** The template's logger. */
  protected static final Logger LOG = LoggerFactory.getLogger("io.sio4j.server.adapter");

  /** The uid of messages sent by emitters, which are not server nodes. */
  public static final String EMITTER_UID = "emitter";

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private final String uid = ClusterRequests.newId();
  private final Duration requestsTimeout;
  private final ClusterRequests requests;

  /**
   * The adapter of {@code nsp}; requests without their own timeout wait {@code requestsTimeout}
   * (the official default is 5 s).
   */
  protected ClusterAdapter(Namespace nsp, Duration requestsTimeout) {
    super(nsp);
    this.requestsTimeout = Objects.requireNonNull(requestsTimeout, "requestsTimeout");
    this.requests = new ClusterRequests(scheduler());
  }

  /** This node's id on the wire (its own messages carry it and are dropped on return). */
  public String uid() {
    return uid;
  }

  /** The requests this node waits on. */
  protected ClusterRequests requests() {
    return requests;
  }

  // ---- the transport ----

  /**
   * Sends a message to every other node; completes with the store's offset of the message (for
   * connection state recovery) or null.
   */
  protected abstract CompletableFuture<String> doPublish(ObjectNode message);

  /** Sends a response to the node {@code requesterUid}. */
  protected abstract CompletableFuture<Void> doPublishResponse(
      String requesterUid, ObjectNode response);

  /** Who must answer a request: by default {@code serverCount() - 1} nodes. */
  protected CompletableFuture<ClusterRequests.Expected> expectedResponders() {
    return serverCount().thenApply(n -> ClusterRequests.Expected.count(Math.max(0, n - 1)));
  }

  @Override
  public CompletableFuture<Void> close() {
    requests.clear();
    return super.close();
  }

  // ---- outbound ----

  @Override
  public void broadcast(SocketPacket packet, BroadcastOptions opts) {
    if (!opts.flags().local()) {
      ObjectNode data = F.objectNode();
      data.set("packet", ClusterWire.encodePacket(packet, namespace().name()));
      data.set("opts", ClusterWire.encodeOptions(opts, true));
      publish(ClusterMessageType.BROADCAST, data);
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
      String requestId = requests.awaitBroadcastAcks(opts, clientCount, ack, requestsTimeout);
      ObjectNode data = F.objectNode();
      data.set("packet", ClusterWire.encodePacket(packet, namespace().name()));
      data.put("requestId", requestId);
      data.set("opts", ClusterWire.encodeOptions(opts, true));
      publish(ClusterMessageType.BROADCAST, data);
    }
    super.broadcastWithAck(packet, opts, clientCount, ack);
  }

  @Override
  public void addSockets(BroadcastOptions opts, Set<String> rooms) {
    if (!opts.flags().local()) publishRooms(ClusterMessageType.SOCKETS_JOIN, opts, rooms);
    super.addSockets(opts, rooms);
  }

  @Override
  public void delSockets(BroadcastOptions opts, Set<String> rooms) {
    if (!opts.flags().local()) publishRooms(ClusterMessageType.SOCKETS_LEAVE, opts, rooms);
    super.delSockets(opts, rooms);
  }

  private void publishRooms(int type, BroadcastOptions opts, Set<String> rooms) {
    ObjectNode data = F.objectNode();
    data.set("opts", ClusterWire.encodeOptions(opts, true));
    ArrayNode names = data.putArray("rooms");
    rooms.forEach(names::add);
    publish(type, data);
  }

  @Override
  public void disconnectSockets(BroadcastOptions opts, boolean close) {
    if (!opts.flags().local()) {
      ObjectNode data = F.objectNode();
      data.set("opts", ClusterWire.encodeOptions(opts, true));
      data.put("close", close);
      publish(ClusterMessageType.DISCONNECT_SOCKETS, data);
    }
    super.disconnectSockets(opts, close);
  }

  @Override
  public CompletableFuture<List<RemoteSocket>> fetchSockets(BroadcastOptions opts) {
    List<RemoteSocket> local = super.fetchSockets(opts).join();
    if (opts.flags().local()) return CompletableFuture.completedFuture(local);
    return expectedResponders()
        .thenCompose(
            expected -> {
              if (expected.count() <= 0) return CompletableFuture.completedFuture(local);
              String requestId = ClusterRequests.newId();
              Duration timeout = opts.flags().timeout();
              CompletableFuture<List<RemoteSocket>> result =
                  requests.awaitSockets(
                      requestId,
                      expected,
                      local,
                      namespace(),
                      mapper(),
                      timeout != null ? timeout : requestsTimeout);
              ObjectNode data = F.objectNode();
              data.set("opts", ClusterWire.encodeOptions(opts, true));
              data.put("requestId", requestId);
              publish(ClusterMessageType.FETCH_SOCKETS, data);
              return result;
            });
  }

  @Override
  public void serverSideEmit(
      String event, Object[] args, BiConsumer<Throwable, List<ArrayNode>> ack) {
    ArrayNode packet = ClusterWire.encodeServerSideEmit(event, args, mapper());
    if (ack == null) {
      publish(ClusterMessageType.SERVER_SIDE_EMIT, F.objectNode().set("packet", packet));
      return;
    }
    expectedResponders()
        .whenComplete(
            (expected, err) -> {
              if (err != null) {
                ack.accept(err, List.of());
                return;
              }
              if (expected.count() <= 0) {
                ack.accept(null, List.of());
                return;
              }
              String requestId = ClusterRequests.newId();
              requests.awaitServerSideEmit(requestId, expected, ack, requestsTimeout);
              ObjectNode data = F.objectNode().put("requestId", requestId);
              data.set("packet", packet);
              publish(ClusterMessageType.SERVER_SIDE_EMIT, data);
            });
  }

  /** Publishes a message of this node; a failure is logged (the local share still happens). */
  protected void publish(int type, ObjectNode data) {
    publishAndReturnOffset(type, data)
        .exceptionally(
            err -> {
              LOG.debug("[{}] cannot publish a message of type {}: {}", uid, type, err.toString());
              return null;
            });
  }

  /** Publishes a message of this node and returns the store's offset. */
  protected CompletableFuture<String> publishAndReturnOffset(int type, ObjectNode data) {
    ObjectNode message = F.objectNode().put("uid", uid).put("nsp", namespace().name());
    message.put("type", type);
    if (data != null) message.set("data", data);
    try {
      return doPublish(message);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /** Answers the node {@code requesterUid}. */
  protected void publishResponse(String requesterUid, int type, ObjectNode data) {
    ObjectNode response = F.objectNode().put("uid", uid).put("nsp", namespace().name());
    response.put("type", type);
    response.set("data", data);
    try {
      doPublishResponse(requesterUid, response)
          .exceptionally(
              err -> {
                LOG.debug("[{}] cannot publish a response to {}: {}", uid, requesterUid, err);
                return null;
              });
    } catch (RuntimeException e) {
      LOG.debug("[{}] cannot publish a response to {}: {}", uid, requesterUid, e.toString());
    }
  }

  // ---- inbound ----

  /**
   * Handles a decoded message (or response) from the store; {@code offset} is its position in the
   * store, or null. Never throws: bad input is dropped and logged at debug.
   */
  protected void onMessage(JsonNode message, String offset) {
    try {
      if (message == null || !message.isObject()) throw new IllegalArgumentException("no object");
      String sender = message.path("uid").isTextual() ? message.get("uid").textValue() : null;
      if (uid.equals(sender)) return; // our own message, back from the store
      JsonNode type = message.path("type");
      if (!type.canConvertToInt()) throw new IllegalArgumentException("message without type");
      onClusterMessage(type.intValue(), sender, message, offset);
    } catch (ProtocolException | RuntimeException e) {
      LOG.debug("[{}] dropped a malformed message: {}", uid, e.toString());
    }
  }

  /**
   * Handles one message of another node (or of an emitter). Subclasses that add message types
   * (heartbeats) handle them and pass the others on.
   */
  protected void onClusterMessage(int type, String sender, JsonNode message, String offset)
      throws ProtocolException {
    String nsp = message.path("nsp").asText("/");
    if (!nsp.equals(namespace().name())) return; // another namespace on the same channel
    JsonNode data = message.path("data");
    switch (type) {
      case ClusterMessageType.BROADCAST -> onBroadcast(sender, data, offset);
      case ClusterMessageType.SOCKETS_JOIN ->
          super.addSockets(
              ClusterWire.decodeOptions(data.get("opts")), ClusterWire.strings(data.get("rooms")));
      case ClusterMessageType.SOCKETS_LEAVE ->
          super.delSockets(
              ClusterWire.decodeOptions(data.get("opts")), ClusterWire.strings(data.get("rooms")));
      case ClusterMessageType.DISCONNECT_SOCKETS ->
          super.disconnectSockets(
              ClusterWire.decodeOptions(data.get("opts")), data.path("close").asBoolean(false));
      case ClusterMessageType.FETCH_SOCKETS -> onFetchSockets(sender, data);
      case ClusterMessageType.SERVER_SIDE_EMIT -> onServerSideEmit(sender, data);
      case ClusterMessageType.BROADCAST_CLIENT_COUNT,
          ClusterMessageType.BROADCAST_ACK,
          ClusterMessageType.FETCH_SOCKETS_RESPONSE,
          ClusterMessageType.SERVER_SIDE_EMIT_RESPONSE ->
          onResponse(message);
      default -> LOG.debug("[{}] ignored a message of unknown type {}", uid, type);
    }
  }

  private void onBroadcast(String sender, JsonNode data, String offset) {
    SocketPacket packet = ClusterWire.decodeEventPacket(data.get("packet"), namespace().name());
    if (packet == null) return;
    BroadcastOptions opts = ClusterWire.decodeOptions(data.get("opts"));
    String requestId = requestId(data);
    if (requestId == null) {
      if (offset != null) broadcastWithOffset(packet, opts, offset);
      else super.broadcast(packet, opts);
      return;
    }
    super.broadcastWithAck(
        packet,
        opts,
        count ->
            publishResponse(
                sender,
                ClusterMessageType.BROADCAST_CLIENT_COUNT,
                F.objectNode().put("requestId", requestId).put("clientCount", count)),
        (socketId, args) -> {
          ObjectNode r = F.objectNode().put("requestId", requestId);
          r.set("packet", args.isEmpty() ? F.nullNode() : args.get(0));
          publishResponse(sender, ClusterMessageType.BROADCAST_ACK, r);
        });
  }

  private void onFetchSockets(String sender, JsonNode data) {
    String requestId = requestId(data);
    if (requestId == null) throw new IllegalArgumentException("fetchSockets without requestId");
    ArrayNode sockets = F.arrayNode();
    for (RemoteSocket s : super.fetchSockets(ClusterWire.decodeOptions(data.get("opts"))).join()) {
      sockets.add(RemoteSocketViews.toJson(s, mapper()));
    }
    ObjectNode r = F.objectNode().put("requestId", requestId);
    r.set("sockets", sockets);
    publishResponse(sender, ClusterMessageType.FETCH_SOCKETS_RESPONSE, r);
  }

  private void onServerSideEmit(String sender, JsonNode data) {
    JsonNode packet = data.path("packet");
    if (!packet.isArray() || packet.isEmpty() || !packet.get(0).isTextual()) {
      throw new IllegalArgumentException("serverSideEmit without an event name");
    }
    ArrayNode args = F.arrayNode();
    for (int i = 1; i < packet.size(); i++) args.add(packet.get(i));
    String requestId = requestId(data);
    if (requestId == null) {
      onServerSideEmit(packet.get(0).textValue(), args, null);
      return;
    }
    AtomicBoolean called = new AtomicBoolean();
    Consumer<Object> ack =
        value -> {
          if (!called.compareAndSet(false, true)) return; // one answer, as in JavaScript
          ObjectNode r = F.objectNode().put("requestId", requestId);
          r.set("packet", value instanceof JsonNode n ? n : mapper().valueToTree(value));
          publishResponse(sender, ClusterMessageType.SERVER_SIDE_EMIT_RESPONSE, r);
        };
    onServerSideEmit(packet.get(0).textValue(), args, ack);
  }

  /** Handles a response to one of this node's requests. */
  protected void onResponse(JsonNode response) {
    JsonNode data = response.path("data");
    String requestId = requestId(data);
    if (requestId == null) return;
    String sender = response.path("uid").asText("");
    switch (response.path("type").asInt(-1)) {
      case ClusterMessageType.BROADCAST_CLIENT_COUNT -> {
        ClusterRequests.AckRequest ack = requests.ackRequest(requestId);
        JsonNode count = data.path("clientCount");
        if (ack != null && count.canConvertToInt() && count.intValue() >= 0) {
          ack.clientCount().accept(count.intValue());
        }
      }
      case ClusterMessageType.BROADCAST_ACK -> {
        ClusterRequests.AckRequest ack = requests.ackRequest(requestId);
        // the official adapters forward one value and no socket id
        JsonNode value = data.path("packet");
        if (ack != null)
          ack.ack().accept("", F.arrayNode().add(value.isMissingNode() ? F.nullNode() : value));
      }
      case ClusterMessageType.FETCH_SOCKETS_RESPONSE ->
          requests.onResponse(requestId, sender, data.path("sockets"));
      case ClusterMessageType.SERVER_SIDE_EMIT_RESPONSE ->
          requests.onResponse(requestId, sender, data.path("packet"));
      default -> LOG.debug("[{}] ignored a response of unknown type", uid);
    }
  }

  private static String requestId(JsonNode data) {
    JsonNode id = data.path("requestId");
    return id.isTextual() ? id.textValue() : null;
  }
}
