package io.sio4j.adapter.redis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sio4j.protocol.ProtocolException;
import io.sio4j.server.adapter.ClusterMessageType;
import io.sio4j.server.adapter.ClusterWire;
import io.sio4j.server.adapter.SessionToPersist;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The encoding of {@code @socket.io/redis-streams-adapter} 0.3. A stream entry has the fields
 * {@code uid}, {@code nsp}, {@code type} (a decimal string) and {@code data}: JSON, or base64 of
 * MessagePack when a message that may carry binary does. A disconnected session is base64 of
 * MessagePack {@code {sid, pid, rooms, data}}. Requests and responses on pub/sub are MessagePack of
 * the whole message ({@link ClusterWire#decode}).
 *
 * <p>Everything read is untrusted: bounded by the msgpack codec, trees only, and a bad entry throws
 * {@link IllegalArgumentException}, {@link IOException} or {@link ProtocolException}, never
 * anything else. Stateless and thread-safe.
 */
final class StreamsWire {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern OFFSET = Pattern.compile("[0-9]{1,20}-[0-9]{1,20}");

  /** A {@code data} field longer than this is refused (the store's entries are small messages). */
  static final int MAX_DATA_CHARS = 64 * 1024 * 1024;

  private static final Set<Integer> MAY_CONTAIN_BINARY =
      Set.of(
          ClusterMessageType.BROADCAST,
          ClusterMessageType.FETCH_SOCKETS_RESPONSE,
          ClusterMessageType.SERVER_SIDE_EMIT,
          ClusterMessageType.SERVER_SIDE_EMIT_RESPONSE,
          ClusterMessageType.BROADCAST_ACK);

  private StreamsWire() {}

  /** Whether messages of {@code type} are written as msgpack when they hold binary. */
  static boolean mayContainBinary(int type) {
    return MAY_CONTAIN_BINARY.contains(type);
  }

  /** The fields of the stream entry of a message {@code {uid, nsp, type, data?}}. */
  static Map<String, String> encodeEntry(JsonNode message) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("uid", message.path("uid").asText());
    fields.put("nsp", message.path("nsp").asText());
    int type = message.path("type").asInt();
    fields.put("type", Integer.toString(type));
    JsonNode data = message.get("data");
    if (data != null && !data.isNull()) {
      if (MAY_CONTAIN_BINARY.contains(type) && ClusterWire.hasBinary(data)) {
        fields.put("data", Base64.getEncoder().encodeToString(ClusterWire.msgpack(data)));
      } else {
        fields.put("data", new String(ClusterWire.json(data), StandardCharsets.UTF_8));
      }
    }
    return fields;
  }

  /** A stream entry's fields back into a message {@code {uid, nsp, type, data?}}. */
  static ObjectNode decodeEntry(Map<String, String> fields) throws IOException, ProtocolException {
    String type = fields.get("type");
    if (type == null || type.isEmpty() || type.length() > 9) {
      throw new IllegalArgumentException("entry without a type");
    }
    ObjectNode message = F.objectNode();
    String uid = fields.get("uid");
    if (uid != null) message.put("uid", uid);
    message.put("nsp", fields.getOrDefault("nsp", "/"));
    message.put("type", Integer.parseInt(type)); // NumberFormatException is an IAE
    String data = fields.get("data");
    if (data != null && !data.isEmpty()) {
      if (data.length() > MAX_DATA_CHARS) throw new IllegalArgumentException("data too long");
      if (data.charAt(0) == '{') {
        message.set("data", JSON.readTree(data));
      } else {
        message.set("data", ClusterWire.decode(Base64.getDecoder().decode(data)));
      }
    }
    return message;
  }

  /** Whether {@code offset} is a stream entry id {@code <ms>-<seq>}. */
  static boolean isOffset(String offset) {
    return offset != null && OFFSET.matcher(offset).matches();
  }

  /** The id right after {@code offset} (exclusive ranges for Redis before 6.2, as upstream). */
  static String nextOffset(String offset) {
    int dash = offset.indexOf('-');
    long seq = Long.parseUnsignedLong(offset.substring(dash + 1));
    if (seq == -1L) throw new IllegalArgumentException("offset at the end of its millisecond");
    return offset.substring(0, dash) + "-" + Long.toUnsignedString(seq + 1);
  }

  /** A session as the official adapter stores it: base64 of MessagePack. */
  static String encodeSession(SessionToPersist session, ObjectMapper mapper) {
    ObjectNode node = F.objectNode().put("sid", session.sid()).put("pid", session.pid());
    ArrayNode rooms = node.putArray("rooms");
    session.rooms().forEach(rooms::add);
    node.set("data", mapper.valueToTree(session.data()));
    return Base64.getEncoder().encodeToString(ClusterWire.msgpack(node));
  }

  /** A stored session back; entries of {@code data} that are null are dropped. */
  static SessionToPersist decodeSession(String stored, ObjectMapper mapper)
      throws ProtocolException, IOException {
    JsonNode node = ClusterWire.decode(Base64.getDecoder().decode(stored));
    if (!node.path("sid").isTextual() || !node.path("pid").isTextual()) {
      throw new IllegalArgumentException("session without sid or pid");
    }
    Map<String, Object> data = new LinkedHashMap<>();
    JsonNode d = node.path("data");
    if (d.isObject()) {
      d.fields()
          .forEachRemaining(
              e -> {
                if (!e.getValue().isNull()) {
                  data.put(e.getKey(), mapper.convertValue(e.getValue(), Object.class));
                }
              });
    }
    return new SessionToPersist(
        node.get("sid").textValue(),
        node.get("pid").textValue(),
        ClusterWire.strings(node.path("rooms")),
        data);
  }

  /**
   * The packet of a stream entry a recovering session missed, with the entry id appended, or null
   * when the entry is not a broadcast of {@code nsp} meant for a socket in {@code rooms}.
   */
  static ArrayNode missedPacket(
      Map<String, String> fields, String id, String nsp, Set<String> rooms)
      throws IOException, ProtocolException {
    if (!nsp.equals(fields.get("nsp")) || !"3".equals(fields.get("type"))) return null;
    JsonNode data = decodeEntry(fields).path("data");
    if (data.has("requestId")) return null; // broadcasts with acks are not replayed
    JsonNode packet = data.path("packet").path("data");
    if (!packet.isArray() || packet.isEmpty()) throw new IllegalArgumentException("no packet");
    JsonNode opts = data.path("opts");
    if (!shouldInclude(rooms, ClusterWire.strings(opts.path("rooms")), opts.path("except"))) {
      return null;
    }
    ArrayNode out = ((ArrayNode) packet).deepCopy();
    out.add(id);
    return out;
  }

  /** As upstream: to everyone or to one of the session's rooms, and to none it is excluded from. */
  static boolean shouldInclude(Set<String> sessionRooms, Set<String> rooms, JsonNode except) {
    boolean included = rooms.isEmpty() || sessionRooms.stream().anyMatch(rooms::contains);
    Set<String> excluded = ClusterWire.strings(except);
    return included && sessionRooms.stream().noneMatch(excluded::contains);
  }

  /** Every field of an entry as strings (Lettuce gives bytes). */
  static Map<String, String> strings(Map<byte[], byte[]> body) {
    Map<String, String> out = new LinkedHashMap<>();
    body.forEach(
        (k, v) ->
            out.put(
                new String(k, StandardCharsets.UTF_8),
                v == null ? null : new String(v, StandardCharsets.UTF_8)));
    return out;
  }

  /** Bytes for Lettuce. */
  static Map<byte[], byte[]> bytes(Map<String, String> fields) {
    Map<byte[], byte[]> out = new LinkedHashMap<>();
    fields.forEach(
        (k, v) -> out.put(k.getBytes(StandardCharsets.UTF_8), v.getBytes(StandardCharsets.UTF_8)));
    return out;
  }
}
