package io.sio4j.protocol.engineio;

import io.sio4j.protocol.ProtocolException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Engine.IO v3 packet and payload codec (docs/engine.io-protocol/v3.md), spoken by Socket.IO v2
 * clients and {@code io.socket:socket.io-client} 1.x; the server accepts it with {@code allowEIO3}.
 * Pure functions; thread-safe.
 *
 * <ul>
 *   <li>Text payload (polling with {@code b64=1}, or without binary packets, and JSONP): each
 *       packet is {@code <length>:<packet>}, the length counted in UTF-16 code units (JavaScript's
 *       {@code String.length}); a binary MESSAGE is {@code b4<base64>}. An empty payload is {@code
 *       0:}.
 *   <li>Binary payload (polling when the client supports binary and a packet is binary): each
 *       packet is {@code <0|1><length as one byte per decimal digit>0xFF<packet>}: {@code 0} for a
 *       text packet in UTF-8 (length in bytes), {@code 1} for a binary one ({@code 0x04} then the
 *       bytes).
 *   <li>WebSocket: text frames {@code <digit><text>} (or {@code b4<base64>} when binary is not
 *       supported); binary frames start with the type byte {@code 0x04}.
 * </ul>
 *
 * <pre>{@code
 * String body = EngineCodecV3.encodePayload(List.of(EnginePacket.message("hello"))); // "6:4hello"
 * List<EnginePacket> packets = EngineCodecV3.decodePayload("6:4hello1:2", 16);
 * }</pre>
 */
public final class EngineCodecV3 {
  /** The empty text payload. */
  public static final String EMPTY_PAYLOAD = "0:";

  private static final int MAX_LENGTH_DIGITS = 10;
  private static final byte STRING_MARKER = 0;
  private static final byte BINARY_MARKER = 1;
  private static final int SEPARATOR = 0xff;

  private EngineCodecV3() {}

  // ---- single packets ----

  /** A packet as text: {@code <digit><text>}, or {@code b4<base64>} for a binary MESSAGE. */
  public static String encodeText(EnginePacket packet) {
    if (packet.isBinary()) {
      return "b"
          + EnginePacketType.MESSAGE.code()
          + Base64.getEncoder().encodeToString(packet.binary());
    }
    return packet.type().code() + packet.text();
  }

  /** A binary MESSAGE as a WebSocket binary frame: the type byte {@code 0x04}, then the bytes. */
  public static byte[] encodeBinaryFrame(EnginePacket packet) {
    if (!packet.isBinary()) throw new IllegalArgumentException("not a binary packet");
    byte[] data = packet.binary();
    byte[] out = new byte[data.length + 1];
    out[0] = (byte) EnginePacketType.MESSAGE.ordinal();
    System.arraycopy(data, 0, out, 1, data.length);
    return out;
  }

  /** Decodes a WebSocket text frame (or one record of a payload): a digit, or {@code b4}. */
  public static EnginePacket decodeText(String data) throws ProtocolException {
    if (data == null || data.isEmpty()) throw new ProtocolException("empty packet");
    char first = data.charAt(0);
    if (first == 'b') {
      if (data.length() < 2 || data.charAt(1) != EnginePacketType.MESSAGE.code()) {
        throw new ProtocolException("base64 packet that is not a message");
      }
      try {
        return EnginePacket.binary(
            Base64.getDecoder().decode(withoutLineBreaks(data.substring(2))));
      } catch (IllegalArgumentException e) {
        throw new ProtocolException("invalid base64 in binary packet", e);
      }
    }
    EnginePacketType type = EnginePacketType.fromCode(first);
    if (type == null) throw new ProtocolException("unknown packet type");
    return EnginePacket.of(type, data.substring(1));
  }

  /** Decodes a WebSocket binary frame: the type byte (only MESSAGE carries binary), the bytes. */
  public static EnginePacket decodeBinaryFrame(byte[] data) throws ProtocolException {
    if (data == null || data.length == 0) throw new ProtocolException("empty binary packet");
    if (data[0] != EnginePacketType.MESSAGE.ordinal()) {
      throw new ProtocolException("binary packet that is not a message");
    }
    byte[] out = new byte[data.length - 1];
    System.arraycopy(data, 1, out, 0, out.length);
    return EnginePacket.binary(out);
  }

  // ---- text payloads ----

  /** Packets as a text payload; binary ones as {@code b4<base64>}. No packets give {@code 0:}. */
  public static String encodePayload(List<EnginePacket> packets) {
    if (packets.isEmpty()) return EMPTY_PAYLOAD;
    StringBuilder sb = new StringBuilder();
    for (EnginePacket p : packets) {
      String text = encodeText(p);
      sb.append(text.length()).append(':').append(text);
    }
    return sb.toString();
  }

  /**
   * Decodes a text payload. Records of length zero are skipped, as the official parser does. Fails
   * on an empty payload, a length that is not decimal digits or overruns the payload, a bad packet,
   * or more than {@code maxPackets} packets.
   */
  public static List<EnginePacket> decodePayload(String payload, int maxPackets)
      throws ProtocolException {
    if (payload == null || payload.isEmpty()) throw new ProtocolException("empty payload");
    List<EnginePacket> out = new ArrayList<>();
    int i = 0;
    int len = payload.length();
    while (i < len) {
      int colon = i;
      long n = 0;
      while (colon < len && payload.charAt(colon) != ':') {
        char c = payload.charAt(colon);
        if (c < '0' || c > '9' || colon - i >= MAX_LENGTH_DIGITS) {
          throw new ProtocolException("invalid length in payload");
        }
        n = n * 10 + (c - '0');
        colon++;
      }
      if (colon == len || colon == i) throw new ProtocolException("invalid length in payload");
      int start = colon + 1;
      if (n > len - start) throw new ProtocolException("length overruns the payload");
      int end = start + (int) n;
      if (end > start) {
        if (out.size() >= maxPackets) throw new ProtocolException("too many packets in payload");
        out.add(decodeText(payload.substring(start, end)));
      }
      i = end;
    }
    return out;
  }

  // ---- binary payloads ----

  /** Packets as a binary payload (for clients that support binary); no packets give no bytes. */
  public static byte[] encodeBinaryPayload(List<EnginePacket> packets) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (EnginePacket p : packets) {
      byte[] body;
      if (p.isBinary()) {
        body = encodeBinaryFrame(p);
        out.write(BINARY_MARKER);
      } else {
        body = encodeText(p).getBytes(StandardCharsets.UTF_8);
        out.write(STRING_MARKER);
      }
      String digits = Integer.toString(body.length);
      for (int i = 0; i < digits.length(); i++) out.write(digits.charAt(i) - '0');
      out.write(SEPARATOR);
      out.write(body, 0, body.length);
    }
    return out.toByteArray();
  }

  /**
   * Decodes a binary payload (a POST with {@code Content-Type: application/octet-stream}). Fails on
   * an empty payload, a marker other than 0 or 1, a length digit above 9, a missing 0xFF, a length
   * that overruns the payload, invalid UTF-8 in a text packet, a bad packet, or more than {@code
   * maxPackets} packets.
   */
  public static List<EnginePacket> decodeBinaryPayload(byte[] payload, int maxPackets)
      throws ProtocolException {
    if (payload == null || payload.length == 0) throw new ProtocolException("empty payload");
    List<EnginePacket> out = new ArrayList<>();
    int i = 0;
    while (i < payload.length) {
      byte marker = payload[i++];
      if (marker != STRING_MARKER && marker != BINARY_MARKER) {
        throw new ProtocolException("invalid packet marker in binary payload");
      }
      long n = 0;
      int digits = 0;
      while (true) {
        if (i >= payload.length) throw new ProtocolException("truncated binary payload");
        int b = payload[i++] & 0xff;
        if (b == SEPARATOR) break;
        if (b > 9 || digits >= MAX_LENGTH_DIGITS) {
          throw new ProtocolException("invalid length in binary payload");
        }
        n = n * 10 + b;
        digits++;
      }
      if (digits == 0) throw new ProtocolException("invalid length in binary payload");
      if (n > payload.length - i) throw new ProtocolException("length overruns the payload");
      if (out.size() >= maxPackets) throw new ProtocolException("too many packets in payload");
      int end = i + (int) n;
      byte[] body = new byte[end - i];
      System.arraycopy(payload, i, body, 0, body.length);
      out.add(marker == STRING_MARKER ? decodeText(utf8(body)) : decodeBinaryFrame(body));
      i = end;
    }
    return out;
  }

  // ---- helpers ----

  private static String utf8(byte[] bytes) throws ProtocolException {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      CharBuffer chars = decoder.decode(ByteBuffer.wrap(bytes));
      return chars.toString();
    } catch (CharacterCodingException e) {
      throw new ProtocolException("invalid UTF-8 in binary payload", e);
    }
  }

  /** Drops CR/LF, which Android's Base64 (io.socket clients) appends; the rest must be base64. */
  private static String withoutLineBreaks(String base64) {
    if (base64.indexOf('\n') < 0 && base64.indexOf('\r') < 0) return base64;
    StringBuilder sb = new StringBuilder(base64.length());
    for (int i = 0; i < base64.length(); i++) {
      char c = base64.charAt(i);
      if (c != '\n' && c != '\r') sb.append(c);
    }
    return sb.toString();
  }
}
