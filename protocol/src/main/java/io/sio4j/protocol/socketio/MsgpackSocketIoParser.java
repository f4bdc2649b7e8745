package io.sio4j.protocol.socketio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sio4j.protocol.engineio.EnginePacket;
import io.sio4j.protocol.event.JsonBinding;
import io.sio4j.protocol.msgpack.MsgpackCodec;
import java.util.List;
import java.util.Objects;

/**
 * The socket.io-msgpack-parser format: each packet is one binary Engine.IO message holding the
 * MessagePack map {@code {type, data, nsp, id}}; binary values travel inside it, so there are no
 * attachments and no BINARY_EVENT/BINARY_ACK types. Thread-safe; the encoder is stateless.
 */
final class MsgpackSocketIoParser implements SocketIoParser, PacketEncoder {
  private final JsonBinding binding;
  private final MsgpackCodec codec;

  MsgpackSocketIoParser(JsonBinding binding, MsgpackCodec codec) {
    this.binding = binding;
    this.codec = codec;
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
    return new MsgpackPacketDecoder(codec);
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
    // notepack writes the keys in this order: {type, data, nsp, id}
    ObjectNode root = JsonNodeFactory.instance.objectNode().put("type", type.id());
    JsonNode data = packet.data();
    if (data != null) root.set("data", data);
    root.put("nsp", packet.namespace());
    if (packet.hasAckId()) root.put("id", packet.ackId());
    return new EncodedPacket(List.of(EnginePacket.binary(codec.encode(root))));
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
