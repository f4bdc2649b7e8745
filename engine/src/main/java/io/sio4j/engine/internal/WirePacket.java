package io.sio4j.engine.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sio4j.engine.EngineOptions;
import io.sio4j.engine.OutboundMessage;
import io.sio4j.protocol.engineio.EnginePacket;
import io.sio4j.protocol.engineio.EnginePacketType;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One packet waiting in a session's write buffer: either a control packet (open, ping, pong, close,
 * noop) or a shared {@link OutboundMessage}. Message bytes come from the shared message, so a
 * broadcast is never re-encoded per session.
 *
 * <p>Threading: immutable.
 */
public final class WirePacket {
  static final WirePacket PING = control(EnginePacketType.PING, "");
  static final WirePacket PONG = control(EnginePacketType.PONG, "");
  static final WirePacket PONG_PROBE = control(EnginePacketType.PONG, "probe");
  static final WirePacket CLOSE = control(EnginePacketType.CLOSE, "");
  static final WirePacket NOOP = control(EnginePacketType.NOOP, "");

  private static final ObjectMapper JSON = new ObjectMapper();

  private final byte[] controlBytes;
  private final OutboundMessage message;

  private WirePacket(byte[] controlBytes, OutboundMessage message) {
    this.controlBytes = controlBytes;
    this.message = message;
  }

  static WirePacket control(EnginePacketType type, String data) {
    return new WirePacket((type.code() + data).getBytes(StandardCharsets.UTF_8), null);
  }

  /**
   * The handshake packet: {@code 0{"sid","upgrades","pingInterval","pingTimeout","maxPayload"}}.
   * Everything after the sid depends only on the options and the upgrade list, so Jackson encodes
   * it once per (options, upgrades) and each session only adds its quoted sid.
   */
  static WirePacket open(String sid, List<String> upgrades, EngineOptions options) {
    byte[] tail = openTail(options, upgrades).bytes;
    byte[] quoted = JsonStrings.quoteUtf8(sid);
    byte[] out = new byte[OPEN_HEAD.length + quoted.length + tail.length];
    System.arraycopy(OPEN_HEAD, 0, out, 0, OPEN_HEAD.length);
    System.arraycopy(quoted, 0, out, OPEN_HEAD.length, quoted.length);
    System.arraycopy(tail, 0, out, OPEN_HEAD.length + quoted.length, tail.length);
    return new WirePacket(out, null);
  }

  /**
   * Encodes the OPEN packet's options part for these options ahead of the first session (issue 12):
   * the first connection used to pay for Jackson's set-up and its class loading.
   */
  static void prepareOpen(EngineOptions options, List<String> upgrades) {
    openTail(options, upgrades);
  }

  private static final byte[] OPEN_HEAD =
      (EnginePacketType.OPEN.code() + "{\"sid\":").getBytes(StandardCharsets.UTF_8);

  /** The encoded rest of an OPEN packet after its sid: {@code ,"upgrades":[...],...}}. */
  private record OpenTail(EngineOptions options, List<String> upgrades, byte[] bytes) {}

  // one slot for sessions that start on WebSocket (no upgrades), one for polling ones
  private static volatile OpenTail lastWithoutUpgrades;
  private static volatile OpenTail lastWithUpgrades;

  private static OpenTail openTail(EngineOptions options, List<String> upgrades) {
    OpenTail t = upgrades.isEmpty() ? lastWithoutUpgrades : lastWithUpgrades;
    if (t != null && t.options == options && t.upgrades.equals(upgrades)) return t;
    Map<String, Object> open = new LinkedHashMap<>();
    open.put("upgrades", upgrades);
    open.put("pingInterval", options.pingInterval().toMillis());
    open.put("pingTimeout", options.pingTimeout().toMillis());
    open.put("maxPayload", options.maxHttpBufferSize());
    String json;
    try {
      json = JSON.writeValueAsString(open);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode the OPEN packet", e);
    }
    // {"upgrades":...} -> ,"upgrades":...}
    byte[] bytes = ("," + json.substring(1)).getBytes(StandardCharsets.UTF_8);
    t = new OpenTail(options, List.copyOf(upgrades), bytes);
    if (upgrades.isEmpty()) lastWithoutUpgrades = t;
    else lastWithUpgrades = t;
    return t;
  }

  static WirePacket message(OutboundMessage message) {
    return new WirePacket(null, message);
  }

  /** This packet as the public {@link io.sio4j.protocol.engineio.EnginePacket} (for events). */
  io.sio4j.protocol.engineio.EnginePacket toPacket() {
    if (message == null) {
      String s = new String(controlBytes, StandardCharsets.UTF_8);
      return io.sio4j.protocol.engineio.EnginePacket.of(
          EnginePacketType.fromCode(s.charAt(0)), s.substring(1));
    }
    return message.isBinary()
        ? io.sio4j.protocol.engineio.EnginePacket.binary(message.binary())
        : io.sio4j.protocol.engineio.EnginePacket.message(message.text());
  }

  /** The message, or null for a control packet. */
  public OutboundMessage message() {
    return message;
  }

  public boolean isBinary() {
    return message != null && message.isBinary();
  }

  public boolean isVolatile() {
    return message != null && message.isVolatile();
  }

  /** The text form ({@code <digit><data>}, UTF-8), shared; must not be modified. */
  public byte[] textBytes() {
    return message == null ? controlBytes : message.textPacketBytes();
  }

  /** The raw binary payload (binary messages only), shared; must not be modified. */
  public byte[] binaryBytes() {
    return message.binary();
  }

  /** The bytes of this packet inside a polling payload ({@code b<base64>} for binary). */
  public byte[] pollingBytes() {
    if (!isBinary()) return textBytes();
    byte[] b64 = Base64.getEncoder().encode(message.binary());
    byte[] out = new byte[b64.length + 1];
    out[0] = 'b';
    System.arraycopy(b64, 0, out, 1, b64.length);
    return out;
  }

  /**
   * A binary message as a WebSocket text frame, for clients that asked for base64 ({@code b64}):
   * {@code b<base64>} in v4, {@code b4<base64>} in v3.
   */
  public byte[] base64Frame(int protocol) {
    if (protocol != 3) return pollingBytes();
    return io.sio4j.protocol.engineio.EngineCodecV3.encodeText(toPacket())
        .getBytes(StandardCharsets.US_ASCII);
  }

  /** A binary message as a WebSocket binary frame: the raw bytes in v4, type byte first in v3. */
  public byte[] binaryFrame(int protocol) {
    if (protocol != 3) return binaryBytes();
    return io.sio4j.protocol.engineio.EngineCodecV3.encodeBinaryFrame(toPacket());
  }

  /** Approximate size on the wire, for buffer accounting. */
  public int size() {
    if (message == null) return controlBytes.length;
    return message.isBinary() ? message.binary().length : message.textPacketBytes().length;
  }

  /** The packet's size as encoded: type digit plus UTF-8 text, or the raw binary length. */
  static int encodedSize(EnginePacket packet) {
    if (packet.isBinary()) return packet.binary().length;
    String text = packet.text();
    int n = 1;
    if (text == null) return n;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x80) n += 1;
      else if (c < 0x800) n += 2;
      else if (Character.isHighSurrogate(c)) {
        n += 4;
        i++;
      } else n += 3;
    }
    return n;
  }
}
