package io.sio4j.interop.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sio4j.client.ClientOptions;
import io.sio4j.client.internal.engine.ClientLoop;
import io.sio4j.client.internal.engine.EngineClient;
import io.sio4j.client.internal.engine.EngineUris;
import io.sio4j.client.internal.http.JdkHttpConnector;
import io.sio4j.protocol.engineio.EnginePacket;
import io.sio4j.testkit.NodeProcess;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The Engine.IO client layer against the official Node server: handshake on each transport, the
 * upgrade from polling, heartbeats, batching within maxPayload, and the ends of a session.
 */
@ParameterizedClass
@EnumSource(TransportKind.class)
class JavaEngineClientInteropTest {
  @Parameter TransportKind kind;

  private static final Duration WAIT = Duration.ofSeconds(10);

  private final ClientLoop loop = ClientLoop.create();
  private final BlockingQueue<String> events = new LinkedBlockingQueue<>();
  private NodeProcess node;
  private EngineClient engine;

  @AfterEach
  void tearDown() {
    loop.execute(() -> engine.close());
    if (node != null) node.close();
  }

  private int startServer(String config) {
    node = NodeProcess.start("node-server.mjs", config);
    return node.await("listening").get("port").asInt();
  }

  private void connect(int port, ClientOptions options) {
    URI url = URI.create("http://127.0.0.1:" + port);
    engine =
        new EngineClient(
            EngineUris.of(url, options),
            options,
            JdkHttpConnector.create(options),
            loop,
            new EngineClient.Listener() {
              @Override
              public void onOpen(EngineClient e) {
                events.add("open " + e.transportName());
              }

              @Override
              public void onMessage(EnginePacket p) {
                events.add("message " + (p.isBinary() ? "binary" : p.text()));
              }

              @Override
              public void onPing() {
                events.add("ping");
              }

              @Override
              public void onUpgrade(String transport) {
                events.add("upgrade " + transport);
              }

              @Override
              public void onError(Throwable error) {
                events.add("error " + error.getMessage());
              }

              @Override
              public void onClose(String reason, Throwable cause) {
                events.add("close " + reason);
              }
            },
            new AtomicBoolean());
    loop.execute(engine::open);
  }

  private String next(String prefix) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (true) {
      String e = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      assertThat(e).as("event starting with '%s'", prefix).isNotNull();
      if (e.startsWith(prefix)) return e;
    }
  }

  private void send(String text) {
    loop.execute(() -> engine.send(EnginePacket.message(text)));
  }

  @Test
  void pollingHandshakeThenUpgradeToWebSocket() throws Exception {
    int port = startServer("{}");
    connect(port, kind.options().build());
    assertThat(next("open")).isEqualTo("open polling");
    send("0");
    assertThat(next("message")).startsWith("message 0{\"sid\":");
    assertThat(next("upgrade")).isEqualTo("upgrade websocket");
    JsonNode up = node.await("upgrade");
    assertThat(up.get("transport").asText()).isEqualTo("websocket");
    send("2[\"echo\",\"after upgrade\"]");
    assertThat(next("message 2")).isEqualTo("message 2[\"echo\",\"after upgrade\"]");
  }

  @Test
  void webSocketOnlyAnswersPings() throws Exception {
    int port = startServer("{\"pingInterval\":200,\"pingTimeout\":150}");
    connect(port, kind.options().transports("websocket").build());
    assertThat(next("open")).isEqualTo("open websocket");
    send("0");
    next("message 0");
    // three pings answered: the server (pingTimeout 150 ms) would have closed otherwise
    next("ping");
    next("ping");
    next("ping");
    node.send(Map.of("cmd", "count"));
    assertThat(node.await("count").get("engine").asInt()).isEqualTo(1);
  }

  @Test
  void pollingBatchesStayWithinMaxPayload() throws Exception {
    int port = startServer("{\"maxHttpBufferSize\":1000}");
    connect(port, kind.options().transports("polling").build());
    next("open");
    send("0");
    next("message 0");
    // 20 events of ~300 bytes: one payload would be 6 KB, over the server's 1000-byte limit
    String filler = "y".repeat(300);
    loop.execute(
        () -> {
          for (int i = 0; i < 20; i++) {
            engine.send(EnginePacket.message("2[\"n\"," + i + ",\"" + filler + "\"]"));
          }
        });
    for (int i = 0; i < 20; i++) {
      JsonNode e = node.await("event");
      assertThat(e.get("args").get(0).asInt()).isEqualTo(i);
    }
  }

  @Test
  void serverClosingTheTransportEndsTheSession() throws Exception {
    int port = startServer("{}");
    connect(port, kind.options().transports("websocket").build());
    next("open");
    send("0");
    next("message 0");
    node.send(Map.of("cmd", "closeTransport"));
    assertThat(next("close")).isEqualTo("close transport close");
  }

  @Test
  void silentServerGivesPingTimeout() throws Exception {
    int port = startServer("{\"pingInterval\":200,\"pingTimeout\":100}");
    connect(port, kind.options().transports("websocket").build());
    next("open");
    send("0");
    next("message 0");
    node.send(Map.of("cmd", "stop"));
    // Stopping the Node server closes its sockets: the session ends either way, never hangs.
    assertThat(next("close")).isIn("close transport close", "close ping timeout");
  }

  @Test
  void refusedConnectionIsAnError() throws Exception {
    int port = startServer("{}");
    node.close();
    connect(port, kind.options().build());
    assertThat(next("error")).startsWith("error xhr poll error");
    assertThat(next("close")).isEqualTo("close transport error");
  }
}
