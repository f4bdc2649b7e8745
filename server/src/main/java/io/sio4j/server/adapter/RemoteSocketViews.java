package io.sio4j.server.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sio4j.server.Handshake;
import io.sio4j.server.Namespace;
import io.sio4j.server.RemoteSocket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Socket views on the wire of a {@code fetchSockets} answer: {@code {id, handshake, rooms, data}}
 * as the official server writes them, and back into {@link RemoteSocket}s whose actions go through
 * the cluster (like the official {@code RemoteSocket}): {@code emit} is a broadcast to the socket's
 * id, {@code join}/{@code leave}/{@code disconnect} are {@code socketsJoin}... on it.
 *
 * <pre>{@code
 * ObjectNode wire = RemoteSocketViews.toJson(RemoteSocket.of(socket), mapper);
 * RemoteSocket view = RemoteSocketViews.fromJson(wire, nsp, mapper); // null without a string id
 * }</pre>
 *
 * <p>Input is untrusted: fields of the wrong type read as empty, and {@code data} stays plain JSON
 * (maps, lists, strings, numbers, byte arrays). Stateless and thread-safe.
 */
public final class RemoteSocketViews {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private RemoteSocketViews() {}

  /** A local socket as the official server sends it to other nodes. */
  public static ObjectNode toJson(RemoteSocket socket, ObjectMapper mapper) {
    ObjectNode out = F.objectNode();
    out.put("id", socket.id());
    out.set("handshake", handshakeToJson(socket.handshake()));
    ArrayNode rooms = out.putArray("rooms");
    socket.rooms().forEach(rooms::add);
    out.set("data", mapper.valueToTree(socket.data()));
    return out;
  }

  private static ObjectNode handshakeToJson(Handshake h) {
    ObjectNode out = F.objectNode();
    ObjectNode headers = out.putObject("headers");
    h.headers()
        .forEach(
            (name, values) -> {
              if (values.size() == 1) headers.put(name, values.get(0));
              else headers.put(name, String.join(", ", values));
            });
    out.put("time", h.time().toString());
    out.put("address", h.address());
    out.put("xdomain", h.xdomain());
    out.put("secure", h.secure());
    out.put("issued", h.issued());
    out.put("url", h.url());
    ObjectNode query = out.putObject("query");
    h.query().forEach(query::put);
    out.set("auth", h.auth() == null ? F.objectNode() : h.auth());
    return out;
  }

  /** A socket of another node, or null when the entry has no string id. */
  public static RemoteSocket fromJson(JsonNode node, Namespace nsp, ObjectMapper mapper) {
    JsonNode id = node.path("id");
    if (!id.isTextual()) return null;
    Set<String> rooms = new LinkedHashSet<>();
    for (JsonNode room : node.path("rooms")) if (room.isTextual()) rooms.add(room.textValue());
    Map<String, Object> data = new LinkedHashMap<>();
    if (node.path("data").isObject()) {
      node.path("data").properties().forEach(e -> data.put(e.getKey(), plain(e.getValue())));
    }
    return new View(
        id.textValue(),
        handshakeFromJson(node.path("handshake")),
        Collections.unmodifiableSet(rooms),
        Collections.unmodifiableMap(data),
        nsp);
  }

  /** JSON as plain Java values only (never typed binding of untrusted input). */
  private static Object plain(JsonNode n) {
    if (n.isObject()) {
      Map<String, Object> m = new LinkedHashMap<>();
      n.properties().forEach(e -> m.put(e.getKey(), plain(e.getValue())));
      return Collections.unmodifiableMap(m);
    }
    if (n.isArray()) {
      List<Object> l = new ArrayList<>();
      n.forEach(c -> l.add(plain(c)));
      return Collections.unmodifiableList(l);
    }
    if (n.isTextual()) return n.textValue();
    if (n.isBoolean()) return n.booleanValue();
    if (n.isNumber()) return n.numberValue();
    if (n.isBinary())
      return ((com.fasterxml.jackson.databind.node.BinaryNode) n).binaryValue().clone();
    return null;
  }

  private static Handshake handshakeFromJson(JsonNode h) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    h.path("headers")
        .properties()
        .forEach(
            e -> {
              List<String> values = new ArrayList<>();
              if (e.getValue().isArray()) e.getValue().forEach(v -> values.add(v.asText()));
              else values.add(e.getValue().asText());
              headers.put(e.getKey().toLowerCase(java.util.Locale.ROOT), List.copyOf(values));
            });
    Map<String, String> query = new LinkedHashMap<>();
    h.path("query").properties().forEach(e -> query.put(e.getKey(), e.getValue().asText()));
    long issued = h.path("issued").canConvertToLong() ? h.path("issued").asLong() : 0L;
    return new Handshake(
        Collections.unmodifiableMap(headers),
        Instant.ofEpochMilli(issued),
        h.path("address").asText(""),
        h.path("xdomain").asBoolean(false),
        h.path("secure").asBoolean(false),
        issued,
        h.path("url").asText(""),
        Collections.unmodifiableMap(query),
        h.path("auth").isObject() ? h.path("auth").deepCopy() : F.objectNode());
  }

  /** A socket on another node: actions are broadcasts to its id, which is also a room. */
  private record View(
      String id, Handshake handshake, Set<String> rooms, Map<String, Object> data, Namespace nsp)
      implements RemoteSocket {

    @Override
    public void emit(String event, Object... args) {
      nsp.to(id).emit(event, args);
    }

    @Override
    public void join(String... rooms) {
      nsp.in(id).socketsJoin(rooms);
    }

    @Override
    public void leave(String room) {
      nsp.in(id).socketsLeave(room);
    }

    @Override
    public void disconnect(boolean close) {
      nsp.in(id).disconnectSockets(close);
    }

    @Override
    public String toString() {
      return "RemoteSocket[" + id + ", remote]";
    }
  }
}
