package io.sio4j.interop.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sio4j.client.ClientOptions;
import io.sio4j.client.ConnectError;
import io.sio4j.client.IO;
import io.sio4j.client.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Reconnection as the JavaScript client does it, against a Node server that restarts or dies. */
@ParameterizedClass
@EnumSource(TransportKind.class)
class ClientReconnectInteropTest {
  @Parameter TransportKind kind;

  private final NodeServer server = NodeServer.start("{\"pingInterval\":300,\"pingTimeout\":200}");
  private final List<String> events = new CopyOnWriteArrayList<>();
  private Socket socket;

  @AfterEach
  void tearDown() {
    if (socket != null) socket.io().close();
    server.close();
  }

  private ClientOptions.Builder fast() {
    return kind.options()
        .forceNew(true)
        .reconnectionDelay(Duration.ofMillis(100))
        .reconnectionDelayMax(Duration.ofMillis(300))
        .timeout(Duration.ofSeconds(2));
  }

  private void record(Socket s) {
    s.on("connect", () -> events.add("connect"));
    s.on("disconnect", (String reason) -> events.add("disconnect " + reason));
    s.on("connect_error", (ConnectError e) -> events.add("connect_error"));
    s.io().on("reconnect_attempt", (Integer n) -> events.add("reconnect_attempt " + n));
    s.io().on("reconnect", (Integer n) -> events.add("reconnect " + n));
    s.io().on("reconnect_error", (Throwable e) -> events.add("reconnect_error"));
    s.io().on("reconnect_failed", () -> events.add("reconnect_failed"));
    s.io().on("ping", () -> events.add("ping"));
  }

  @Test
  void reconnectsAfterTheServerRestarts() {
    socket = IO.socket(server.url("/"), fast().build());
    record(socket);
    await().until(socket::connected);
    String firstId = socket.id();
    server.command("restart");
    await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () ->
                events.contains("reconnect 1")
                    || events.stream()
                        .anyMatch(e -> e.startsWith("reconnect ") && !e.startsWith("reconnect_")));
    await().until(socket::connected);
    assertThat(socket.id()).isNotEqualTo(firstId);
    assertThat(events).contains("disconnect transport close", "reconnect_attempt 1");
    assertThat(events.indexOf("disconnect transport close"))
        .isLessThan(events.lastIndexOf("connect"));
    assertThat(socket.recovered()).isFalse();
  }

  @Test
  void givesUpAfterReconnectionAttempts() {
    socket = IO.socket(server.url("/"), fast().reconnectionAttempts(2).build());
    record(socket);
    await().until(socket::connected);
    server.command("stop");
    await().atMost(Duration.ofSeconds(15)).until(() -> events.contains("reconnect_failed"));
    assertThat(events)
        // as in the JS client, reconnect_failed comes before the last reconnect_error
        .containsSubsequence(
            "reconnect_attempt 1", "reconnect_error", "reconnect_attempt 2", "reconnect_failed");
    assertThat(events).doesNotContain("reconnect_attempt 3");
    assertThat(socket.connected()).isFalse();
  }

  @Test
  void answersPingsAndDetectsADeadServer() throws Exception {
    CompletableFuture<String> reason = new CompletableFuture<>();
    socket = IO.socket(server.url("/"), fast().reconnection(false).transports("websocket").build());
    record(socket);
    socket.on("disconnect", (String r) -> reason.complete(r));
    await().until(socket::connected);
    await().until(() -> events.stream().filter("ping"::equals).count() >= 2);
    server.node.close(); // the process dies: the socket closes or the pings stop
    assertThat(reason.get(10, TimeUnit.SECONDS)).isIn("transport close", "ping timeout");
  }

  @Test
  void noReconnectionWhenDisabled() throws Exception {
    CompletableFuture<String> reason = new CompletableFuture<>();
    socket = IO.socket(server.url("/"), fast().reconnection(false).build());
    record(socket);
    socket.on("disconnect", (String r) -> reason.complete(r));
    await().until(socket::connected);
    server.command("closeTransport");
    assertThat(reason.get(10, TimeUnit.SECONDS)).isEqualTo("transport close");
    assertThat(events).doesNotContain("reconnect_attempt 0", "reconnect_attempt 1");
    await().atMost(Duration.ofSeconds(5)).until(() -> !socket.io().isOpen());
  }
}
