package io.sio4j.protocol.engineio;

/** Engine.IO v4 packet types; the wire form is the ASCII digit {@link #code()}. */
public enum EnginePacketType {
  OPEN,
  CLOSE,
  PING,
  PONG,
  MESSAGE,
  UPGRADE,
  NOOP;

  private static final EnginePacketType[] VALUES = values();

  /** The digit written on the wire ({@code 0} to {@code 6}). */
  public char code() {
    return (char) ('0' + ordinal());
  }

  /** The type for a wire digit, or {@code null} when the character is not 0-6. */
  public static EnginePacketType fromCode(char c) {
    int i = c - '0';
    return i >= 0 && i < VALUES.length ? VALUES[i] : null;
  }
}
