package io.sio4j.interop.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sio4j.client.ClientOptions;
import io.sio4j.client.ConnectError;
import io.sio4j.client.IO;
import io.sio4j.client.Socket;
import io.sio4j.protocol.event.Ack;
import io.sio4j.protocol.event.Arguments;
import io.sio4j.testkit.NodeProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The client's v3 mode ({@link ClientOptions#eio3()}) against the official Node server 2.x (npm
 * socket.io 2.5, interop/node/node-server-v2.mjs): events, acks both ways, binary, namespaces with
 * auth, a refusal, the client's pings, over polling, WebSocket and the upgrade.
 */
@ParameterizedClass(name = "on {0}")
@EnumSource(TransportKind.class)
class ClientEio3InteropTest {
  /** The client's HTTP and WebSocket stack: java.net.http or OkHttp (client-okhttp). */
  @Parameter TransportKind kind;

  private static final Duration WAIT = Duration.ofSeconds(15);
  private NodeProcess server;
  private int port;
  private final List<Socket> sockets = new ArrayList<>();

  @BeforeEach
  void start() {
    server = NodeProcess.start("node-server-v2.mjs", "{\"pingInterval\":600,\"pingTimeout\":1500}");
    port = server.await("listening", WAIT).get("port").asInt();
  }

  @AfterEach
  void stop() {
    sockets.forEach(Socket::disconnect);
    server.close();
  }

  private Socket socket(String nsp, String mode, Object auth) {
    ClientOptions.Builder b = kind.options().eio3(true).forceNew(true).reconnection(false);
    if (mode.equals("polling")) b.transports("polling");
    if (mode.equals("websocket")) b.transports("websocket");
    if (auth != null) b.auth(auth);
    Socket s = IO.socket("http://127.0.0.1:" + port + nsp, b.build());
    sockets.add(s);
    return s;
  }

  @ParameterizedTest
  @ValueSource(strings = {"polling", "websocket", "upgrade"})
  void eventsAcksAndBinaryWithANode2Server(String mode) throws Exception {
    Socket s = socket("/", mode, null);
    CompletableFuture<Object[]> welcome = new CompletableFuture<>();
    CompletableFuture<Void> connected = new CompletableFuture<>();
    s.on("welcome", (String text, byte[] data) -> welcome.complete(new Object[] {text, data}));
    s.on("connect", () -> connected.complete(null));
    s.on("question", (Integer n, Ack ack) -> ack.send("answer", n * 6));
    s.connect();
    connected.get(15, TimeUnit.SECONDS);
    JsonNode conn = server.await("connection", WAIT);
    // protocol v4: the id of "/" is the Engine.IO id, as the server sees it
    assertThat(s.id()).isEqualTo(conn.path("id").asText());
    if (mode.equals("upgrade")) {
      assertThat(server.await("upgrade", WAIT).path("transport").asText()).isEqualTo("websocket");
    }
    Object[] w = welcome.get(15, TimeUnit.SECONDS);
    assertThat(w[0]).isEqualTo("hi");
    assertThat((byte[]) w[1]).containsExactly(1, 2, 3);

    Arguments r = s.emitWithAck("ack", "a", new byte[] {9, 8}).get(15, TimeUnit.SECONDS);
    assertThat(r.get(0, String.class)).isEqualTo("ok");
    assertThat(r.get(1, String.class)).isEqualTo("a");
    assertThat(r.get(2, byte[].class)).containsExactly(9, 8);

    s.emit("ask");
    assertThat(server.await("answer", WAIT).path("args").toString()).isEqualTo("[\"answer\",42]");

    // pingInterval 600 ms: the client pings (v3), the server answers, the session stays up
    // (pingTimeout 1.5 s: a cold JVM on a loaded machine may stall more than the suite's 200 ms)
    server.await("heartbeat", WAIT);
    server.await("heartbeat", WAIT);
    assertThat(s.connected()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"polling", "websocket", "upgrade"})
  void namespacesWithAuthAndARefusal(String mode) throws Exception {
    Socket admin = socket("/admin", mode, Map.of("token", "abc"));
    CompletableFuture<String> hello = new CompletableFuture<>();
    admin.on("admin-hello", (String token) -> hello.complete(token));
    admin.connect();
    assertThat(hello.get(15, TimeUnit.SECONDS)).isEqualTo("abc");
    JsonNode conn = server.await(n -> "/admin".equals(n.path("nsp").asText()), WAIT);
    assertThat(admin.id()).isEqualTo(conn.path("id").asText()).startsWith("/admin#");

    Socket refused = socket("/admin", mode, Map.of("token", "wrong"));
    CompletableFuture<ConnectError> error = new CompletableFuture<>();
    refused.on("connect_error", (ConnectError e) -> error.complete(e));
    refused.connect();
    assertThat(error.get(15, TimeUnit.SECONDS).getMessage()).isEqualTo("not authorized");
    assertThat(refused.connected()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"polling", "websocket", "upgrade"})
  void againstOurOwnServerWithAllowEio3(String mode) throws Exception {
    io.sio4j.server.SocketIoServer ours =
        io.sio4j.server.SocketIoServer.builder()
            .host("127.0.0.1")
            .port(0)
            .allowEIO3(true)
            .build()
            .start();
    try {
      CompletableFuture<io.sio4j.server.Socket> admin = new CompletableFuture<>();
      ours.on("connection", so -> so.on("ack", (String a, Ack ack) -> ack.send("ok", a)));
      ours.of("/admin").on("connection", admin::complete);
      port = ours.address().getPort();
      Socket main = socket("/", mode, null);
      Socket adm = socket("/admin", mode, Map.of("token", "abc"));
      CompletableFuture<Void> both = new CompletableFuture<>();
      adm.on("connect", () -> both.complete(null));
      main.connect();
      adm.connect();
      both.get(15, TimeUnit.SECONDS);
      assertThat(admin.get(15, TimeUnit.SECONDS).handshake().auth().path("token").asText())
          .isEqualTo("abc");
      assertThat(adm.id()).isEqualTo(admin.get().id()).startsWith("/admin#");
      Arguments r = main.emitWithAck("ack", "x").get(15, TimeUnit.SECONDS);
      assertThat(r.get(1, String.class)).isEqualTo("x");
    } finally {
      sockets.forEach(Socket::disconnect);
      sockets.clear();
      ours.close();
    }
  }
}
