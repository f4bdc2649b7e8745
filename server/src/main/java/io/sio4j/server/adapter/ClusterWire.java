package io.sio4j.server.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sio4j.protocol.ProtocolException;
import io.sio4j.protocol.msgpack.MsgpackCodec;
import io.sio4j.protocol.socketio.SocketPacket;
import io.sio4j.protocol.socketio.SocketPacketType;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The pieces of a cluster message that every official adapter writes the same way: the message
 * bytes (JSON when they start with <code>'{'</code>, MessagePack in notepack.io's dialect
 * otherwise), broadcast options {@code {rooms: [...], except: [...], flags: {...}}} and broadcast
 * packets {@code {type, data, nsp}}. Small pure functions, so that a fuzzer can call each one
 * directly.
 *
 * <pre>{@code
 * JsonNode message = ClusterWire.decode(bytes);               // untrusted bytes from the store
 * BroadcastOptions opts = ClusterWire.decodeOptions(message.path("data").path("opts"));
 * }</pre>
 *
 * <p>Everything read is untrusted: the msgpack codec bounds lengths and nesting, no type
 * information is ever bound from the input, entries of the wrong type are skipped and unknown flags
 * ignored; a message that cannot be used throws {@link IllegalArgumentException} or {@link
 * ProtocolException}, never anything else. Stateless and thread-safe.
 */
public final class ClusterWire {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  /** Only reads and writes trees: no type information is ever bound from a message. */
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A room or id list longer than this is refused (no real broadcast names so many rooms). */
  public static final int MAX_ROOMS = 100_000;

  private ClusterWire() {}

  /** Decodes a message: JSON when it starts with '{', MessagePack otherwise. */
  public static JsonNode decode(byte[] message) throws IOException, ProtocolException {
    if (message.length > 0 && message[0] == '{') return JSON.readTree(message);
    return MsgpackCodec.defaults().decode(message);
  }

  /** A tree as JSON bytes. */
  public static byte[] json(JsonNode node) {
    try {
      return JSON.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }

  /** A tree as MessagePack bytes (binary nodes become {@code bin}). */
  public static byte[] msgpack(JsonNode node) {
    return MsgpackCodec.defaults().encode(node);
  }

  /** Whether a tree holds binary anywhere (then only MessagePack carries it). */
  public static boolean hasBinary(JsonNode node) {
    if (node == null) return false;
    if (node.isBinary()) return true;
    if (node.isContainerNode()) {
      for (JsonNode child : node) if (hasBinary(child)) return true;
    }
    return false;
  }

  /** Broadcast options as the official adapters write them; flags only when asked. */
  public static ObjectNode encodeOptions(BroadcastOptions opts, boolean withFlags) {
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

  /** Reads broadcast options; throws {@link IllegalArgumentException} when they are unusable. */
  public static BroadcastOptions decodeOptions(JsonNode opts) {
    if (opts == null || !opts.isObject()) {
      throw new IllegalArgumentException("opts is not an object");
    }
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
  public static Set<String> strings(JsonNode array) {
    Set<String> out = new LinkedHashSet<>();
    if (array == null || array.isMissingNode() || array.isNull()) return out;
    if (!array.isArray()) throw new IllegalArgumentException("not an array of rooms");
    if (array.size() > MAX_ROOMS) throw new IllegalArgumentException("too many rooms");
    for (JsonNode n : array) {
      if (n.isTextual()) out.add(n.textValue());
      else if (n.isNumber()) out.add(n.asText());
    }
    return out;
  }

  /** A broadcast packet as the official server writes it: {@code {type, data, nsp}}. */
  public static ObjectNode encodePacket(SocketPacket packet, String nsp) {
    ObjectNode out = F.objectNode().put("type", packet.type().isEvent() ? 2 : packet.type().id());
    out.set("data", packet.data());
    return out.put("nsp", nsp);
  }

  /**
   * Reads a broadcast packet: an EVENT of namespace {@code nsp}, or null when it belongs to another
   * namespace; throws {@link IllegalArgumentException} for anything else.
   */
  public static SocketPacket decodeEventPacket(JsonNode p, String nsp) {
    if (p == null || !p.isObject()) throw new IllegalArgumentException("packet is not an object");
    String packetNsp = p.path("nsp").isTextual() ? p.get("nsp").textValue() : "/";
    if (!packetNsp.equals(nsp)) return null;
    int type = p.path("type").asInt(-1);
    if (type != SocketPacketType.EVENT.id() && type != SocketPacketType.BINARY_EVENT.id()) {
      throw new IllegalArgumentException("not an EVENT packet: " + p.path("type"));
    }
    JsonNode data = p.path("data");
    if (!data.isArray() || data.isEmpty()) throw new IllegalArgumentException("event without data");
    return new SocketPacket(SocketPacketType.EVENT, nsp, -1, data);
  }

  /** {@code [event, ...args]} as the official server sends a server-side emit. */
  public static ArrayNode encodeServerSideEmit(String event, Object[] args, ObjectMapper mapper) {
    ArrayNode data = F.arrayNode().add(event);
    for (Object arg : args) data.add(arg instanceof JsonNode n ? n : mapper.valueToTree(arg));
    return data;
  }
}
