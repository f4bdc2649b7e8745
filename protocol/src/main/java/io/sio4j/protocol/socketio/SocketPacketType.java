package io.sio4j.protocol.socketio;

/**
 * The seven Socket.IO v5 packet types, in wire order (the digit that starts every packet).
 *
 * <pre>{@code
 * SocketPacketType t = SocketPacketType.fromId('2' - '0'); // EVENT
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public enum SocketPacketType {
  /** Join a namespace (client to server), or the server's acceptance with {@code {"sid":...}}. */
  CONNECT,
  /** Leave a namespace; no payload. */
  DISCONNECT,
  /** {@code [eventName, ...args]} with an optional ack id. */
  EVENT,
  /** {@code [...args]} answering an EVENT; always carries the ack id. */
  ACK,
  /** The server refused a namespace join; payload {@code {"message":...[,"data":...]}}. */
  CONNECT_ERROR,
  /** An EVENT whose arguments contain binary attachments. */
  BINARY_EVENT,
  /** An ACK whose arguments contain binary attachments. */
  BINARY_ACK;

  private static final SocketPacketType[] BY_ID = values();

  /** The wire digit of this type, 0 to 6. */
  public int id() {
    return ordinal();
  }

  /**
   * The type for a wire digit.
   *
   * @throws IllegalArgumentException when {@code id} is not 0 to 6
   */
  public static SocketPacketType fromId(int id) {
    if (id < 0 || id >= BY_ID.length) {
      throw new IllegalArgumentException("unknown Socket.IO packet type " + id);
    }
    return BY_ID[id];
  }

  /** Whether this is EVENT or BINARY_EVENT. */
  public boolean isEvent() {
    return this == EVENT || this == BINARY_EVENT;
  }

  /** Whether this is ACK or BINARY_ACK. */
  public boolean isAck() {
    return this == ACK || this == BINARY_ACK;
  }

  /** Whether packets of this type carry binary attachments on the wire. */
  public boolean isBinary() {
    return this == BINARY_EVENT || this == BINARY_ACK;
  }
}
