package io.sio4j.interop.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.sio4j.client.ClientOptions;
import io.sio4j.client.IO;
import io.sio4j.client.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Connecting to the official Node server on each transport, events both ways, multiplexing. */
@ParameterizedClass
@EnumSource(TransportKind.class)
class ClientConnectInteropTest {
  @Parameter TransportKind kind;

  record Point(int x, int y) {}

  record Blob(String name, byte[] data) {}

  private final NodeServer server = NodeServer.start();
  private Socket socket;

  @AfterEach
  void tearDown() {
    if (socket != null) socket.io().close();
    server.close();
  }

  private ClientOptions.Builder opts(String transport) {
    ClientOptions.Builder b = kind.options().forceNew(true);
    return switch (transport) {
      case "websocket" -> b.transports("websocket");
      case "polling" -> b.transports("polling");
      default -> b; // polling, then upgrade to WebSocket
    };
  }

  @ParameterizedTest
  @ValueSource(strings = {"websocket", "polling", "upgrade"})
  void connectsAndExchangesTypedEvents(String transport) throws Exception {
    CompletableFuture<Point> echoed = new CompletableFuture<>();
    socket = IO.socket(server.url("/"), opts(transport).build());
    socket.on("echo", (Point p) -> echoed.complete(p));
    JsonNode conn = server.await("connection");
    await().until(socket::connected);
    assertThat(socket.id()).isEqualTo(conn.get("id").asText());
    if (transport.equals("upgrade")) {
      assertThat(server.await("upgrade").get("transport").asText()).isEqualTo("websocket");
    }
    socket.emit("echo", new Point(3, 4));
    assertThat(echoed.get(10, TimeUnit.SECONDS)).isEqualTo(new Point(3, 4));
  }

  @ParameterizedTest
  @ValueSource(strings = {"websocket", "polling"})
  void binaryAnywhereInArgumentsRoundTrips(String transport) throws Exception {
    CompletableFuture<Object[]> echoed = new CompletableFuture<>();
    socket = IO.socket(server.url("/"), opts(transport).build());
    socket.on("echo", (byte[] raw, Blob blob) -> echoed.complete(new Object[] {raw, blob}));
    socket.emit("echo", new byte[] {1, 2, 3}, new Blob("b", new byte[] {(byte) 0xff, 0}));
    JsonNode seen = server.awaitEvent("echo");
    assertThat(seen.get("args").get(0).get("$bin").asText()).isEqualTo("AQID");
    Object[] back = echoed.get(10, TimeUnit.SECONDS);
    assertThat((byte[]) back[0]).containsExactly(1, 2, 3);
    assertThat(((Blob) back[1]).data()).containsExactly((byte) 0xff, 0);
  }

  @Test
  void authQueryAndHeadersReachTheServer() {
    socket =
        IO.socket(
            server.url("/?room=blue"),
            opts("websocket")
                .auth(Map.of("token", "t1"))
                .query("lang", "java")
                .extraHeader("x-test", "yes")
                .build());
    JsonNode conn = server.await("connection");
    assertThat(conn.get("auth").get("token").asText()).isEqualTo("t1");
    assertThat(conn.get("query").get("room").asText()).isEqualTo("blue");
    assertThat(conn.get("query").get("lang").asText()).isEqualTo("java");
    assertThat(conn.get("query").get("EIO").asText()).isEqualTo("4");
    assertThat(conn.get("headers").get("x-test").asText()).isEqualTo("yes");
  }

  @Test
  void authSupplierObjectIsCalledOnEachConnection() {
    record Token(String token) {}
    int[] calls = {0};
    socket =
        IO.socket(
            server.url("/"), opts("websocket").auth(() -> new Token("call-" + ++calls[0])).build());
    assertThat(server.await("connection").get("auth").get("token").asText()).isEqualTo("call-1");
    await().until(socket::connected);
    socket.disconnect();
    server.await("disconnect");
    socket.connect();
    assertThat(server.await("connection").get("auth").get("token").asText()).isEqualTo("call-2");
  }

  @Test
  void namespacesShareOneConnection() {
    ClientOptions o = opts("websocket").build();
    socket = IO.socket(server.url("/"), o);
    Socket chat = socket.io().socket("/chat");
    await().until(() -> socket.connected() && chat.connected());
    assertThat(chat.io()).isSameAs(socket.io());
    server.command("count");
    assertThat(server.await("count").get("engine").asInt()).isEqualTo(1);
    chat.emit("echo", "in chat");
    assertThat(server.awaitEvent("echo").get("nsp").asText()).isEqualTo("/chat");
  }

  @Test
  void ioSocketMultiplexesAndForceNewDoesNot() {
    ClientOptions shared = kind.options().transports("websocket").build();
    Socket a = IO.socket(server.url("/"), shared);
    Socket b = IO.socket(server.url("/chat"), shared);
    Socket c = IO.socket(server.url("/chat"), shared); // namespace taken: a new Manager
    try {
      assertThat(b.io()).isSameAs(a.io());
      assertThat(c.io()).isNotSameAs(a.io());
      await().until(() -> a.connected() && b.connected() && c.connected());
    } finally {
      a.io().close();
      c.io().close();
    }
  }

  @Test
  void emitsBeforeConnectingAreBufferedAndCatchAllListenersSeeBothWays() throws Exception {
    CompletableFuture<List<Object>> anyIn = new CompletableFuture<>();
    CompletableFuture<List<Object>> anyOut = new CompletableFuture<>();
    socket = IO.socket(server.url("/"), opts("polling").autoConnect(false).build());
    socket.onAny((event, args) -> anyIn.complete(List.of(event, args)));
    socket.onAnyOutgoing((event, args) -> anyOut.complete(List.of(event, args)));
    socket.emit("echo", "early", 7);
    assertThat(socket.connected()).isFalse();
    socket.connect();
    assertThat(server.awaitEvent("echo").get("args").toString()).isEqualTo("[\"early\",7]");
    assertThat(anyOut.get(10, TimeUnit.SECONDS)).isEqualTo(List.of("echo", List.of("early", 7)));
    assertThat(anyIn.get(10, TimeUnit.SECONDS)).isEqualTo(List.of("echo", List.of("early", 7)));
  }

  @Test
  void volatileEmitsAreDroppedWhileDisconnected() {
    socket = IO.socket(server.url("/"), opts("websocket").autoConnect(false).build());
    socket.asVolatile().emit("echo", "dropped");
    socket.connect();
    await().until(socket::connected);
    socket.asVolatile().emit("echo", "sent");
    assertThat(server.awaitEvent("echo").get("args").get(0).asText()).isEqualTo("sent");
  }

  @Test
  void serverDisconnectIsFinal() throws Exception {
    CompletableFuture<String> reason = new CompletableFuture<>();
    socket = IO.socket(server.url("/"), opts("websocket").build());
    socket.on("disconnect", (String r) -> reason.complete(r));
    await().until(socket::connected);
    server.command("disconnect");
    assertThat(reason.get(10, TimeUnit.SECONDS)).isEqualTo("io server disconnect");
    assertThat(socket.active()).isFalse();
    assertThat(socket.connected()).isFalse();
  }

  @Test
  void clientDisconnectReason() throws Exception {
    CompletableFuture<String> reason = new CompletableFuture<>();
    socket = IO.socket(server.url("/"), opts("websocket").build());
    socket.on("disconnect", (String r) -> reason.complete(r));
    await().until(socket::connected);
    socket.disconnect();
    assertThat(reason.get(10, TimeUnit.SECONDS)).isEqualTo("io client disconnect");
    assertThat(server.await("disconnect").get("reason").asText())
        .isIn("client namespace disconnect", "transport close");
    await().atMost(Duration.ofSeconds(5)).until(() -> !socket.io().isOpen());
  }
}
