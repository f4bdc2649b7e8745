package io.sio4j.protocol.socketio;

import io.sio4j.protocol.ProtocolException;

/**
 * Turns the Engine.IO messages of one connection back into Socket.IO packets, reassembling binary
 * attachments. A text message starts a packet; a BINARY_EVENT/BINARY_ACK header is followed by its
 * attachments as binary messages, and the packet is returned with the last one.
 *
 * <pre>{@code
 * PacketDecoder decoder = parser.newDecoder();
 * SocketPacket p = decoder.decodeText("51-[\"img\",{\"_placeholder\":true,\"num\":0}]"); // null
 * p = decoder.decodeBinary(bytes); // the complete BINARY_EVENT
 * }</pre>
 *
 * <p>With the JSON parser, a binary frame is always an attachment; a parser that carries whole
 * packets in binary frames (msgpack) returns them from {@link #decodeBinary} directly.
 *
 * <p>Any {@link ProtocolException} means the peer broke the protocol: close the connection (the
 * official server does). The decoder is reset after an exception.
 *
 * <p>Not thread-safe: one per connection, used from the connection's thread only.
 */
public interface PacketDecoder {

  /**
   * Decodes a text message.
   *
   * @return the packet, or null when it awaits binary attachments
   * @throws ProtocolException on malformed input, or when attachments were still awaited
   */
  SocketPacket decodeText(String text) throws ProtocolException;

  /**
   * Adds one binary attachment to the packet being reassembled. The array is kept, not copied.
   *
   * @return the complete packet with its last attachment, else null
   * @throws ProtocolException when no attachment was expected
   */
  SocketPacket decodeBinary(byte[] data) throws ProtocolException;

  /** Whether a packet is waiting for attachments. */
  boolean awaitingAttachments();

  /** Drops any packet being reassembled (e.g. when the connection closes). */
  void reset();
}
