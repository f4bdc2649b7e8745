package io.sio4j.adapter.redis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sio4j.protocol.socketio.SocketPacket;
import io.sio4j.server.adapter.BroadcastFlags;
import io.sio4j.server.adapter.BroadcastOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Broadcast options on the wire, {@code {rooms: [...], except: [...], flags: {...}}} as the
 * official adapter writes them, and back. Reading is lenient and safe: entries of the wrong type
 * are skipped, unknown flags ignored.
 *
 * <p>Stateless and thread-safe.
 */
final class Wire {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  /** A room or id list longer than this is refused (no real broadcast names so many rooms). */
  static final int MAX_ROOMS = 100_000;

  private Wire() {}

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
