package io.sio4j.protocol.socketio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;

/**
 * One Socket.IO v5 packet as a Jackson tree. Binary values inside {@code data} are {@link
 * com.fasterxml.jackson.databind.node.BinaryNode}s; the encoder turns them into attachments and the
 * decoder puts them back.
 *
 * <pre>{@code
 * SocketPacket hello = SocketPacket.event("/", 12, "hello", TextNode.valueOf("world"));
 * SocketPacket reply = SocketPacket.ack("/", 12, List.of(IntNode.valueOf(1)));
 * }</pre>
 *
 * <p>Immutable as far as the record goes; the {@code data} tree is not copied, so callers must not
 * change it after building the packet. Safe to share between threads once built.
 *
 * @param type the packet type; the decoder reports the wire type (EVENT or BINARY_EVENT), the
 *     encoder chooses the binary variants by itself when {@code data} holds binary
 * @param namespace the namespace, starting with {@code /}; {@code "/"} when null
 * @param ackId the acknowledgement id, or -1 when there is none
 * @param data the payload: an array for EVENT/ACK, an object for CONNECT, an object or string for
 *     CONNECT_ERROR, null when absent
 */
public record SocketPacket(SocketPacketType type, String namespace, long ackId, JsonNode data) {

  /** The main namespace. */
  public static final String MAIN_NAMESPACE = "/";

  /** Validates and normalises. */
  public SocketPacket {
    Objects.requireNonNull(type, "type");
    if (namespace == null || namespace.isEmpty()) namespace = MAIN_NAMESPACE;
    if (namespace.charAt(0) != '/') {
      throw new IllegalArgumentException("namespace must start with '/': " + namespace);
    }
    if (ackId < -1) throw new IllegalArgumentException("ackId must be >= 0 or -1: " + ackId);
  }

  /** A CONNECT packet, with the auth (client) or {@code {"sid":...}} (server) payload or null. */
  public static SocketPacket connect(String namespace, ObjectNode payload) {
    return new SocketPacket(SocketPacketType.CONNECT, namespace, -1, payload);
  }

  /** A CONNECT_ERROR packet with {@code {"message":message}} and {@code "data"} when not null. */
  public static SocketPacket connectError(String namespace, String message, JsonNode data) {
    ObjectNode payload = JsonNodeFactory.instance.objectNode();
    payload.put("message", message);
    if (data != null) payload.set("data", data);
    return new SocketPacket(SocketPacketType.CONNECT_ERROR, namespace, -1, payload);
  }

  /** A DISCONNECT packet. */
  public static SocketPacket disconnect(String namespace) {
    return new SocketPacket(SocketPacketType.DISCONNECT, namespace, -1, null);
  }

  /**
   * An EVENT packet {@code [event, ...args]}; {@code ackId} -1 when no acknowledgement is asked.
   */
  public static SocketPacket event(String namespace, long ackId, String event, JsonNode... args) {
    ArrayNode array = JsonNodeFactory.instance.arrayNode(args.length + 1);
    array.add(Objects.requireNonNull(event, "event"));
    for (JsonNode arg : args) array.add(arg);
    return new SocketPacket(SocketPacketType.EVENT, namespace, ackId, array);
  }

  /** An ACK packet {@code [...args]} answering the EVENT with {@code ackId}. */
  public static SocketPacket ack(String namespace, long ackId, List<? extends JsonNode> args) {
    if (ackId < 0) throw new IllegalArgumentException("an ACK needs an ack id");
    ArrayNode array = JsonNodeFactory.instance.arrayNode(args.size());
    array.addAll(List.copyOf(args));
    return new SocketPacket(SocketPacketType.ACK, namespace, ackId, array);
  }

  /** Whether an acknowledgement id is present. */
  public boolean hasAckId() {
    return ackId >= 0;
  }

  /**
   * The event name of an EVENT packet (a numeric name is returned as its text), or null when this
   * is not an event.
   */
  public String eventName() {
    if (!type.isEvent() || data == null || data.isEmpty()) return null;
    return data.get(0).asText();
  }
}
