package io.sio4j.adapter.redis;

import com.fasterxml.jackson.databind.JsonNode;
import io.sio4j.protocol.ProtocolException;
import io.sio4j.server.adapter.ClusterWire;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Redis messages on the wire: the template's {@link ClusterWire} (JSON or notepack.io MessagePack,
 * bounded, never typed binding) plus channel names as bytes.
 *
 * <p>Stateless and thread-safe.
 */
final class Wire {
  private Wire() {}

  /** Decodes a message; JSON when it starts with '{', MessagePack otherwise. */
  static JsonNode decode(byte[] message) throws IOException, ProtocolException {
    return ClusterWire.decode(message);
  }

  static byte[] json(JsonNode node) {
    return ClusterWire.json(node);
  }

  static byte[] msgpack(JsonNode node) {
    return ClusterWire.msgpack(node);
  }

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
