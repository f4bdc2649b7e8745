package io.sio4j.protocol.socketio;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The socket.io-parser format: text header plus JSON, binary as attachments. Thread-safe. */
final class JsonSocketIoParser implements SocketIoParser {
  private final ObjectMapper mapper;
  private final int maxAttachments;
  private final JsonPacketEncoder encoder;

  JsonSocketIoParser(ObjectMapper mapper, int maxAttachments) {
    this.mapper = mapper;
    this.maxAttachments = maxAttachments;
    this.encoder = new JsonPacketEncoder(mapper);
  }

  @Override
  public PacketEncoder encoder() {
    return encoder;
  }

  @Override
  public PacketDecoder newDecoder() {
    return new JsonPacketDecoder(mapper, maxAttachments);
  }
}
