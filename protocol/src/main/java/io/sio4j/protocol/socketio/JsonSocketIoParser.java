package io.sio4j.protocol.socketio;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sio4j.protocol.event.JsonBinding;

/** The socket.io-parser format: text header plus JSON, binary as attachments. Thread-safe. */
final class JsonSocketIoParser implements SocketIoParser {
  private final JsonBinding binding;
  private final ObjectMapper mapper;
  private final int maxAttachments;
  private final JsonPacketEncoder encoder;

  JsonSocketIoParser(JsonBinding binding, int maxAttachments) {
    this.binding = binding;
    this.mapper = binding.mapper();
    this.maxAttachments = maxAttachments;
    this.encoder = new JsonPacketEncoder(binding);
  }

  @Override
  public PacketEncoder encoder() {
    return encoder;
  }

  @Override
  public JsonBinding binding() {
    return binding;
  }

  @Override
  public PacketDecoder newDecoder() {
    return new JsonPacketDecoder(mapper, maxAttachments);
  }
}
