package io.sio4j.interop.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sio4j.engine.EngineSocket;
import io.sio4j.testkit.NodeProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The official npm {@code engine.io-client} (6.6.x) against our Engine.IO server over polling only,
 * WebSocket only, and polling upgraded to WebSocket: text and binary both ways, heartbeats at 200
 * ms for several rounds, client and server closes.
 */
class EngineClientInteropTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private EchoEngine engine;

  @BeforeEach
  void start() {
    // short heartbeats; the timeout leaves room for a loaded CI machine
    engine = new EchoEngine(Duration.ofMillis(200), Duration.ofMillis(1000));
  }

  @AfterEach
  void stop() {
    engine.close();
  }

  private static String options(String mode) {
    return switch (mode) {
      case "polling" -> "{\"transports\":[\"polling\"]}";
      case "websocket" -> "{\"transports\":[\"websocket\"]}";
      default -> "{\"transports\":[\"polling\",\"websocket\"]}";
    };
  }

  @ParameterizedTest
  @ValueSource(strings = {"polling", "websocket", "upgrade"})
  void exchangesTextAndBinaryWithHeartbeats(String mode) throws Exception {
    try (NodeProcess node = NodeProcess.start("engine-client.mjs", engine.url(), options(mode))) {
      JsonNode open = node.await("open", WAIT);
      EngineSocket socket = engine.await("connection", WAIT).socket();
      assertThat(open.get("sid").asText()).isEqualTo(socket.id());
      String expected = mode.equals("polling") ? "polling" : "websocket";
      if (mode.equals("upgrade")) {
        assertThat(open.get("transport").asText()).isEqualTo("polling");
        assertThat(node.await("upgrade", WAIT).get("transport").asText()).isEqualTo("websocket");
      }
      Awaitility.await().atMost(WAIT).until(() -> socket.transport().equals(expected));

      node.send(Map.of("cmd", "send", "text", "hello é €"));
      assertThat(engine.await("text", WAIT).text()).isEqualTo("hello é €");
      assertThat(node.await("message", WAIT).get("text").asText()).isEqualTo("hello é €");

      node.send(Map.of("cmd", "sendBinary", "bytes", List.of(1, 2, 3, 255)));
      assertThat(engine.await("binary", WAIT).bytes()).containsExactly(1, 2, 3, (byte) 255);
      assertThat(bytes(node.await("binary", WAIT))).containsExactly(1, 2, 3, 255);

      // server-initiated messages, a burst that polling batches into one payload
      for (int i = 0; i < 20; i++) socket.send("burst " + i);
      socket.send(new byte[] {9, 8, 7});
      for (int i = 0; i < 20; i++) {
        assertThat(node.await("message", WAIT).get("text").asText()).isEqualTo("burst " + i);
      }
      assertThat(bytes(node.await("binary", WAIT))).containsExactly(9, 8, 7);

      // several heartbeat rounds at 200 ms keep the session open
      for (int i = 0; i < 4; i++) node.await("ping", WAIT);
      assertThat(socket.isOpen()).isTrue();
      assertThat(engine.server.clientsCount()).isEqualTo(1);

      node.send(Map.of("cmd", "close"));
      assertThat(engine.await("close", WAIT).text()).isEqualTo("transport close");
      Awaitility.await().atMost(WAIT).until(() -> engine.server.clientsCount() == 0);
    }
  }

  /**
   * {@code forceBase64: true}: the client sends binary as {@code b<base64>} text (on WebSocket too)
   * and asks with {@code b64=1} to receive it that way.
   */
  @ParameterizedTest
  @ValueSource(strings = {"polling", "websocket", "upgrade"})
  void forceBase64ClientExchangesBinary(String mode) throws Exception {
    String opts = options(mode).replace("{", "{\"forceBase64\":true,");
    try (NodeProcess node = NodeProcess.start("engine-client.mjs", engine.url(), opts)) {
      node.await("open", WAIT);
      EngineSocket socket = engine.await("connection", WAIT).socket();
      if (mode.equals("upgrade")) node.await("upgrade", WAIT);
      String expected = mode.equals("polling") ? "polling" : "websocket";
      Awaitility.await().atMost(WAIT).until(() -> socket.transport().equals(expected));

      node.send(Map.of("cmd", "sendBinary", "bytes", List.of(1, 2, 3, 255)));
      assertThat(engine.await("binary", WAIT).bytes()).containsExactly(1, 2, 3, (byte) 255);
      assertThat(bytes(node.await("binary", WAIT))).containsExactly(1, 2, 3, 255);
      node.send(Map.of("cmd", "send", "text", "after binary"));
      assertThat(node.await("message", WAIT).get("text").asText()).isEqualTo("after binary");
      assertThat(socket.isOpen()).isTrue();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"polling", "websocket"})
  void clientThatStopsAnsweringPingsIsClosedWithPingTimeout(String mode) throws Exception {
    try (NodeProcess node = NodeProcess.start("engine-client.mjs", engine.url(), options(mode))) {
      node.await("open", WAIT);
      EngineSocket socket = engine.await("connection", WAIT).socket();
      node.await("ping", WAIT);
      node.send(Map.of("cmd", "stopPong"));
      assertThat(engine.await("close", WAIT).text()).isEqualTo("ping timeout");
      assertThat(socket.isOpen()).isFalse();
      node.await("close", WAIT);
      assertThat(engine.server.clientsCount()).isZero();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"polling", "websocket"})
  void serverCloseReachesTheClient(String mode) throws Exception {
    try (NodeProcess node = NodeProcess.start("engine-client.mjs", engine.url(), options(mode))) {
      node.await("open", WAIT);
      EngineSocket socket = engine.await("connection", WAIT).socket();
      socket.send("last words");
      socket.close();
      assertThat(node.await("message", WAIT).get("text").asText()).isEqualTo("last words");
      JsonNode closed = node.await("close", WAIT);
      assertThat(closed.get("reason").asText()).as(closed.toString()).isEqualTo("transport close");
      assertThat(engine.await("close", WAIT).text()).isEqualTo("forced close");
    }
  }

  private static List<Integer> bytes(JsonNode n) {
    List<Integer> out = new ArrayList<>();
    n.get("bytes").forEach(b -> out.add(b.asInt()));
    return out;
  }
}
