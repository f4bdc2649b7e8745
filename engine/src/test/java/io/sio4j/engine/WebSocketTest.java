package io.sio4j.engine;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.net.URI;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The WebSocket transport: handshake without polling, text and binary frames, and the malformed
 * frames of CVE-2022-21676, CVE-2016-10542 and CVE-2026-48779: each closes that connection only.
 */
class WebSocketTest {
  private static final String WS_PATH = "/engine.io/?EIO=4&transport=websocket";
  private TestEngine engine;

  @BeforeEach
  void start() {
    engine = new TestEngine(b -> b.maxHttpBufferSize(1000));
  }

  @AfterEach
  void stop() {
    engine.close();
  }

  @Test
  void websocketOnlySessionEchoesTextAndBinary() throws Exception {
    LinkedBlockingQueue<Object> received = new LinkedBlockingQueue<>();
    WebSocket ws =
        engine
            .http
            .newWebSocketBuilder()
            .buildAsync(
                URI.create("ws://127.0.0.1:" + engine.port + WS_PATH), new Collector(received))
            .get(10, TimeUnit.SECONDS);
    String open = (String) received.poll(10, TimeUnit.SECONDS);
    assertThat(open).startsWith("0{\"sid\":\"").contains("\"upgrades\":[]", "\"maxPayload\":1000");
    EngineSocket socket = engine.await("connection").socket();
    assertThat(socket.transport()).isEqualTo("websocket");
    assertThat(open).contains(socket.id());

    ws.sendText("4héllo", true).get(10, TimeUnit.SECONDS);
    assertThat(engine.await("text").text()).isEqualTo("4héllo".substring(1));
    assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo("4héllo");

    ws.sendBinary(ByteBuffer.wrap(new byte[] {1, 2, 3}), true).get(10, TimeUnit.SECONDS);
    assertThat(engine.await("binary").bytes()).containsExactly(1, 2, 3);
    assertThat((byte[]) received.poll(10, TimeUnit.SECONDS)).containsExactly(1, 2, 3);

    ws.sendClose(WebSocket.NORMAL_CLOSURE, "").get(10, TimeUnit.SECONDS);
    assertThat(engine.await("close").text()).isEqualTo("transport close");
  }

  @Test
  void invalidPacketClosesWithParseError() throws Exception {
    try (RawWebSocket ws = openRaw()) {
      ws.write(WebSocketRequests.text("abc"));
      ws.awaitClosed();
      assertThat(engine.await("close").text()).isEqualTo("parse error");
    }
  }

  /**
   * A {@code forceBase64} client: it sends binary as a text frame {@code b<base64>} and, with
   * {@code b64=1}, receives binary the same way (the official server's {@code supportsBinary}).
   */
  @Test
  void base64ClientExchangesBinaryAsTextFrames() throws Exception {
    try (RawWebSocket ws =
        RawWebSocket.connect(engine.port, WebSocketRequests.upgrade(WS_PATH + "&b64=1"))) {
      assertThat(ws.read().text()).startsWith("0{\"sid\":");
      engine.await("connection");
      ws.write(WebSocketRequests.text("bAQID"));
      assertThat(engine.await("binary").bytes()).containsExactly(1, 2, 3);
      RawWebSocket.Frame echo = ws.read();
      assertThat(echo.opcode()).isEqualTo(1);
      assertThat(echo.text()).isEqualTo("bAQID");
      ws.write(WebSocketRequests.text("4text"));
      assertThat(ws.read().text()).isEqualTo("4text");
    }
  }

  @Test
  void base64TextFrameWithoutB64IsBinaryAndEchoedAsBinaryFrame() throws Exception {
    try (RawWebSocket ws = openRaw()) {
      ws.write(WebSocketRequests.text("b/wA="));
      assertThat(engine.await("binary").bytes()).containsExactly(255, 0);
      RawWebSocket.Frame echo = ws.read();
      assertThat(echo.opcode()).isEqualTo(2);
      assertThat(echo.payload()).containsExactly(255, 0);
    }
  }

  @Test
  void invalidBase64TextFrameClosesWithParseError() throws Exception {
    try (RawWebSocket ws = openRaw()) {
      ws.write(WebSocketRequests.text("b!!!notbase64"));
      ws.awaitClosed();
      assertThat(engine.await("close").text()).isEqualTo("parse error");
    }
  }

  @Test
  void closePacketClosesTheSession() throws Exception {
    try (RawWebSocket ws = openRaw()) {
      ws.write(WebSocketRequests.text("1"));
      int code = ws.awaitClosed();
      if (code != -1) assertThat(ws.closeReason).isEmpty();
      assertThat(engine.await("close").text()).isEqualTo("transport close");
    }
  }

  /**
   * A message in fragments, with a ping between them and a two-byte character split across two
   * fragments, arrives whole; whole frames after it still do, and a bad fragmented text closes 1007
   * (the validator and the aggregator join the pipeline at the first fragment).
   */
  @Test
  void fragmentedMessagesArriveWholeAndAreValidated() throws Exception {
    byte[] e = "é".getBytes(StandardCharsets.UTF_8);
    try (RawWebSocket ws = openRaw()) {
      ws.write(WebSocketRequests.text("4whole"));
      assertThat(engine.await("text").text()).isEqualTo("whole");
      ws.write(WebSocketRequests.frame(0x01, new byte[] {'4', 'h', e[0]}, true));
      ws.write(WebSocketRequests.frame(0x89, new byte[] {7}, true));
      ws.write(WebSocketRequests.frame(0x00, new byte[] {e[1], 'l'}, true));
      ws.write(WebSocketRequests.frame(0x80, "lo".getBytes(StandardCharsets.UTF_8), true));
      assertThat(engine.await("text").text()).isEqualTo("héllo");
      // the test engine echoes: the echo of "4whole", the pong, then the echo of the whole message
      assertThat(new String(ws.read().payload(), StandardCharsets.UTF_8)).isEqualTo("4whole");
      assertThat(ws.read().opcode()).isEqualTo(10);
      assertThat(new String(ws.read().payload(), StandardCharsets.UTF_8)).isEqualTo("4héllo");
      ws.write(WebSocketRequests.frame(0x02, new byte[] {1}, true));
      ws.write(WebSocketRequests.frame(0x80, new byte[] {2}, true));
      assertThat(engine.await("binary").bytes()).containsExactly(1, 2);
      ws.write(WebSocketRequests.text("4again"));
      assertThat(engine.await("text").text()).isEqualTo("again");
      ws.write(WebSocketRequests.frame(0x01, new byte[] {'4', (byte) 0xc3}, true));
      ws.write(WebSocketRequests.frame(0x80, new byte[] {(byte) 0x28}, true));
      assertThat(ws.awaitClosed()).isEqualTo(1007);
    }
  }

  /** Frames a client must never send; each must end that connection and nothing else. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "rsv1",
        "rsv2",
        "rsv3",
        "reserved-opcode",
        "reserved-control-opcode",
        "unmasked",
        "bad-utf8",
        "bad-utf8-in-first-fragment",
        "oversized-ping",
        "oversized-text",
        "huge-length-header",
        "fragment-flood",
        "continuation-without-start"
      })
  void malformedFramesCloseOnlyThatConnection(String kind) throws Exception {
    String otherSid = engine.openPolling();
    EngineSocket other = engine.await("connection").socket();
    try (RawWebSocket ws = openRaw()) {
      ws.write(badFrame(kind));
      int code = ws.awaitClosed();
      assertThat(code).isIn(-1, 1002, 1007, 1009);
      // like the official server: a code only, never an internal message or a limit
      if (code != -1) assertThat(ws.closeReason).as("close reason").isEmpty();
      if (kind.startsWith("bad-utf8")) assertThat(code).isEqualTo(1007);
      if (kind.startsWith("oversized-text") || kind.equals("fragment-flood")) {
        assertThat(code).isEqualTo(1009);
      }
      TestEngine.Event closed = engine.await("close");
      assertThat(closed.socket()).isNotSameAs(other);
    }
    assertThat(other.isOpen()).isTrue();
    assertThat(engine.post("EIO=4&transport=polling&sid=" + otherSid, "4ok").statusCode())
        .isEqualTo(200);
    assertThat(engine.server.clientsCount()).isEqualTo(1);
  }

  private static byte[] badFrame(String kind) {
    byte[] hello = "4hello".getBytes(StandardCharsets.UTF_8);
    switch (kind) {
      case "rsv1":
        return WebSocketRequests.frame(0x81 | 0x40, hello, true);
      case "rsv2":
        return WebSocketRequests.frame(0x81 | 0x20, hello, true);
      case "rsv3":
        return WebSocketRequests.frame(0x81 | 0x10, hello, true);
      case "reserved-opcode":
        return WebSocketRequests.frame(0x83, hello, true);
      case "reserved-control-opcode":
        return WebSocketRequests.frame(0x8b, hello, true);
      case "unmasked":
        return WebSocketRequests.frame(0x81, hello, false);
      case "bad-utf8":
        return WebSocketRequests.frame(0x81, new byte[] {'4', (byte) 0xc3, (byte) 0x28}, true);
      case "bad-utf8-in-first-fragment":
        return WebSocketRequests.frame(0x01, new byte[] {'4', (byte) 0xff}, true);
      case "oversized-ping":
        return WebSocketRequests.frame(0x89, new byte[200], true);
      case "oversized-text":
        return WebSocketRequests.frame(0x81, ("4" + "x".repeat(2000)).getBytes(), true);
      case "huge-length-header":
        // announces 2^63-1 bytes: must be refused from the header alone
        return new byte[] {(byte) 0x81, (byte) 0xff, 0x7f, -1, -1, -1, -1, -1, -1, -1, 1, 2, 3, 4};
      case "fragment-flood":
        {
          java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
          out.writeBytes(WebSocketRequests.frame(0x01, new byte[] {'4'}, true));
          for (int i = 0; i < 3000; i++) {
            out.writeBytes(WebSocketRequests.frame(0x00, new byte[] {'a'}, true));
          }
          return out.toByteArray();
        }
      case "continuation-without-start":
        return WebSocketRequests.frame(0x80, hello, true);
      default:
        throw new IllegalArgumentException(kind);
    }
  }

  /**
   * A new WebSocket session's 101 and OPEN packet leave the server in one write: on loopback the
   * client's first read returns both (two writes would arrive as two segments).
   */
  @Test
  void the101AndTheOpenPacketArriveInOneRead() throws Exception {
    try (Socket s = new Socket("127.0.0.1", engine.port)) {
      s.setSoTimeout((int) TestEngine.WAIT.toMillis());
      s.getOutputStream().write(WebSocketRequests.upgrade(WS_PATH).getBytes(ISO_8859_1));
      byte[] buf = new byte[8192];
      int n = s.getInputStream().read(buf);
      String first = new String(buf, 0, Math.max(n, 0), ISO_8859_1);
      assertThat(first).startsWith("HTTP/1.1 101 ").contains("\r\n\r\n");
      String afterHead = first.substring(first.indexOf("\r\n\r\n") + 4);
      // an unmasked final text frame (0x81), then a one-byte length, then the OPEN packet
      assertThat(afterHead).hasSizeGreaterThan(2);
      assertThat(afterHead.charAt(0)).isEqualTo((char) 0x81);
      assertThat(afterHead.substring(2)).startsWith("0{\"sid\":\"");
      assertThat(afterHead.length() - 2).isEqualTo(afterHead.charAt(1) & 0x7f);
      assertThat(engine.await("connection").socket().transport()).isEqualTo("websocket");
    }
  }

  /**
   * A session closed by the server inside its connection listener, while its 101 is still held for
   * the OPEN packet: the client still gets the 101, then the close, and the connection ends.
   */
  @Test
  void aSessionClosedInItsConnectionListenerStillEndsTheConnection() throws Exception {
    engine.server.onConnection(EngineSocket::close);
    try (RawWebSocket ws = RawWebSocket.connect(engine.port, WebSocketRequests.upgrade(WS_PATH))) {
      assertThat(ws.handshakeResponse).startsWith("HTTP/1.1 101 ");
      assertThat(ws.awaitClosed()).isEqualTo(1000);
    }
    assertThat(engine.await("close").text()).isEqualTo("forced close");
  }

  /**
   * Clients that reset the connection right after their upgrade request: whatever the server saw of
   * each, every session it opened is closed again, and the next client is served.
   */
  @Test
  void clientsGoneRightAfterTheUpgradeLeaveNoSession() throws Exception {
    for (int i = 0; i < 20; i++) {
      try (Socket s = new Socket("127.0.0.1", engine.port)) {
        s.setSoLinger(true, 0);
        s.getOutputStream().write(WebSocketRequests.upgrade(WS_PATH).getBytes(ISO_8859_1));
      }
    }
    try (RawWebSocket ws = RawWebSocket.connect(engine.port, WebSocketRequests.upgrade(WS_PATH))) {
      assertThat(ws.handshakeResponse).startsWith("HTTP/1.1 101 ");
      String sid = ws.read().text();
      assertThat(sid).startsWith("0{\"sid\":");
      int opened = 0;
      int closed = 0;
      long deadline = System.nanoTime() + TestEngine.WAIT.toNanos();
      // every session but the live one ends: wait on the events until only it is left
      while (engine.server.clientsCount() != 1 || opened != closed + 1) {
        assertThat(System.nanoTime()).as("sessions left open").isLessThan(deadline);
        TestEngine.Event e = engine.events.poll(100, TimeUnit.MILLISECONDS);
        if (e == null) continue;
        if (e.type().equals("connection")) opened++;
        if (e.type().equals("close")) closed++;
      }
      assertThat(engine.server.clientsCount()).isEqualTo(1);
      ws.write(WebSocketRequests.text("4still here"));
      assertThat(ws.read().text()).isEqualTo("4still here");
    }
  }

  private RawWebSocket openRaw() throws Exception {
    RawWebSocket ws = RawWebSocket.connect(engine.port, WebSocketRequests.upgrade(WS_PATH));
    assertThat(ws.handshakeResponse).startsWith("HTTP/1.1 101 ");
    assertThat(ws.read().text()).startsWith("0{\"sid\":");
    engine.await("connection");
    return ws;
  }

  @Test
  void upgradeWithoutKeyIsRefusedCleanly() throws Exception {
    String answer =
        engine.raw(
            "GET "
                + WS_PATH
                + " HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Version: 13\r\n\r\n");
    assertThat(answer).startsWith("HTTP/1.1 400 ").doesNotContain(" 101 ");
    assertThat(engine.server.clientsCount()).isZero();
    assertServerStillServes();
  }

  /** Like the official server (ws): a key that is not 16 bytes of base64 is refused with 400. */
  @ParameterizedTest
  @ValueSource(strings = {"", " ", "short", "dGhlIHNhbXBsZSBub25jZQ=", "dGhlIHNhbXBsZSBub25jZQ==x"})
  void upgradeWithAnEmptyOrInvalidKeyIsRefusedWith400(String key) throws Exception {
    String answer =
        engine.raw(
            "GET "
                + WS_PATH
                + " HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: "
                + key
                + "\r\nSec-WebSocket-Version: 13\r\n\r\n");
    assertThat(answer).startsWith("HTTP/1.1 400 ").doesNotContain(" 101 ");
    assertThat(engine.server.clientsCount()).isZero();
    assertServerStillServes();
  }

  @Test
  void unsupportedWebSocketVersionIsRefused() throws Exception {
    String answer =
        engine.raw(
            "GET "
                + WS_PATH
                + " HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 99\r\n\r\n");
    assertThat(answer).startsWith("HTTP/1.1 426 ").contains("sec-websocket-version: 13");
    assertThat(engine.server.clientsCount()).isZero();
  }

  @Test
  void h2cUpgradeIsIgnoredAndServedAsPlainHttp() throws Exception {
    String answer =
        engine.raw(
            "GET /engine.io/?EIO=4&transport=polling HTTP/1.1\r\nHost: x\r\n"
                + "Connection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\n"
                + "HTTP2-Settings: AAMAAABkAARAAAAAAAIAAAAA\r\nConnection: close\r\n\r\n");
    assertThat(answer).startsWith("HTTP/1.1 200 ").contains("0{\"sid\":\"");
    String refused =
        engine.raw(
            "GET "
                + WS_PATH
                + " HTTP/1.1\r\nHost: x\r\nUpgrade: h2c\r\nConnection: Upgrade, close\r\n\r\n");
    assertThat(refused).startsWith("HTTP/1.1 400 ").contains("\"code\":3");
    assertServerStillServes();
  }

  @Test
  void headerFloodIsRefusedWith431() throws Exception {
    StringBuilder req = new StringBuilder("GET " + WS_PATH + " HTTP/1.1\r\nHost: x\r\n");
    for (int i = 0; i < 2100; i++) req.append("X-Flood-").append(i).append(": y\r\n");
    req.append("\r\n");
    assertThat(engine.raw(req.toString())).startsWith("HTTP/1.1 431 ");
    assertServerStillServes();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "constructor",
        "__proto__",
        "permessage-deflate; client_max_window_bits=99999999999",
        "permessage-deflate; permessage-deflate; server_no_context_takeover; server_no_context_takeover",
        "x=\"\\\\a\\\\a\\\\a\\\\a\\\\a\\\\a\\\\a\\\\a\\\\a\\\\a\\\\a\\\\a\\\\a\\\\a\\\\a\\\\a",
        "toString; __proto__=1; constructor"
      })
  void extensionHeaderFuzzNeverBreaksTheServer(String extensions) throws Exception {
    try (TestEngine deflate = new TestEngine(b -> b.perMessageDeflate(true));
        RawWebSocket ws =
            RawWebSocket.connect(
                deflate.port,
                WebSocketRequests.upgrade(
                    WS_PATH, "Sec-WebSocket-Extensions: " + extensions + "\r\n"))) {
      // either a handshake (the header ignored or negotiated), a refusal, or a dropped connection
      assertThat(ws.handshakeResponse).matches("(?s)(HTTP/1\\.1 (101|400) .*)?");
      assertThat(deflate.get("EIO=4&transport=polling").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void tinyFragmentFloodWithinTheByteLimitIsCut() throws Exception {
    try (TestEngine roomy = new TestEngine(b -> b.maxHttpBufferSize(1_000_000));
        RawWebSocket ws = RawWebSocket.connect(roomy.port, WebSocketRequests.upgrade(WS_PATH))) {
      assertThat(ws.read().text()).startsWith("0{");
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      out.writeBytes(WebSocketRequests.frame(0x01, new byte[] {'4'}, true));
      for (int i = 0; i < 5000; i++) {
        out.writeBytes(WebSocketRequests.frame(0x00, new byte[] {'a'}, true));
      }
      try {
        ws.write(out.toByteArray());
      } catch (java.io.IOException e) {
        // the server may close before reading it all
      }
      assertThat(ws.awaitClosed()).isEqualTo(1009);
      assertThat(ws.closeReason).isEmpty();
      assertThat(roomy.await("close").text()).isIn("transport close", "transport error");
    }
  }

  /** CVE-2023-31125: invalid transport values on a WebSocket upgrade. */
  @ParameterizedTest
  @ValueSource(
      strings = {"constructor", "__proto__", "toString", "", "polling&transport=websocket"})
  void upgradeWithABadTransportIsRefused(String transport) throws Exception {
    String answer =
        engine.raw(WebSocketRequests.upgrade("/engine.io/?EIO=4&transport=" + transport));
    assertThat(answer).startsWith("HTTP/1.1 400 ").doesNotContain(" 101 ");
    assertThat(engine.awaitError().code()).isIn(0, 3);
    assertServerStillServes();
  }

  /** CVE-2024-37890: a duplicated key header. */
  @Test
  void duplicateKeyHeaderNeverBreaksTheServer() throws Exception {
    try (RawWebSocket ws =
        RawWebSocket.connect(
            engine.port,
            WebSocketRequests.upgrade(
                WS_PATH, "Sec-WebSocket-Key: c2Vjb25kIGtleSB2YWx1ZQ==\r\n"))) {
      assertThat(ws.handshakeResponse).matches("(?s)(HTTP/1\\.1 (101|400) .*)?");
    }
    assertServerStillServes();
  }

  /** CVE-2021-32640 and CVE-2020-7663: long, whitespace-heavy or unterminated header values. */
  @ParameterizedTest
  @ValueSource(strings = {"protocol", "extensions"})
  void pathologicalHeaderValuesAreHandled(String which) throws Exception {
    String header =
        which.equals("protocol")
            ? "Sec-WebSocket-Protocol: b" + " ".repeat(15000) + "x\r\n"
            : "Sec-WebSocket-Extensions: x=\"" + "\\a".repeat(7000) + "\r\n";
    try (TestEngine deflate = new TestEngine(b -> b.perMessageDeflate(true));
        RawWebSocket ws =
            RawWebSocket.connect(deflate.port, WebSocketRequests.upgrade(WS_PATH, header))) {
      assertThat(ws.handshakeResponse).matches("(?s)(HTTP/1\\.1 (101|400|431) .*)?");
      assertThat(deflate.get("EIO=4&transport=polling").statusCode()).isEqualTo(200);
    }
  }

  /** CVE-2026-48779: a frame delivered one byte per TCP write is still one packet. */
  @Test
  void oneByteWritesAreReassembled() throws Exception {
    try (RawWebSocket ws = openRaw()) {
      for (byte b : WebSocketRequests.text("4slow")) ws.write(new byte[] {b});
      assertThat(engine.await("text").text()).isEqualTo("slow");
      assertThat(ws.read().text()).isEqualTo("4slow");
    }
  }

  @Test
  void clientVanishingMidRequestLeavesTheServerServing() throws Exception {
    for (int i = 0; i < 20; i++) {
      try (java.net.Socket s = new java.net.Socket("127.0.0.1", engine.port)) {
        // every other one resets the connection (RST) instead of closing it (CVE-2022-41940)
        if (i % 2 == 0) s.setSoLinger(true, 0);
        s.getOutputStream().write(("GET " + WS_PATH + " HTTP/1.1\r\nHost: x\r\nUpgr").getBytes());
        s.getOutputStream().flush();
      }
    }
    assertThat(engine.server.clientsCount()).isZero();
    assertServerStillServes();
  }

  private void assertServerStillServes() throws Exception {
    assertThat(engine.get("EIO=4&transport=polling").body()).startsWith("0{\"sid\":");
  }

  /** Collects whole messages: String for text, byte[] for binary. */
  private static final class Collector implements WebSocket.Listener {
    private final LinkedBlockingQueue<Object> out;
    private final StringBuilder text = new StringBuilder();
    private final java.io.ByteArrayOutputStream bin = new java.io.ByteArrayOutputStream();

    Collector(LinkedBlockingQueue<Object> out) {
      this.out = out;
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      text.append(data);
      if (last) {
        out.add(text.toString());
        text.setLength(0);
      }
      ws.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
      byte[] b = new byte[data.remaining()];
      data.get(b);
      bin.writeBytes(b);
      if (last) {
        out.add(bin.toByteArray());
        bin.reset();
      }
      ws.request(1);
      return null;
    }
  }
}
