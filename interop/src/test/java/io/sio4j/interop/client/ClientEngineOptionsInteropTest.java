package io.sio4j.interop.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sio4j.client.IO;
import io.sio4j.client.Socket;
import io.sio4j.server.Handshake;
import io.sio4j.server.SocketIoServer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The JS client's Engine.IO options added by issue 13, as our server sees them, on both transports:
 * per-transport headers and query ({@code transportOptions}), WebSocket subprotocols ({@code
 * protocols}), {@code requestTimeout} and {@code tryAllTransports}.
 */
@ParameterizedClass
@EnumSource(TransportKind.class)
class ClientEngineOptionsInteropTest {
  @Parameter TransportKind kind;

  private SocketIoServer server;
  private Socket socket;
  private final CompletableFuture<Handshake> handshake = new CompletableFuture<>();

  @AfterEach
  void tearDown() {
    if (socket != null) socket.io().close();
    if (server != null) server.close();
  }

  private String start() {
    return start(SocketIoServer.builder());
  }

  private String start(io.sio4j.server.ServerBuilder b) {
    server = b.host("127.0.0.1").port(0).build();
    server.on("connection", s -> handshake.complete(s.handshake()));
    server.start();
    return "http://127.0.0.1:" + server.address().getPort();
  }

  @Test
  void transportOptionsAndProtocolsApplyToTheirTransportOnly() throws Exception {
    socket =
        IO.socket(
            start(),
            kind.options()
                .forceNew(true)
                .transports("websocket")
                .extraHeader("X-All", "a")
                .transportHeader("websocket", "X-Ws", "w")
                .transportHeader("polling", "X-Polling", "p")
                .transportQuery("websocket", "wq", "1")
                .transportQuery("polling", "pq", "1")
                .protocols("chat", "superchat")
                .build());
    Handshake h = handshake.get(10, TimeUnit.SECONDS);
    assertThat(h.headers().get("x-all")).containsExactly("a");
    assertThat(h.headers().get("x-ws")).containsExactly("w");
    assertThat(h.headers()).doesNotContainKey("x-polling");
    assertThat(String.join(",", h.headers().get("sec-websocket-protocol")))
        .contains("chat", "superchat");
    assertThat(h.query()).containsEntry("wq", "1").doesNotContainKey("pq");
  }

  @Test
  void aPollHeldPastRequestTimeoutIsATransportError() throws Exception {
    CompletableFuture<String> reason = new CompletableFuture<>();
    socket =
        IO.socket(
            start(),
            kind.options()
                .forceNew(true)
                .transports("polling")
                .reconnection(false)
                .requestTimeout(Duration.ofMillis(500))
                .build());
    socket.on("disconnect", (String r) -> reason.complete(r));
    await().until(socket::connected);
    // the server holds the next GET until it has something (25 s pingInterval): it times out
    assertThat(reason.get(10, TimeUnit.SECONDS)).isEqualTo("transport error");
  }

  @Test
  void tryAllTransportsFallsBackToWebSocketWhenPollingFails() throws Exception {
    // a server without polling answers the polling handshake with 400 "Transport unknown"
    String url = start(SocketIoServer.builder().transports("websocket"));
    socket =
        IO.socket(
            url, kind.options().forceNew(true).reconnection(false).tryAllTransports(true).build());
    await().until(socket::connected);
    assertThat(handshake.get(10, TimeUnit.SECONDS).query()).containsEntry("transport", "websocket");
  }

  @Test
  void withoutTryAllTransportsThePollingFailureIsAConnectError() throws Exception {
    String url = start(SocketIoServer.builder().transports("websocket"));
    CompletableFuture<Object> error = new CompletableFuture<>();
    socket = IO.socket(url, kind.options().forceNew(true).reconnection(false).build());
    socket.on("connect_error", (Object e) -> error.complete(e));
    assertThat(error.get(10, TimeUnit.SECONDS)).isNotNull();
    assertThat(socket.connected()).isFalse();
  }
}
