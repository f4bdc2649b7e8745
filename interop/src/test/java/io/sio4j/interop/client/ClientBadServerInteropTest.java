package io.sio4j.interop.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sio4j.client.ClientOptions;
import io.sio4j.client.ConnectError;
import io.sio4j.client.IO;
import io.sio4j.client.Socket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bad input from a server: each case gives a clear error or disconnect reason, the client goes on
 * (reconnects) and no thread hangs.
 */
@ParameterizedClass
@EnumSource(TransportKind.class)
class ClientBadServerInteropTest {
  @Parameter TransportKind kind;

  private final NodeServer server = NodeServer.start();
  private final List<String> events = new CopyOnWriteArrayList<>();
  private Socket socket;

  @AfterEach
  void tearDown() {
    if (socket != null) socket.io().close();
    server.close();
  }

  private Socket connect(ClientOptions.Builder b) {
    socket =
        IO.socket(
            server.url("/"),
            b.forceNew(true)
                .reconnectionDelay(Duration.ofMillis(100))
                .reconnectionDelayMax(Duration.ofMillis(200))
                .build());
    socket.on("connect", () -> events.add("connect"));
    socket.on("disconnect", (String reason) -> events.add("disconnect " + reason));
    socket.io().on("error", (Throwable e) -> events.add("error " + e.getMessage()));
    await().until(socket::connected);
    return socket;
  }

  private void awaitReconnected() {
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> events.stream().filter("connect"::equals).count() == 2);
    await().until(socket::connected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"2garbage", "9", "2[\"connect\"]", "3[]", "2[{\"toString\":1}]"})
  void malformedSocketIoPacketIsAParseError(String raw) {
    connect(kind.options().transports("websocket"));
    server.command("rawMessage", "data", raw);
    await().until(() -> events.contains("disconnect parse error"));
    awaitReconnected();
  }

  @Test
  void tooManyAttachmentsIsAParseError() {
    connect(kind.options().transports("websocket"));
    List<Object> args = new ArrayList<>();
    for (int i = 0; i < 11; i++) args.add(NodeServer.bin(new byte[] {(byte) i}));
    server.command("emit", "event", "bins", "args", args);
    await().until(() -> events.contains("disconnect parse error"));
    awaitReconnected();
  }

  @Test
  void malformedEngineFrameIsATransportError() {
    connect(kind.options().transports("websocket"));
    server.command("rawFrame", "data", "xyz");
    await().until(() -> events.contains("disconnect transport error"));
    assertThat(events).anyMatch(e -> e.startsWith("error parse error"));
    awaitReconnected();
  }

  @ParameterizedTest
  @ValueSource(strings = {"websocket", "polling"})
  void oversizedMessageIsATransportError(String transport) {
    connect(kind.options().transports(transport).maxIncomingBytes(4096));
    socket.emit("big", 10_000);
    await().until(() -> events.contains("disconnect transport error"));
    assertThat(events).anyMatch(e -> e.contains("larger than 4096 bytes"));
    awaitReconnected();
  }

  @Test
  void serverThatNeverAnswersTimesOut() throws Exception {
    // accepts TCP connections (the backlog does) but never reads nor answers
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
      CompletableFuture<ConnectError> error = new CompletableFuture<>();
      socket =
          IO.socket(
              "http://127.0.0.1:" + silent.getLocalPort(),
              kind.options()
                  .forceNew(true)
                  .reconnection(false)
                  .timeout(Duration.ofMillis(500))
                  .build());
      socket.on("connect_error", (ConnectError e) -> error.complete(e));
      ConnectError e = error.get(10, TimeUnit.SECONDS);
      assertThat(e.getMessage()).isEqualTo("timeout");
      assertThat(e.isRefusal()).isFalse();
      assertThat(socket.connected()).isFalse();
      assertThat(socket.io().isOpen()).isFalse();
    }
  }
}
