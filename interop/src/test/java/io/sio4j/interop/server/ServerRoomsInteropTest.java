package io.sio4j.interop.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.sio4j.examples.Container;
import io.sio4j.protocol.event.Arguments;
import io.sio4j.server.Socket;
import io.sio4j.server.SocketIoServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Rooms, broadcasting with to/except, broadcast acks, volatile, utilities and disconnect reasons,
 * with npm socket.io-client 4.8.
 */
@ParameterizedClass(name = "on {0}")
@EnumSource(Container.class)
class ServerRoomsInteropTest {
  /** What carries the bytes: sio4j's Netty server, embedded Jetty or embedded Tomcat. */
  @Parameter Container container;

  private SocketIoServer io;
  private SioClient client;
  private final Map<String, Socket> byName = new ConcurrentHashMap<>();

  @BeforeEach
  void start() {
    io =
        SocketIoServer.builder()
            .host("127.0.0.1")
            .port(0)
            .pingInterval(Duration.ofMillis(300))
            // a pong held past a short timeout on a busy machine would end a socket with "ping
            // timeout" in the middle of a test; no test here waits for a ping timeout
            .pingTimeout(Duration.ofSeconds(5))
            .build();
    io.on(
        "connection",
        s -> {
          String name = s.handshake().auth().path("name").asText();
          s.join(s.handshake().auth().path("room").asText());
          byName.put(name, s);
          s.on("disconnect", (String reason) -> io.emit("gone", name, reason));
        });
    container.serve(io);
    client = new SioClient("http://127.0.0.1:" + io.address().getPort());
  }

  @AfterEach
  void stop() {
    client.close();
    io.close();
  }

  private void join(String name, String room) {
    client.connected(
        name,
        "/",
        Map.of(
            "auth",
            Map.of("name", name, "room", room),
            "transports",
            List.of("websocket"),
            "forceNew",
            true));
    org.awaitility.Awaitility.await().until(() -> byName.containsKey(name));
  }

  @Test
  void toExceptAndSocketBroadcast() {
    join("a", "red");
    join("b", "red");
    join("c", "blue");
    io.to("red").except("blue").emit("r1");
    byName.get("a").broadcast().emit("b1"); // everyone but a
    byName.get("b").to("red").emit("r2"); // a only
    io.emit("sync");
    client.awaitEvent("a", "r1");
    client.awaitEvent("b", "r1");
    client.awaitEvent("b", "b1");
    client.awaitEvent("c", "b1");
    client.awaitEvent("a", "r2");
    for (String n : List.of("a", "b", "c")) client.awaitEvent(n, "sync");
    assertThat(client.sawEvent("c", "r1")).isFalse();
    assertThat(client.sawEvent("a", "b1")).isFalse();
    assertThat(client.sawEvent("b", "r2")).isFalse();
  }

  @Test
  void broadcastAcksGatherOneAnswerPerClient() throws Exception {
    join("a", "red");
    join("b", "red");
    join("c", "blue");
    List<Arguments> answers =
        io.to("red")
            .timeout(Duration.ofSeconds(5))
            .emitWithAck("vote", 1)
            .get(10, TimeUnit.SECONDS);
    assertThat(answers).hasSize(2);
    assertThat(answers)
        .extracting(Arguments::socketId)
        .containsExactlyInAnyOrder(byName.get("a").id(), byName.get("b").id());
    assertThat(answers).extracting(r -> r.get(0, String.class)).containsOnly("ack");
  }

  @Test
  void utilitiesWithRealClients() throws Exception {
    join("a", "red");
    join("b", "blue");
    io.in("red").socketsJoin("green");
    assertThat(byName.get("a").rooms()).contains("green");
    assertThat(io.in("green").fetchSockets().get(5, TimeUnit.SECONDS)).hasSize(1);
    io.in("green").disconnectSockets(false);
    assertThat(client.await("disconnect", "a").path("reason").asText())
        .isEqualTo("io server disconnect");
    assertThat(client.awaitEvent("b", "gone").path("args").toString())
        .isEqualTo("[\"a\",\"server namespace disconnect\"]");
  }

  @Test
  void volatileEventsAreDelivered() {
    join("a", "red");
    io.asVolatile().emit("v", 1);
    client.awaitEvent("a", "v");
  }

  @Test
  void disconnectReasonsSeenByTheServer() {
    join("a", "red");
    join("b", "red");
    join("watcher", "none");
    client.command("disconnect", "a");
    assertThat(client.awaitEvent("watcher", "gone").path("args").toString())
        .isEqualTo("[\"a\",\"client namespace disconnect\"]");
    client.command("drop-transport", "b");
    assertThat(client.awaitEvent("watcher", "gone").path("args").toString())
        .isEqualTo("[\"b\",\"transport close\"]");
    byName.get("watcher").disconnect(true);
    assertThat(client.await("disconnect", "watcher").path("reason").asText())
        .isEqualTo("io server disconnect");
  }
}
