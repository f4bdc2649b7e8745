package io.sio4j.interop.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sio4j.engine.EngineOptions;
import io.sio4j.engine.EngineServer;
import io.sio4j.engine.EngineSocket;
import io.sio4j.examples.Container;
import io.sio4j.examples.Main;
import io.sio4j.examples.engine.EngineConformance;
import io.sio4j.testkit.NodeProcess;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The {@code engine-conformance} example (the official v4 suite's fixture) echoes for the npm
 * client, with the suite's exact settings; the examples jar lists it; permessage-deflate is
 * negotiated with the npm client when enabled.
 */
class EngineConformanceExampleTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  @ParameterizedTest(name = "on {0}")
  @EnumSource(Container.class)
  void exampleHasTheSuiteSettingsAndEchoes(Container container) throws Exception {
    EngineOptions o = EngineConformance.options();
    assertThat(o.path()).isEqualTo("/engine.io/");
    assertThat(o.pingInterval()).isEqualTo(Duration.ofMillis(300));
    assertThat(o.pingTimeout()).isEqualTo(Duration.ofMillis(200));
    assertThat(o.maxHttpBufferSize()).isEqualTo(1_000_000);
    try (EngineServer server =
        container.serveEngine(
            EngineConformance.options(), EngineConformance::echo, "127.0.0.1", 0)) {
      int port = server.hostAddress().getPort();
      try (NodeProcess node =
          NodeProcess.start("engine-client.mjs", "http://127.0.0.1:" + port, "{}")) {
        node.await("upgrade", WAIT);
        node.send(Map.of("cmd", "send", "text", "echo?"));
        assertThat(node.await("message", WAIT).get("text").asText()).isEqualTo("echo?");
        node.send(Map.of("cmd", "sendBinary", "bytes", List.of(1, 2, 3, 4)));
        assertThat(node.await("binary", WAIT).get("bytes").toString()).isEqualTo("[1,2,3,4]");
        // heartbeats at 300/200 ms for several rounds
        for (int i = 0; i < 3; i++) node.await("ping", WAIT);
        assertThat(server.clientsCount()).isEqualTo(1);
      }
    }
  }

  @Test
  void mainListsTheExample() throws Exception {
    PrintStream old = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      Main.main(new String[] {"--help"});
    } finally {
      System.setOut(old);
    }
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("engine-conformance", "--port");
    assertThat(Main.port(new String[] {"--port", "3100"})).isEqualTo(3100);
    assertThat(Main.port(new String[] {})).isEqualTo(3000);
  }

  @Test
  void perMessageDeflateIsNegotiatedWithTheNpmClient() throws Exception {
    try (EngineServer server =
        EngineServer.create(
            EngineOptions.builder().path("/engine.io/").perMessageDeflate(true).build())) {
      server.onConnection(
          socket ->
              socket.setListener(
                  new EngineSocket.Listener() {
                    @Override
                    public void onText(String text) {
                      socket.send(text);
                    }

                    @Override
                    public void onBinary(byte[] data) {}

                    @Override
                    public void onClose(String reason, String description) {}
                  }));
      int port = server.listen("127.0.0.1", 0).join().getPort();
      try (NodeProcess node =
          NodeProcess.start(
              "engine-client.mjs",
              "http://127.0.0.1:" + port,
              "{\"transports\":[\"websocket\"],\"perMessageDeflate\":{\"threshold\":0}}")) {
        JsonNode open = node.await("open", WAIT);
        assertThat(open.get("extensions").asText()).contains("permessage-deflate");
        String big = "deflate me ".repeat(2000);
        node.send(Map.of("cmd", "send", "text", big));
        assertThat(node.await("message", WAIT).get("text").asText()).isEqualTo(big);
      }
    }
  }
}
