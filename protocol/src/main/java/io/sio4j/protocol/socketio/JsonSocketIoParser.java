package io.sio4j.protocol.socketio;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.sio4j.protocol.event.JsonBinding;

/** The socket.io-parser format: text header plus JSON, binary as attachments. Thread-safe. */
final class JsonSocketIoParser implements SocketIoParser {
  private final JsonBinding binding;
  private final ObjectMapper mapper;
  private final int maxAttachments;
  private final JsonPacketEncoder encoder;
  // one per parser: a reader per connection's decoder cost ~160 bytes per idle connection
  private final ObjectReader reader;

  JsonSocketIoParser(JsonBinding binding, int maxAttachments) {
    this.binding = binding;
    this.mapper = binding.mapper();
    this.maxAttachments = maxAttachments;
    this.encoder = new JsonPacketEncoder(binding);
    this.reader = JsonPacketDecoder.readerOf(mapper);
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
    return new JsonPacketDecoder(reader, maxAttachments);
  }
}
