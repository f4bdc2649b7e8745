package io.sio4j.interop.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.sio4j.protocol.event.Ack;
import io.sio4j.protocol.event.Arguments;
import io.sio4j.server.ConnectError;
import io.sio4j.server.SocketIoServer;
import io.socket.client.IO;
import io.socket.client.Socket;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Smoke suite with the official Java client, io.socket:socket.io-client 2.1.x. */
class ServerJavaClientSmokeTest {
  private SocketIoServer server;
  private Socket client;

  @BeforeEach
  void start() {
    server = SocketIoServer.builder().host("127.0.0.1").port(0).build().start();
  }

  @AfterEach
  void stop() {
    if (client != null) client.close();
    server.close();
  }

  private Socket client(String nsp, Map<String, String> auth, String... transports) {
    io.socket.client.SocketOptionBuilder b =
        IO.Options.builder().setAuth(auth).setReconnection(false);
    if (transports.length > 0) b.setTransports(transports);
    IO.Options opts = b.build();
    client = IO.socket(URI.create("http://127.0.0.1:" + server.address().getPort() + nsp), opts);
    return client;
  }

  @Test
  void connectsEmitsAndAcknowledgesBothWays() throws Exception {
    CompletableFuture<String> serverGot = new CompletableFuture<>();
    CompletableFuture<Arguments> serverAck = new CompletableFuture<>();
    server.on(
        "connection",
        s -> {
          s.on(
              "hello",
              (String who, Ack ack) -> {
                serverGot.complete(who + "/" + s.handshake().auth().path("token").asText());
                ack.send("hi " + who);
              });
          s.emitWithAck("ask", 1).thenAccept(serverAck::complete);
        });
    Socket c = client("/", Map.of("token", "t1"), "polling");
    CompletableFuture<Object> clientAck = new CompletableFuture<>();
    c.on("ask", args -> ((io.socket.client.Ack) args[args.length - 1]).call("answer", args[0]));
    c.on(
        Socket.EVENT_CONNECT,
        args -> c.emit("hello", new Object[] {"java"}, a -> clientAck.complete(a[0])));
    c.connect();
    assertThat(serverGot.get(10, TimeUnit.SECONDS)).isEqualTo("java/t1");
    assertThat(clientAck.get(10, TimeUnit.SECONDS)).isEqualTo("hi java");
    Arguments r = serverAck.get(10, TimeUnit.SECONDS);
    assertThat(r.get(0, String.class)).isEqualTo("answer");
    assertThat(r.get(1, Integer.class)).isEqualTo(1);
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"polling", "websocket"})
  void binaryAndNamespaces(String transport) throws Exception {
    server
        .of("/files")
        .on("connection", s -> s.on("up", (byte[] data) -> s.emit("down", data, data.length)));
    // over polling this client ends its base64 with a line break (Android Base64.DEFAULT)
    Socket c = client("/files", Map.of(), transport);
    CompletableFuture<Object[]> down = new CompletableFuture<>();
    c.on("down", down::complete);
    c.on(Socket.EVENT_CONNECT, a -> c.emit("up", (Object) new byte[] {5, 6, 7}));
    c.connect();
    Object[] args = down.get(10, TimeUnit.SECONDS);
    assertThat((byte[]) args[0]).containsExactly(5, 6, 7);
    assertThat(args[1]).isEqualTo(3);
  }

  @Test
  void middlewareRefusalArrivesAsConnectError() throws Exception {
    server.use((s, next) -> next.fail(new ConnectError("nope", Map.of("code", 42))));
    Socket c = client("/", Map.of());
    CompletableFuture<Object> err = new CompletableFuture<>();
    c.on(Socket.EVENT_CONNECT_ERROR, a -> err.complete(a[0]));
    c.connect();
    JSONObject e = (JSONObject) err.get(10, TimeUnit.SECONDS);
    assertThat(e.getString("message")).isEqualTo("nope");
    assertThat(e.getJSONObject("data").getInt("code")).isEqualTo(42);
  }
}
