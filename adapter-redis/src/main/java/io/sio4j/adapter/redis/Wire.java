package io.sio4j.adapter.redis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sio4j.protocol.ProtocolException;
import io.sio4j.protocol.msgpack.MsgpackCodec;
import io.sio4j.protocol.socketio.SocketPacket;
import io.sio4j.server.adapter.BroadcastFlags;
import io.sio4j.server.adapter.BroadcastOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Redis messages on the wire, as @socket.io/redis-adapter writes them: JSON (a message starting
 * with {@code '{'}) or MessagePack in notepack.io's dialect (the shared {@link MsgpackCodec}), and
 * broadcast options {@code {rooms: [...], except: [...], flags: {...}}}. Everything read is
 * untrusted: the codec bounds lengths and nesting, no type information is taken from the input, and
 * option entries of the wrong type are skipped, unknown flags ignored.
 *
 * <p>Stateless and thread-safe.
 */
final class Wire {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  /** Only reads and writes trees: no type information is ever bound from a message. */
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A room or id list longer than this is refused (no real broadcast names so many rooms). */
  static final int MAX_ROOMS = 100_000;

  private Wire() {}

  /** Decodes a message; JSON when it starts with '{', MessagePack otherwise. */
  static JsonNode decode(byte[] message) throws IOException, ProtocolException {
    if (message.length > 0 && message[0] == '{') return JSON.readTree(message);
    return MsgpackCodec.defaults().decode(message);
  }

  static byte[] json(JsonNode node) {
    try {
      return JSON.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }

  static byte[] msgpack(JsonNode node) {
    return MsgpackCodec.defaults().encode(node);
  }

  static ObjectNode optsJson(BroadcastOptions opts, boolean withFlags) {
    ObjectNode out = F.objectNode();
    ArrayNode rooms = out.putArray("rooms");
    opts.rooms().forEach(rooms::add);
    ArrayNode except = out.putArray("except");
    opts.except().forEach(except::add);
    if (withFlags) {
      ObjectNode flags = out.putObject("flags");
      BroadcastFlags f = opts.flags();
      if (f.isVolatile()) flags.put("volatile", true);
      if (!f.compress()) flags.put("compress", false);
      if (f.timeout() != null) flags.put("timeout", f.timeout().toMillis());
    }
    return out;
  }

  /** A broadcast packet as the official server writes it: {@code {type, data, nsp}}. */
  static ObjectNode packetJson(SocketPacket packet, String nsp) {
    ObjectNode out = F.objectNode().put("type", packet.type().isEvent() ? 2 : packet.type().id());
    out.set("data", packet.data());
    return out.put("nsp", nsp);
  }

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** Reads broadcast options; throws {@link IllegalArgumentException} when they are unusable. */
  static BroadcastOptions readOpts(JsonNode opts) {
    if (!opts.isObject()) throw new IllegalArgumentException("opts is not an object");
    JsonNode flags = opts.path("flags");
    BroadcastFlags f =
        BroadcastFlags.DEFAULT
            .withVolatile(flags.path("volatile").asBoolean(false))
            .withCompress(!flags.path("compress").isBoolean() || flags.get("compress").asBoolean());
    JsonNode timeout = flags.path("timeout");
    if (timeout.isNumber() && timeout.asLong() > 0) {
      f = f.withTimeout(Duration.ofMillis(timeout.asLong()));
    }
    return new BroadcastOptions(strings(opts.path("rooms")), strings(opts.path("except")), f);
  }

  /** The strings of an array (numbers too, as JavaScript's Set of room names may hold them). */
  static Set<String> strings(JsonNode array) {
    Set<String> out = new LinkedHashSet<>();
    if (array.isMissingNode() || array.isNull()) return out;
    if (!array.isArray()) throw new IllegalArgumentException("not an array of rooms");
    if (array.size() > MAX_ROOMS) throw new IllegalArgumentException("too many rooms");
    for (JsonNode n : array) {
      if (n.isTextual()) out.add(n.textValue());
      else if (n.isNumber()) out.add(n.asText());
    }
    return out;
  }
}
