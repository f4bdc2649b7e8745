package io.sio4j.engine;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Raw WebSocket handshake requests and client frames, for tests that send what clients must not.
 */
public final class WebSocketRequests {
  private WebSocketRequests() {}

  /** A valid RFC 6455 upgrade request for this path and query. */
  public static String upgrade(String pathAndQuery) {
    return upgrade(pathAndQuery, "");
  }

  /** An upgrade request with extra header lines (each ending in CRLF). */
  public static String upgrade(String pathAndQuery, String extraHeaders) {
    return "GET "
        + pathAndQuery
        + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
        + extraHeaders
        + "\r\n";
  }

  /** A client frame; {@code masked} false makes an (invalid) unmasked client frame. */
  public static byte[] frame(int firstByte, byte[] payload, boolean masked) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(firstByte);
    int maskBit = masked ? 0x80 : 0;
    if (payload.length < 126) {
      out.write(maskBit | payload.length);
    } else if (payload.length < 65536) {
      out.write(maskBit | 126);
      out.write(payload.length >>> 8);
      out.write(payload.length & 0xff);
    } else {
      out.write(maskBit | 127);
      for (int i = 7; i >= 0; i--) out.write((int) (((long) payload.length) >>> (8 * i)) & 0xff);
    }
    byte[] mask = {1, 2, 3, 4};
    if (masked) out.write(mask, 0, 4);
    for (int i = 0; i < payload.length; i++) {
      out.write(masked ? payload[i] ^ mask[i % 4] : payload[i]);
    }
    return out.toByteArray();
  }

  /** A masked final text frame. */
  public static byte[] text(String s) {
    return frame(0x81, s.getBytes(StandardCharsets.UTF_8), true);
  }
}
