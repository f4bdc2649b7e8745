package io.sio4j.protocol.socketio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.sio4j.protocol.engineio.EnginePacket;
import io.sio4j.protocol.event.JsonBinding;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;

/**
 * The socket.io-msgpack-parser format: each packet is one binary Engine.IO message holding the
 * MessagePack map {@code {type, data, nsp, id}}; binary values travel inside it, so there are no
 * attachments and no BINARY_EVENT/BINARY_ACK types. Thread-safe; the encoder is stateless.
 */
final class MsgpackSocketIoParser implements SocketIoParser, PacketEncoder {
  private final JsonBinding binding;

  MsgpackSocketIoParser(JsonBinding binding) {
    this.binding = binding;
  }

  @Override
  public PacketEncoder encoder() {
    return this;
  }

  @Override
  public JsonBinding binding() {
    return binding;
  }

  @Override
  public PacketDecoder newDecoder() {
    return new MsgpackPacketDecoder();
  }

  @Override
  public EncodedPacket encode(SocketPacket packet) {
    Objects.requireNonNull(packet, "packet");
    SocketPacketType type =
        switch (packet.type()) {
          case BINARY_EVENT -> SocketPacketType.EVENT;
          case BINARY_ACK -> SocketPacketType.ACK;
          default -> packet.type();
        };
    MessageBufferPacker out = MessagePack.newDefaultBufferPacker();
    try {
      JsonNode data = packet.data();
      out.packMapHeader(2 + (data == null ? 0 : 1) + (packet.hasAckId() ? 1 : 0));
      out.packString("type").packInt(type.id());
      if (data != null) {
        out.packString("data");
        MsgpackTrees.write(out, data);
      }
      out.packString("nsp").packString(packet.namespace());
      if (packet.hasAckId()) out.packString("id").packLong(packet.ackId());
      out.close();
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot write packet data: " + e.getMessage(), e);
    }
    return new EncodedPacket(List.of(EnginePacket.binary(out.toByteArray())));
  }

  @Override
  public EncodedPacket encodeEvent(String namespace, long ackId, String event, Object... args) {
    ArrayNode data = JsonNodeFactory.instance.arrayNode();
    data.add(Objects.requireNonNull(event, "event"));
    addAll(data, args);
    return encode(new SocketPacket(SocketPacketType.EVENT, namespace, ackId, data));
  }

  @Override
  public EncodedPacket encodeAck(String namespace, long ackId, Object... args) {
    if (ackId < 0) throw new IllegalArgumentException("an ACK needs an ack id");
    ArrayNode data = JsonNodeFactory.instance.arrayNode();
    addAll(data, args);
    return encode(new SocketPacket(SocketPacketType.ACK, namespace, ackId, data));
  }

  private void addAll(ArrayNode data, Object[] args) {
    if (args == null) {
      data.addNull();
      return;
    }
    for (Object arg : args) data.add(binding.toTree(arg));
  }
}
