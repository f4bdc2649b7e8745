package io.sio4j.emitter.redis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sio4j.protocol.msgpack.MsgpackCodec;
import java.io.IOException;
import java.util.List;

/**
 * The messages of {@code @socket.io/redis-emitter} 5.x: a broadcast is the MessagePack array {@code
 * ["emitter", {type: 2, data, nsp}, {rooms, flags, except}]}; requests are JSON objects with the
 * classic Redis adapter's request types. Pure functions; the emitter reads nothing from Redis.
 *
 * <p>Stateless and thread-safe.
 */
final class EmitterWire {
  static final int REMOTE_JOIN = 2;
  static final int REMOTE_LEAVE = 3;
  static final int REMOTE_DISCONNECT = 4;
  static final int SERVER_SIDE_EMIT = 6;
  private static final int EVENT = 2;
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final ObjectMapper JSON = new ObjectMapper();

  private EmitterWire() {}

  static JsonNode toTree(Object value, ObjectMapper mapper) {
    return value instanceof JsonNode n ? n : mapper.valueToTree(value);
  }

  static byte[] broadcast(
      String nsp,
      ArrayNode data,
      List<String> rooms,
      List<String> except,
      boolean isVolatile,
      boolean compress) {
    ObjectNode packet = F.objectNode().put("type", EVENT);
    packet.set("data", data);
    packet.put("nsp", nsp);
    ObjectNode opts = F.objectNode();
    ArrayNode r = opts.putArray("rooms");
    rooms.forEach(r::add);
    ObjectNode flags = opts.putObject("flags");
    if (isVolatile) flags.put("volatile", true);
    if (!compress) flags.put("compress", false);
    ArrayNode e = opts.putArray("except");
    except.forEach(e::add);
    ArrayNode message = F.arrayNode().add(RedisEmitter.UID);
    message.add(packet).add(opts);
    return MsgpackCodec.defaults().encode(message);
  }

  static ObjectNode request(
      int type, List<String> rooms, List<String> except, List<String> targetRooms, boolean close) {
    ObjectNode request = F.objectNode().put("type", type);
    ObjectNode opts = request.putObject("opts");
    ArrayNode r = opts.putArray("rooms");
    rooms.forEach(r::add);
    ArrayNode e = opts.putArray("except");
    except.forEach(e::add);
    if (targetRooms != null) {
      ArrayNode t = request.putArray("rooms");
      targetRooms.forEach(t::add);
    } else {
      request.put("close", close);
    }
    return request;
  }

  static ObjectNode serverSideEmit(ArrayNode data) {
    ObjectNode request = F.objectNode().put("uid", RedisEmitter.UID).put("type", SERVER_SIDE_EMIT);
    request.set("data", data);
    return request;
  }

  static byte[] json(JsonNode node) {
    try {
      return JSON.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }
}
