package io.sio4j.interop.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sio4j.examples.Container;
import io.sio4j.server.Socket;
import io.sio4j.server.SocketIoServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Connection state recovery with npm socket.io-client 4.8: after a forced transport close the
 * client comes back with the same id, rooms and data, and receives what it missed.
 */
@ParameterizedClass(name = "on {0}")
@EnumSource(Container.class)
class ServerRecoveryInteropTest {
  /** What carries the bytes: sio4j's Netty server, embedded Jetty or embedded Tomcat. */
  @Parameter Container container;

  private SocketIoServer io;
  private SioClient client;
  private final BlockingQueue<Socket> connections = new LinkedBlockingQueue<>();
  private final BlockingQueue<String> disconnects = new LinkedBlockingQueue<>();
  private final AtomicInteger middlewareRuns = new AtomicInteger();

  @BeforeEach
  void start() {
    io =
        SocketIoServer.builder()
            .host("127.0.0.1")
            .port(0)
            .connectionStateRecovery(Duration.ofMinutes(2), true)
            .build();
    io.use(
        (socket, next) -> {
          middlewareRuns.incrementAndGet();
          next.proceed();
        });
    io.on(
        "connection",
        s -> {
          if (!s.recovered()) {
            s.join("room1");
            s.data().put("name", "alice");
          }
          s.on("disconnect", (String reason) -> disconnects.add(reason));
          connections.add(s);
        });
    container.serve(io);
    client = new SioClient("http://127.0.0.1:" + io.address().getPort());
  }

  @AfterEach
  void stop() {
    client.close();
    io.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"polling", "websocket"})
  void recoversIdRoomsDataAndMissedPackets(String transport) throws Exception {
    Map<String, Object> opts =
        Map.of(
            "transports", List.of(transport),
            "reconnectionDelay", 1000,
            "reconnectionDelayMax", 1000);
    JsonNode first = client.connected("a", "/", opts);
    assertThat(first.path("recovered").asBoolean()).isFalse();
    Socket s1 = connections.poll(10, TimeUnit.SECONDS);
    io.to("room1").emit("before", 1);
    JsonNode before = client.awaitEvent("a", "before");
    assertThat(before.path("args").size()).isEqualTo(2); // the argument, then the offset

    client.command("drop-transport", "a");
    assertThat(disconnects.poll(10, TimeUnit.SECONDS)).isEqualTo("transport close");
    io.to("room1").emit("missed", "while away");
    io.emit("missed-too", 2);

    JsonNode again = client.await("connect", "a");
    assertThat(again.path("recovered").asBoolean()).isTrue();
    assertThat(again.path("sid").asText()).isEqualTo(s1.id());
    assertThat(client.awaitEvent("a", "missed").path("args").get(0).asText())
        .isEqualTo("while away");
    client.awaitEvent("a", "missed-too");

    Socket s2 = connections.poll(10, TimeUnit.SECONDS);
    assertThat(s2.recovered()).isTrue();
    assertThat(s2.id()).isEqualTo(s1.id());
    assertThat(s2.rooms()).contains("room1");
    assertThat(s2.data()).containsEntry("name", "alice");
    assertThat(middlewareRuns.get()).isEqualTo(1); // skipMiddlewares
  }

  @ParameterizedTest
  @ValueSource(strings = {"websocket"})
  void clientNamespaceDisconnectIsNotRecovered(String transport) throws Exception {
    Map<String, Object> opts = Map.of("transports", List.of(transport));
    client.connected("a", "/", opts);
    Socket s1 = connections.poll(10, TimeUnit.SECONDS);
    io.emit("x");
    client.awaitEvent("a", "x");
    client.command("disconnect", "a");
    assertThat(disconnects.poll(10, TimeUnit.SECONDS)).isEqualTo("client namespace disconnect");
    client.command("connect-again", "a");
    JsonNode again = client.await("connect", "a");
    assertThat(again.path("recovered").asBoolean()).isFalse();
    assertThat(again.path("sid").asText()).isNotEqualTo(s1.id());
  }
}
