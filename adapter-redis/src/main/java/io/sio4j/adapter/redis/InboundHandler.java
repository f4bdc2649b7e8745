package io.sio4j.adapter.redis;

import static io.sio4j.adapter.redis.RedisAdapter.LOG;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sio4j.protocol.ProtocolException;
import io.sio4j.protocol.socketio.SocketPacket;
import io.sio4j.server.RemoteSocket;
import io.sio4j.server.Socket;
import io.sio4j.server.adapter.BroadcastOptions;
import io.sio4j.server.adapter.ClusterRequests;
import io.sio4j.server.adapter.ClusterWire;
import io.sio4j.server.adapter.RemoteSocketViews;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Handles what other nodes publish: broadcasts on {@code <key>#<nsp>#[room#]}, requests on the
 * request channel and responses on the response channels, in the formats of
 * {@code @socket.io/redis-adapter} 8.x. Every message is untrusted: one that cannot be decoded, has
 * the wrong shape or an unknown type is dropped and logged at debug; nothing thrown here reaches
 * Lettuce.
 *
 * <p>Thread-safe (stateless; called on Lettuce's I/O thread).
 */
final class InboundHandler {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private final RedisAdapter adapter;

  InboundHandler(RedisAdapter adapter) {
    this.adapter = adapter;
  }

  void onBroadcast(String channel, byte[] message) {
    if (!channel.startsWith(adapter.channel)) return; // another namespace or key
    String room =
        channel.substring(
            adapter.channel.length(), Math.max(adapter.channel.length(), channel.length() - 1));
    if (!room.isEmpty() && !adapter.rooms().containsKey(room)) return; // nobody here is in it
    try {
      JsonNode msg = Wire.decode(message);
      if (!msg.isArray() || msg.size() < 3)
        throw new IllegalArgumentException("not [uid, packet, opts]");
      if (adapter.uid.equals(msg.get(0).asText(null))) return; // our own broadcast
      SocketPacket packet = readPacket(msg.get(1));
      if (packet == null) return;
      adapter.localBroadcast(packet, ClusterWire.decodeOptions(msg.get(2)));
    } catch (IOException | ProtocolException | RuntimeException e) {
      LOG.debug("dropped a malformed broadcast on {}: {}", channel, e.toString());
    }
  }

  void onRequestOrResponse(String channel, byte[] message) {
    boolean response = channel.startsWith(adapter.responseChannel);
    if (!response && !channel.equals(adapter.requestChannel)) return;
    try {
      JsonNode msg = Wire.decode(message);
      if (!msg.isObject()) throw new IllegalArgumentException("not an object");
      if (response) onResponse(msg);
      else onRequest(msg);
    } catch (IOException | ProtocolException | RuntimeException e) {
      LOG.debug("dropped a malformed message on {}: {}", channel, e.toString());
    }
  }

  private void onRequest(JsonNode req) {
    JsonNode typeNode = req.path("type");
    if (!typeNode.canConvertToInt()) throw new IllegalArgumentException("request without type");
    String uid = req.path("uid").asText(null);
    boolean mine = adapter.uid.equals(uid);
    String requestId = req.path("requestId").isTextual() ? req.get("requestId").textValue() : null;
    boolean ownRequest = mine || (requestId != null && adapter.pending.isPending(requestId));
    switch (typeNode.intValue()) {
      case RequestType.SOCKETS -> {
        if (ownRequest) return;
        ArrayNode ids = F.arrayNode();
        adapter.localSockets(ClusterWire.strings(req.path("rooms"))).forEach(ids::add);
        respond(uid, requestId, r -> r.set("sockets", ids));
      }
      case RequestType.ALL_ROOMS -> {
        if (ownRequest) return;
        ArrayNode rooms = F.arrayNode();
        adapter.rooms().keySet().forEach(rooms::add);
        respond(uid, requestId, r -> r.set("rooms", rooms));
      }
      case RequestType.REMOTE_JOIN, RequestType.REMOTE_LEAVE, RequestType.REMOTE_DISCONNECT -> {
        if (!mine) onRemoteRoomsRequest(typeNode.intValue(), req, uid, requestId);
      }
      case RequestType.REMOTE_FETCH -> {
        if (ownRequest) return;
        ArrayNode sockets = F.arrayNode();
        for (RemoteSocket s : adapter.localFetch(ClusterWire.decodeOptions(req.path("opts")))) {
          sockets.add(RemoteSocketViews.toJson(s, adapter.jsonMapper()));
        }
        respond(uid, requestId, r -> r.set("sockets", sockets));
      }
      case RequestType.SERVER_SIDE_EMIT -> {
        if (!mine) onServerSideEmit(req, requestId);
      }
      case RequestType.BROADCAST -> {
        if (!ownRequest && requestId != null) onBroadcastWithAck(req, uid, requestId);
      }
      default -> LOG.debug("ignored a request of unknown type {}", typeNode.intValue());
    }
  }

  private void onRemoteRoomsRequest(int type, JsonNode req, String uid, String requestId) {
    if (req.path("opts").isObject()) {
      BroadcastOptions opts = ClusterWire.decodeOptions(req.get("opts"));
      switch (type) {
        case RequestType.REMOTE_JOIN ->
            adapter.localAdd(opts, ClusterWire.strings(req.path("rooms")));
        case RequestType.REMOTE_LEAVE ->
            adapter.localDel(opts, ClusterWire.strings(req.path("rooms")));
        default -> adapter.localDisconnect(opts, req.path("close").asBoolean(false));
      }
      return;
    }
    // the older one-socket form: {sid, room} or {sid, close}, answered when the socket is here
    Socket socket = adapter.nsp().sockets().get(req.path("sid").asText(""));
    if (socket == null) return;
    String room = req.path("room").asText(null);
    switch (type) {
      case RequestType.REMOTE_JOIN -> {
        if (room != null) socket.join(room);
      }
      case RequestType.REMOTE_LEAVE -> {
        if (room != null) socket.leave(room);
      }
      default -> socket.disconnect(req.path("close").asBoolean(false));
    }
    respond(uid, requestId, r -> {});
  }

  private void onServerSideEmit(JsonNode req, String requestId) {
    JsonNode data = req.path("data");
    if (!data.isArray() || data.isEmpty() || !data.get(0).isTextual()) {
      throw new IllegalArgumentException("serverSideEmit without an event name");
    }
    String event = data.get(0).textValue();
    ArrayNode args = F.arrayNode();
    for (int i = 1; i < data.size(); i++) args.add(data.get(i));
    if (requestId == null) {
      adapter.deliverServerSideEmit(event, args, null);
      return;
    }
    AtomicBoolean called = new AtomicBoolean();
    Consumer<Object> ack =
        value -> {
          if (!called.compareAndSet(false, true)) return;
          ObjectNode response =
              F.objectNode().put("type", RequestType.SERVER_SIDE_EMIT).put("requestId", requestId);
          response.set("data", adapter.toTree(value));
          adapter.publish(adapter.responseChannel, Wire.json(response));
        };
    adapter.deliverServerSideEmit(event, args, ack);
  }

  private void onBroadcastWithAck(JsonNode req, String uid, String requestId) {
    SocketPacket packet = readPacket(req.path("packet"));
    if (packet == null) return;
    adapter.localBroadcastWithAck(
        packet,
        ClusterWire.decodeOptions(req.path("opts")),
        count -> {
          ObjectNode r = F.objectNode().put("type", RequestType.BROADCAST_CLIENT_COUNT);
          r.put("requestId", requestId).put("clientCount", count);
          adapter.publishResponse(uid, Wire.json(r));
        },
        (socketId, args) -> {
          ObjectNode r = F.objectNode().put("type", RequestType.BROADCAST_ACK);
          r.put("requestId", requestId).set("packet", args.isEmpty() ? F.nullNode() : args.get(0));
          adapter.publishResponse(uid, Wire.msgpack(r));
        });
  }

  private void onResponse(JsonNode res) {
    JsonNode id = res.path("requestId");
    if (!id.isTextual()) return;
    ClusterRequests.AckRequest ack = adapter.pending.ackRequest(id.textValue());
    if (ack != null) {
      int type = res.path("type").asInt(-1);
      if (type == RequestType.BROADCAST_CLIENT_COUNT) {
        JsonNode count = res.path("clientCount");
        if (!count.canConvertToInt() || count.intValue() < 0) {
          throw new IllegalArgumentException("bad clientCount " + count);
        }
        ack.clientCount().accept(count.intValue());
      } else if (type == RequestType.BROADCAST_ACK) {
        // the official adapter forwards one value and no socket id
        ack.ack()
            .accept(
                "",
                F.arrayNode()
                    .add(res.path("packet").isMissingNode() ? F.nullNode() : res.get("packet")));
      }
      return;
    }
    // the answer's field says its kind: sockets (fetchSockets), rooms (allRooms), data
    // (serverSideEmit)
    JsonNode answer =
        res.path("type").asInt(-1) == RequestType.SERVER_SIDE_EMIT
            ? res.path("data")
            : res.has("sockets") ? res.get("sockets") : res.path("rooms");
    adapter.pending.onResponse(id.textValue(), null, answer);
  }

  private void respond(String uid, String requestId, Consumer<ObjectNode> body) {
    if (requestId == null) return;
    ObjectNode response = F.objectNode().put("requestId", requestId);
    body.accept(response);
    adapter.publishResponse(uid, Wire.json(response));
  }

  /** An EVENT packet of this namespace, or null when it is for another one. */
  private SocketPacket readPacket(JsonNode p) {
    return ClusterWire.decodeEventPacket(p, adapter.nsp().name());
  }
}
