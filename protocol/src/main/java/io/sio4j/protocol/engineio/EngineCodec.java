package io.sio4j.protocol.engineio;

import io.sio4j.protocol.ProtocolException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Engine.IO v4 packet and payload codec (docs/engine.io-protocol/v4-current.md, "Packet encoding"
 * and "Payload encoding"). Pure functions; thread-safe.
 *
 * <ul>
 *   <li>WebSocket: one packet per frame; text frames are {@code <digit><text>}, binary frames are
 *       the raw bytes of a MESSAGE (no type byte in v4).
 *   <li>Polling: packets joined by the record separator {@code \u001e}; a binary MESSAGE is {@code
 *       b<base64>}.
 * </ul>
 *
 * <pre>{@code
 * String body = EngineCodec.encodePayload(List.of(EnginePacket.message("hello"), ping));
 * List<EnginePacket> packets = EngineCodec.decodePayload(body, 1000);
 * }</pre>
 */
public final class EngineCodec {
  /** The polling payload separator (ASCII record separator). */
  public static final char RECORD_SEPARATOR = '\u001e';

  private EngineCodec() {}

  /** Encodes a text packet as {@code <digit><text>}. Binary packets are refused. */
  public static String encodeText(EnginePacket packet) {
    if (packet.isBinary()) throw new IllegalArgumentException("binary packet has no text form");
    String text = packet.text();
    StringBuilder sb = new StringBuilder(text.length() + 1);
    return sb.append(packet.type().code()).append(text).toString();
  }

  /** Decodes a text frame or one polling record that is not base64 binary. */
  public static EnginePacket decodeText(String data) throws ProtocolException {
    if (data == null || data.isEmpty()) throw new ProtocolException("empty packet");
    EnginePacketType type = EnginePacketType.fromCode(data.charAt(0));
    if (type == null) throw new ProtocolException("unknown packet type " + preview(data));
    return EnginePacket.of(type, data.substring(1));
  }

  /**
   * Decodes a WebSocket text frame: {@code <digit><text>}, or {@code b<base64>} for a binary
   * MESSAGE sent by a client that forces base64 (engine.io-client {@code forceBase64}).
   */
  public static EnginePacket decodeTextFrame(String data) throws ProtocolException {
    if (data == null || data.isEmpty()) throw new ProtocolException("empty packet");
    return decodeRecord(data, 0, data.length());
  }

  /** Decodes a WebSocket binary frame: in v4 it is always a MESSAGE holding the bytes. */
  public static EnginePacket decodeBinaryFrame(byte[] data) {
    return EnginePacket.binary(data);
  }

  /** Encodes packets as one polling payload. */
  public static String encodePayload(List<EnginePacket> packets) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < packets.size(); i++) {
      if (i > 0) sb.append(RECORD_SEPARATOR);
      EnginePacket p = packets.get(i);
      if (p.isBinary()) {
        sb.append('b').append(Base64.getEncoder().encodeToString(p.binary()));
      } else {
        sb.append(p.type().code()).append(p.text());
      }
    }
    return sb.toString();
  }

  /**
   * Decodes a polling payload. Fails on an empty record, an unknown type digit, invalid base64 or
   * more than {@code maxPackets} records (checked while scanning, before any allocation per
   * record).
   */
  public static List<EnginePacket> decodePayload(String payload, int maxPackets)
      throws ProtocolException {
    if (payload == null || payload.isEmpty()) throw new ProtocolException("empty payload");
    List<EnginePacket> out = new ArrayList<>();
    int start = 0;
    int len = payload.length();
    while (start <= len) {
      int end = payload.indexOf(RECORD_SEPARATOR, start);
      if (end < 0) end = len;
      if (out.size() >= maxPackets) throw new ProtocolException("too many packets in payload");
      out.add(decodeRecord(payload, start, end));
      start = end + 1;
    }
    return out;
  }

  private static EnginePacket decodeRecord(String payload, int start, int end)
      throws ProtocolException {
    if (start >= end) throw new ProtocolException("empty packet in payload");
    char first = payload.charAt(start);
    if (first == 'b') {
      try {
        return EnginePacket.binary(
            Base64.getDecoder().decode(withoutLineBreaks(payload.substring(start + 1, end))));
      } catch (IllegalArgumentException e) {
        throw new ProtocolException("invalid base64 in binary packet", e);
      }
    }
    EnginePacketType type = EnginePacketType.fromCode(first);
    if (type == null) {
      throw new ProtocolException("unknown packet type " + preview(payload.substring(start, end)));
    }
    return EnginePacket.of(type, payload.substring(start + 1, end));
  }

  /**
   * Drops CR/LF: the official Java client (io.socket 2.x, Android's Base64 with DEFAULT flags) ends
   * its base64 with a line break, which the Node server accepts. Anything else outside the base64
   * alphabet is still refused.
   */
  private static String withoutLineBreaks(String base64) {
    if (base64.indexOf('\n') < 0 && base64.indexOf('\r') < 0) return base64;
    StringBuilder sb = new StringBuilder(base64.length());
    for (int i = 0; i < base64.length(); i++) {
      char c = base64.charAt(i);
      if (c != '\n' && c != '\r') sb.append(c);
    }
    return sb.toString();
  }

  private static String preview(String s) {
    String p = s.length() > 16 ? s.substring(0, 16) + "..." : s;
    StringBuilder sb = new StringBuilder("'");
    for (char c : p.toCharArray()) sb.append(c < 0x20 || c > 0x7e ? '?' : c);
    return sb.append('\'').toString();
  }
}
