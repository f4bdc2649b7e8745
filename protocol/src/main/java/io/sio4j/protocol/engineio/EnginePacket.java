package io.sio4j.protocol.engineio;

import java.util.Objects;

/**
 * One Engine.IO packet. Text packets carry a string payload (possibly empty); binary packets are
 * always {@link EnginePacketType#MESSAGE} and carry bytes.
 *
 * @param type the packet type
 * @param text the text payload (never null for text packets, null for binary ones)
 * @param binary the binary payload (null for text packets); owned by the packet, not copied
 */
public record EnginePacket(EnginePacketType type, String text, byte[] binary) {

  /** Validates the combination. */
  public EnginePacket {
    Objects.requireNonNull(type, "type");
    if (binary != null && (text != null || type != EnginePacketType.MESSAGE)) {
      throw new IllegalArgumentException("binary packets are MESSAGE packets without text");
    }
    if (binary == null && text == null) text = "";
  }

  /** A text packet. */
  public static EnginePacket of(EnginePacketType type, String text) {
    return new EnginePacket(type, text, null);
  }

  /** A packet with no payload. */
  public static EnginePacket of(EnginePacketType type) {
    return new EnginePacket(type, "", null);
  }

  /** A text MESSAGE. */
  public static EnginePacket message(String text) {
    return new EnginePacket(EnginePacketType.MESSAGE, text, null);
  }

  /** A binary MESSAGE. */
  public static EnginePacket binary(byte[] data) {
    return new EnginePacket(EnginePacketType.MESSAGE, null, data);
  }

  /** Whether this is a binary MESSAGE. */
  public boolean isBinary() {
    return binary != null;
  }
}
