package io.sio4j.interop.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sio4j.client.ConnectError;
import io.sio4j.client.IO;
import io.sio4j.client.Socket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** A namespace middleware refusing or accepting the connection (Node server, /admin). */
@ParameterizedClass
@EnumSource(TransportKind.class)
class ClientMiddlewareInteropTest {
  @Parameter TransportKind kind;

  private final NodeServer server = NodeServer.start();
  private Socket socket;

  @AfterEach
  void tearDown() {
    if (socket != null) socket.io().close();
    server.close();
  }

  @Test
  void refusalCarriesMessageAndDataAndIsNotRetried() throws Exception {
    CompletableFuture<ConnectError> error = new CompletableFuture<>();
    AtomicInteger attempts = new AtomicInteger();
    socket =
        IO.socket(
            server.url("/admin"),
            kind.options()
                .forceNew(true)
                .auth(Map.of("token", "wrong"))
                .reconnectionDelay(Duration.ofMillis(50))
                .build());
    socket.io().on("reconnect_attempt", (Integer n) -> attempts.incrementAndGet());
    socket.on("connect_error", (ConnectError e) -> error.complete(e));
    ConnectError e = error.get(10, TimeUnit.SECONDS);
    assertThat(e.isRefusal()).isTrue();
    assertThat(e.getMessage()).isEqualTo("not authorized");
    assertThat(e.data().get("reason").asText()).isEqualTo("bad token");
    assertThat(socket.active()).isFalse();
    assertThat(socket.connected()).isFalse();
    // the connection closes since no socket is active, and nothing reconnects
    await().atMost(Duration.ofSeconds(5)).until(() -> !socket.io().isOpen());
    assertThat(attempts.get()).isZero();
  }

  @Test
  void rightTokenConnects() {
    socket =
        IO.socket(
            server.url("/admin"),
            kind.options().forceNew(true).auth(Map.of("token", "secret")).build());
    assertThat(server.await("connection").get("nsp").asText()).isEqualTo("/admin");
    await().until(socket::connected);
  }

  @Test
  void unknownNamespaceIsRefused() throws Exception {
    CompletableFuture<ConnectError> error = new CompletableFuture<>();
    socket = IO.socket(server.url("/nowhere"), kind.options().forceNew(true).build());
    socket.on("connect_error", (ConnectError e) -> error.complete(e));
    assertThat(error.get(10, TimeUnit.SECONDS).getMessage()).isEqualTo("Invalid namespace");
  }
}
