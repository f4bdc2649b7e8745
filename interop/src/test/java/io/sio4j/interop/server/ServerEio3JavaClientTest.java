package io.sio4j.interop.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.sio4j.protocol.event.Ack;
import io.sio4j.protocol.event.Arguments;
import io.sio4j.server.ConnectError;
import io.sio4j.server.Socket;
import io.sio4j.server.SocketIoServer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code allowEIO3}: the official Java client {@code io.socket:socket.io-client} 1.0.2 (Engine.IO
 * v3, as shipped in older Android apps) against our server, over polling, WebSocket and upgrade.
 */
class ServerEio3JavaClientTest {
  private SocketIoServer io;
  private LegacyJavaClient client;

  @BeforeEach
  void start() {
    io = SocketIoServer.builder().host("127.0.0.1").port(0).allowEIO3(true).build().start();
  }

  @AfterEach
  void stop() throws Exception {
    if (client != null) client.close();
    io.close();
  }

  private String url(String nsp) {
    return "http://127.0.0.1:" + io.address().getPort() + nsp;
  }

  private static List<String> transports(String mode) {
    return switch (mode) {
      case "polling" -> List.of("polling");
      case "websocket" -> List.of("websocket");
      default -> List.of("polling", "websocket");
    };
  }

  @ParameterizedTest
  @ValueSource(strings = {"polling", "websocket", "upgrade"})
  void eventsBinaryAndAcksBothWays(String mode) throws Exception {
    CompletableFuture<Socket> server = new CompletableFuture<>();
    CompletableFuture<byte[]> upload = new CompletableFuture<>();
    io.on(
        "connection",
        s -> {
          s.on("upload", (String name, byte[] data) -> upload.complete(data));
          s.on("double", (Integer n, Ack ack) -> ack.send("ok", n * 2));
          server.complete(s);
        });
    client = new LegacyJavaClient(url("/"), transports(mode), null);
    CompletableFuture<Void> connected = new CompletableFuture<>();
    CompletableFuture<Object[]> download = new CompletableFuture<>();
    client.on("connect", a -> connected.complete(null));
    client.on("download", download::complete);
    client.on("question", a -> ((LegacyJavaClient.RemoteAck) a[a.length - 1]).call("answer", a[0]));
    client.connect();
    connected.get(10, TimeUnit.SECONDS);
    Socket s = server.get(10, TimeUnit.SECONDS);
    assertThat(client.id()).isEqualTo(s.id());

    client.emit("upload", "f.bin", new byte[] {1, 2, (byte) 255});
    assertThat(upload.get(10, TimeUnit.SECONDS)).containsExactly(1, 2, 255);

    CompletableFuture<Object[]> ack = new CompletableFuture<>();
    client.emitWithAck("double", ack::complete, 21);
    assertThat(ack.get(10, TimeUnit.SECONDS)).containsExactly("ok", 42);

    s.emit("download", "x", new byte[] {9, 8});
    Object[] d = download.get(10, TimeUnit.SECONDS);
    assertThat(d[0]).isEqualTo("x");
    assertThat((byte[]) d[1]).containsExactly(9, 8);

    Arguments r = s.emitWithAck("question", 7).get(10, TimeUnit.SECONDS);
    assertThat(r.get(0, String.class)).isEqualTo("answer");
    assertThat(r.get(1, Integer.class)).isEqualTo(7);
  }

  @ParameterizedTest
  @ValueSource(strings = {"polling", "websocket"})
  void namespaceQueryAuthAndMiddlewareRefusal(String mode) throws Exception {
    CompletableFuture<Socket> admin = new CompletableFuture<>();
    io.of("/admin")
        .use(
            (socket, next) -> {
              if ("abc".equals(socket.handshake().auth().path("token").asText())) next.proceed();
              else next.fail(new ConnectError("not authorized"));
            })
        .on("connection", admin::complete);
    client = new LegacyJavaClient(url("/admin"), transports(mode), "token=abc");
    CompletableFuture<Void> connected = new CompletableFuture<>();
    client.on("connect", a -> connected.complete(null));
    client.connect();
    connected.get(10, TimeUnit.SECONDS);
    assertThat(admin.get(10, TimeUnit.SECONDS).id()).startsWith("/admin#");
    client.close();

    client = new LegacyJavaClient(url("/admin"), transports(mode), "token=wrong");
    CompletableFuture<Object> error = new CompletableFuture<>();
    client.on("error", a -> error.complete(a[0]));
    client.connect();
    assertThat(error.get(10, TimeUnit.SECONDS)).isEqualTo("not authorized");
  }
}
