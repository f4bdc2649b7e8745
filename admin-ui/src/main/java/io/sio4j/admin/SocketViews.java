package io.sio4j.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sio4j.server.Handshake;
import io.sio4j.server.RemoteSocket;
import io.sio4j.server.Socket;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sockets as the admin UI reads them (the official {@code SerializedSocket}): id, client id,
 * transport, namespace, data, handshake and rooms. The client id and transport travel in {@code
 * data._admin}, as in the official server, so that sockets fetched from other nodes show them too.
 *
 * <p>Stateless apart from the mapper; thread-safe.
 */
final class SocketViews {
  static final String ADMIN_KEY = "_admin";
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final ObjectMapper mapper;

  SocketViews(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** Marks a local socket with its client id (first 12 characters, as the official server). */
  static void tag(Socket socket) {
    String id = socket.clientId();
    socket
        .data()
        .put(
            ADMIN_KEY,
            Map.of(
                "clientId",
                id.substring(0, Math.min(12, id.length())),
                "transport",
                socket.transport()));
  }

  ObjectNode of(Socket socket) {
    return view(
        socket.id(),
        socket.nsp().name(),
        socket.transport(),
        socket.data(),
        socket.handshake(),
        Set.copyOf(socket.rooms()));
  }

  ObjectNode of(RemoteSocket socket, String nsp) {
    return view(socket.id(), nsp, null, socket.data(), socket.handshake(), socket.rooms());
  }

  /** The socket's data without the admin UI's own keys. */
  ObjectNode data(Map<String, Object> data) {
    ObjectNode out = JSON.objectNode();
    for (Map.Entry<String, Object> e : data.entrySet()) {
      if (e.getKey().equals(ADMIN_KEY) || e.getKey().equals(AdminAuth.SESSION_KEY)) continue;
      try {
        out.set(e.getKey(), mapper.valueToTree(e.getValue()));
      } catch (IllegalArgumentException notJson) {
        out.put(e.getKey(), String.valueOf(e.getValue()));
      }
    }
    return out;
  }

  /** An ISO-8601 timestamp with milliseconds, like JavaScript's {@code Date} in JSON. */
  static String now() {
    return Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
  }

  private ObjectNode view(
      String id,
      String nsp,
      String liveTransport,
      Map<String, Object> data,
      Handshake handshake,
      Set<String> rooms) {
    Object admin = data.get(ADMIN_KEY);
    Map<?, ?> tags = admin instanceof Map<?, ?> m ? m : Map.of();
    ObjectNode out = JSON.objectNode();
    out.put("id", id);
    out.put("clientId", tags.get("clientId") instanceof String s ? s : null);
    out.put(
        "transport",
        liveTransport != null
            ? liveTransport
            : tags.get("transport") instanceof String s ? s : null);
    out.put("nsp", nsp);
    out.set("data", data(data));
    out.set("handshake", handshake(handshake));
    var roomList = out.putArray("rooms");
    rooms.forEach(roomList::add);
    return out;
  }

  private static ObjectNode handshake(Handshake h) {
    ObjectNode out = JSON.objectNode();
    String forwarded = h.header("cf-connecting-ip");
    if (forwarded == null) forwarded = h.header("x-forwarded-for");
    out.put("address", forwarded != null ? forwarded : h.address());
    ObjectNode headers = out.putObject("headers");
    for (Map.Entry<String, List<String>> e : h.headers().entrySet()) {
      headers.put(e.getKey(), String.join(", ", e.getValue()));
    }
    ObjectNode query = out.putObject("query");
    h.query().forEach(query::put);
    out.put("issued", h.issued());
    out.put("secure", h.secure());
    out.put("time", h.time().toString());
    out.put("url", h.url());
    out.put("xdomain", h.xdomain());
    return out;
  }
}
