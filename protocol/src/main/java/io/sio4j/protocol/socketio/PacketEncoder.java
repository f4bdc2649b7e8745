package io.sio4j.protocol.socketio;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * Turns Socket.IO packets into Engine.IO frames. Binary values ({@code byte[]}, {@link
 * java.nio.ByteBuffer}, {@link com.fasterxml.jackson.databind.node.BinaryNode}) anywhere in the
 * data become attachments with {@code {"_placeholder":true,"num":N}} in their place, and EVENT/ACK
 * become BINARY_EVENT/BINARY_ACK.
 *
 * <pre>{@code
 * PacketEncoder encoder = SocketIoParser.json().encoder();
 * EncodedPacket a = encoder.encode(SocketPacket.disconnect("/admin"));      // 1/admin,
 * EncodedPacket b = encoder.encodeEvent("/", 7, "chat", new Message("hi")); // 27["chat",{...}]
 * }</pre>
 *
 * <p>Thread-safe.
 */
public interface PacketEncoder {

  /**
   * Encodes a packet tree.
   *
   * @throws IllegalArgumentException when the data cannot be written as JSON
   */
  EncodedPacket encode(SocketPacket packet);

  /**
   * Encodes {@code [event, ...args]} straight from Java values, without building a tree. Each arg
   * is any Jackson-serialisable value; {@code byte[]} and {@code ByteBuffer} inside become
   * attachments. A {@code byte[]} attachment is shared, not copied: don't change it afterwards.
   *
   * @param namespace the namespace ({@code "/"} when null)
   * @param ackId the ack id, or -1 for none
   * @throws IllegalArgumentException when an argument cannot be serialised
   */
  EncodedPacket encodeEvent(String namespace, long ackId, String event, Object... args);

  /**
   * Encodes the acknowledgement {@code [...args]} for {@code ackId}, straight from Java values.
   *
   * @throws IllegalArgumentException when an argument cannot be serialised or ackId is negative
   */
  EncodedPacket encodeAck(String namespace, long ackId, Object... args);

  /**
   * Encodes the server's CONNECT reply, {@code {"sid":sid,"pid":pid}} ({@code pid} left out when
   * null): the same frames as {@link #encode} of that packet, for encoders that can skip the tree
   * (one reply per connecting socket).
   *
   * @param namespace the namespace ({@code "/"} when null)
   * @param sid the socket id
   * @param pid the private session id, or null
   */
  default EncodedPacket encodeConnect(String namespace, String sid, String pid) {
    Objects.requireNonNull(sid, "sid");
    ObjectNode payload = JsonNodeFactory.instance.objectNode();
    payload.put("sid", sid);
    if (pid != null) payload.put("pid", pid);
    return encode(SocketPacket.connect(namespace, payload));
  }
}
