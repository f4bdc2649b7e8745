package io.sio4j.protocol.socketio;

import com.fasterxml.jackson.databind.JsonNode;
import io.sio4j.protocol.ProtocolException;
import io.sio4j.protocol.msgpack.MsgpackCodec;

/**
 * Decodes socket.io-msgpack-parser packets, one per binary message, with the checks of its {@code
 * checkPacket} plus the event-name and ack-id rules of the JSON decoder, so the server sees the
 * same guarantees whichever parser is used. Not thread-safe (stateless in fact, but the contract is
 * one per connection).
 */
final class MsgpackPacketDecoder implements PacketDecoder {
  /** Largest integer a JavaScript number holds exactly. */
  private static final long MAX_SAFE_INTEGER = (1L << 53) - 1;

  private final MsgpackCodec codec;

  MsgpackPacketDecoder(MsgpackCodec codec) {
    this.codec = codec;
  }

  @Override
  public SocketPacket decodeText(String text) throws ProtocolException {
    throw new ProtocolException("the msgpack parser expects binary messages, got text");
  }

  @Override
  public SocketPacket decodeBinary(byte[] data) throws ProtocolException {
    JsonNode root = codec.decode(data);
    if (!root.isObject()) throw new ProtocolException("msgpack packet is not a map");

    JsonNode type = root.get("type");
    if (type == null || !type.isIntegralNumber() || type.longValue() < 0 || type.longValue() > 4) {
      throw new ProtocolException("invalid packet type");
    }
    JsonNode nsp = root.get("nsp");
    if (nsp == null || !nsp.isTextual() || !nsp.textValue().startsWith("/")) {
      throw new ProtocolException("invalid namespace");
    }
    JsonNode id = root.get("id");
    long ackId = -1;
    if (id != null) {
      if (!id.isIntegralNumber()
          || id.longValue() < 0
          || id.longValue() > MAX_SAFE_INTEGER
          || !id.canConvertToLong()) {
        throw new ProtocolException("invalid packet id");
      }
      ackId = id.longValue();
    }
    SocketPacketType packetType = SocketPacketType.fromId(type.intValue());
    JsonNode payload = root.get("data");
    if (!isValid(packetType, payload, ackId))
      throw new ProtocolException("invalid payload for " + packetType);
    return new SocketPacket(packetType, nsp.textValue(), ackId, payload);
  }

  private static boolean isValid(SocketPacketType type, JsonNode data, long ackId) {
    return switch (type) {
      case CONNECT -> data == null || data.isObject();
      case DISCONNECT -> data == null;
      case CONNECT_ERROR -> data != null && (data.isObject() || data.isTextual());
      case EVENT -> data != null && isValidEvent(data);
      case ACK -> data != null && data.isArray() && ackId >= 0;
      default -> false;
    };
  }

  private static boolean isValidEvent(JsonNode data) {
    if (!data.isArray() || data.isEmpty()) return false;
    JsonNode name = data.get(0);
    // a number, as in socket.io-parser, but a finite one: NaN or Infinity would go back to the peer
    // as null (JSON.stringify), a packet that no decoder accepts (found by SocketDecoderFuzzTest)
    if (name.isNumber())
      return !name.isFloatingPointNumber() || Double.isFinite(name.doubleValue());
    return name.isTextual() && !JsonPacketDecoder.RESERVED_EVENTS.contains(name.textValue());
  }

  @Override
  public boolean awaitingAttachments() {
    return false;
  }

  @Override
  public void reset() {}
}
