package io.sio4j.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;

/**
 * Engine bounds at their exact values (issue 14): sessions per server, request line and header
 * block sizes, the decompressed size of a permessage-deflate message.
 */
class EngineLimitsTest {
  private static final String WS_PATH = "/engine.io/?EIO=4&transport=websocket";

  @Test
  void defaults() {
    EngineOptions o = EngineOptions.builder().build();
    assertThat(o.maxSessions())
        .isEqualTo((int) Math.max(1024, Runtime.getRuntime().maxMemory() >> 14));
    assertThat(o.maxHttpHeaderSize()).isEqualTo(16_384);
    assertThat(o.maxHttpLineLength()).isEqualTo(8_192);
  }

  @Test
  void handshakesPastMaxSessionsAreRefusedUntilOneCloses() throws Exception {
    try (TestEngine e = new TestEngine(b -> b.maxSessions(2))) {
      e.openPolling();
      e.await("connection");
      String secondSid = e.openPolling();
      EngineSocket second = e.await("connection").socket();
      HttpResponse<String> third = e.get("EIO=4&transport=polling");
      assertThat(third.statusCode()).isEqualTo(503);
      assertThat(third.body()).isEqualTo("{\"code\":4,\"message\":\"Server full\"}");
      try (RawWebSocket ws = RawWebSocket.connect(e.port, WebSocketRequests.upgrade(WS_PATH))) {
        assertThat(ws.handshakeResponse).startsWith("HTTP/1.1 400");
      }
      assertThat(e.server.clientsCount()).isEqualTo(2);
      second.close();
      e.get("EIO=4&transport=polling&sid=" + secondSid); // takes the CLOSE packet
      e.await("close");
      assertThat(e.get("EIO=4&transport=polling").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void requestLineUpToMaxHttpLineLengthIsServedOnePastItIs414() throws Exception {
    try (TestEngine e = new TestEngine(b -> b.maxHttpLineLength(200))) {
      assertThat(e.raw(requestWithLine(200))).startsWith("HTTP/1.1 200");
      assertThat(e.raw(requestWithLine(201))).startsWith("HTTP/1.1 414");
    }
  }

  @Test
  void headersUpToMaxHttpHeaderSizeAreServedOnePastThemIs431() throws Exception {
    try (TestEngine e = new TestEngine(b -> b.maxHttpHeaderSize(1_000))) {
      // header lines are counted without their line ends
      String host = "Host: 127.0.0.1\r\nConnection: close";
      int fixed = "Host: 127.0.0.1".length() + "Connection: close".length();
      String at = "X-Pad: " + "p".repeat(1_000 - fixed - "X-Pad: ".length());
      String line = "GET /engine.io/?EIO=4&transport=polling HTTP/1.1\r\n";
      assertThat(e.raw(line + host + "\r\n" + at + "\r\n\r\n")).startsWith("HTTP/1.1 200");
      assertThat(e.raw(line + host + "\r\n" + at + "p\r\n\r\n")).startsWith("HTTP/1.1 431");
    }
  }

  @Test
  void deflatedMessagesInflateUpToMaxHttpBufferSize() throws Exception {
    try (TestEngine e = new TestEngine(b -> b.perMessageDeflate(true).maxHttpBufferSize(10_000))) {
      String ext = "Sec-WebSocket-Extensions: permessage-deflate\r\n";
      try (RawWebSocket ws =
          RawWebSocket.connect(e.port, WebSocketRequests.upgrade(WS_PATH, ext))) {
        assertThat(ws.handshakeResponse).contains("permessage-deflate");
        ws.read(); // the OPEN packet (compressed)
        ws.write(deflatedText("4small"));
        assertThat(e.await("text").text()).isEqualTo("small");
        ws.write(deflatedText("4" + "z".repeat(9_999))); // 10,000 bytes inflated: at the bound
        assertThat(e.await("text").text()).hasSize(9_999);
      }
      e.await("close");
      try (RawWebSocket ws =
          RawWebSocket.connect(e.port, WebSocketRequests.upgrade(WS_PATH, ext))) {
        ws.read();
        // 300 bytes on the wire, 10,001 inflated
        ws.write(deflatedText("4" + "z".repeat(10_000)));
        assertThat(ws.awaitClosed()).isEqualTo(1009);
        assertThat(e.await("close").text()).isIn("transport error", "transport close");
      }
    }
  }

  /** GET whose request line is exactly {@code length} bytes (without CRLF). */
  private static String requestWithLine(int length) {
    String start = "GET /engine.io/?EIO=4&transport=polling&pad=";
    String end = " HTTP/1.1";
    String pad = "q".repeat(length - start.length() - end.length());
    return start + pad + end + "\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
  }

  /** A masked, final text frame compressed with permessage-deflate (RSV1, no context takeover). */
  private static byte[] deflatedText(String text) {
    Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
    deflater.setInput(text.getBytes(StandardCharsets.UTF_8));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[4096];
    int n;
    while ((n = deflater.deflate(buf, 0, buf.length, Deflater.SYNC_FLUSH)) > 0)
      out.write(buf, 0, n);
    deflater.end();
    byte[] all = out.toByteArray();
    // RFC 7692 7.2.1: the trailing 00 00 ff ff of the sync flush is removed
    byte[] payload = Arrays.copyOf(all, all.length - 4);
    return WebSocketRequests.frame(0x80 | 0x40 | 0x01, payload, true);
  }
}
