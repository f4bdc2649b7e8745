package io.sio4j.interop.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sio4j.client.IO;
import io.sio4j.client.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Connection state recovery with the Node server's connectionStateRecovery. */
@ParameterizedClass
@EnumSource(TransportKind.class)
class ClientRecoveryInteropTest {
  @Parameter TransportKind kind;

  private final NodeServer server = NodeServer.start("{\"recovery\":true}");
  private Socket socket;

  @AfterEach
  void tearDown() {
    if (socket != null) socket.io().close();
    server.close();
  }

  @Test
  void forcedTransportCloseRecoversIdAndMissedEvents() {
    List<String> received = new CopyOnWriteArrayList<>();
    socket =
        IO.socket(
            server.url("/"),
            kind.options()
                .forceNew(true)
                .transports("websocket")
                .reconnectionDelay(Duration.ofMillis(500))
                .reconnectionDelayMax(Duration.ofMillis(500))
                .randomizationFactor(0)
                .build());
    socket.on("news", (String s) -> received.add(s));
    await().until(socket::connected);
    String id = socket.id();
    assertThat(socket.recovered()).isFalse();
    server.command("emit", "event", "news", "args", List.of("one"));
    await().until(() -> received.contains("one"));

    server.command("closeTransport");
    await().until(() -> !socket.connected());
    // emitted while the client is away: replayed on recovery
    server.command("emit", "event", "news", "args", List.of("two"));
    server.command("emit", "event", "news", "args", List.of("three"));

    await().atMost(Duration.ofSeconds(10)).until(socket::connected);
    assertThat(socket.recovered()).isTrue();
    assertThat(socket.id()).isEqualTo(id);
    await().until(() -> received.size() == 3);
    assertThat(received).containsExactly("one", "two", "three");
    assertThat(server.await("connection").get("recovered").asBoolean()).isFalse();
    assertThat(server.await("connection").get("recovered").asBoolean()).isTrue();
  }
}
