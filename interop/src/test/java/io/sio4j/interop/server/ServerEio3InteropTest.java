package io.sio4j.interop.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sio4j.examples.Container;
import io.sio4j.protocol.event.Ack;
import io.sio4j.protocol.event.Arguments;
import io.sio4j.server.ConnectError;
import io.sio4j.server.Socket;
import io.sio4j.server.SocketIoServer;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code allowEIO3}: npm socket.io-client 2.5 (Engine.IO v3, Socket.IO protocol v4) against our
 * server over polling, WebSocket and the upgrade, side by side with socket.io-client 4.8, on each
 * host (Netty, Jetty, Tomcat).
 */
@ParameterizedClass(name = "on {0}")
@EnumSource(Container.class)
class ServerEio3InteropTest {
  /** What carries the bytes: sio4j's Netty server, embedded Jetty or embedded Tomcat. */
  @Parameter Container container;

  /**
   * How a v2 client learns that the server closed its session: the CLOSE packet in a waiting poll,
   * or, when no poll was waiting, the 400 its next poll gets.
   */
  private static final String[] GONE = {"transport close", "transport error"};

  private SocketIoServer io;
  private SioClient v2;
  private SioClient v4;
  private final CompletableFuture<Socket> connected = new CompletableFuture<>();

  @BeforeEach
  void start() {
    io = SocketIoServer.builder().host("127.0.0.1").port(0).allowEIO3(true).build();
    io.on("connection", connected::complete);
    container.serve(io);
    v2 = new SioClient("sio-client-v2.mjs", base());
  }

  private String base() {
    return "http://127.0.0.1:" + io.address().getPort();
  }

  @AfterEach
  void stop() {
    v2.close();
    if (v4 != null) v4.close();
    io.close();
  }

  /** The client options per mode: polling only, WebSocket only, or polling then the upgrade. */
  private static Map<String, Object> opts(String mode) {
    return switch (mode) {
      case "polling" -> Map.of("transports", List.of("polling"));
      case "websocket" -> Map.of("transports", List.of("websocket"));
      default -> Map.of();
    };
  }

  private Socket connect(String mode) throws Exception {
    JsonNode c = v2.connected("a", "/", opts(mode));
    Socket s = connected.get(10, TimeUnit.SECONDS);
    // protocol v4: the socket id of the main namespace is the Engine.IO id
    assertThat(c.path("sid").asText()).isEqualTo(s.id()).isEqualTo(c.path("engineId").asText());
    if (mode.equals("upgrade")) {
      assertThat(v2.await("upgrade", "a").path("transport").asText()).isEqualTo("websocket");
    }
    return s;
  }

  @ParameterizedTest
  @ValueSource(strings = {"polling", "websocket", "upgrade"})
  void eventsBinaryAndAcksBothWays(String mode) throws Exception {
    Socket s = connect(mode);
    CompletableFuture<byte[]> upload = new CompletableFuture<>();
    s.on("upload", (String name, byte[] data) -> upload.complete(data));
    s.on("double", (Integer n, Ack ack) -> ack.send("ok", n * 2));

    String b64 = Base64.getEncoder().encodeToString(new byte[] {1, 2, 3, (byte) 255});
    v2.emit("a", "upload", "f.bin", Map.of("$bin", b64));
    assertThat(upload.get(10, TimeUnit.SECONDS)).containsExactly(1, 2, 3, 255);

    int seq = v2.emitWithAck("a", "double", null, 21);
    assertThat(v2.awaitAck("a", seq).path("args").toString()).isEqualTo("[\"ok\",42]");

    s.emit("download", "x", new byte[] {9, 8, 7});
    JsonNode e = v2.awaitEvent("a", "download");
    assertThat(e.path("args").get(0).asText()).isEqualTo("x");
    assertThat(e.path("args").get(1).path("$bin").asText())
        .isEqualTo(Base64.getEncoder().encodeToString(new byte[] {9, 8, 7}));

    Arguments r = s.emitWithAck("question", 7, new byte[] {5}).get(10, TimeUnit.SECONDS);
    assertThat(r.get(0, String.class)).isEqualTo("ack");
    assertThat(r.get(1, Integer.class)).isEqualTo(7);
    assertThat(r.get(2, byte[].class)).containsExactly(5);
  }

  @ParameterizedTest
  @ValueSource(strings = {"polling", "websocket", "upgrade"})
  void namespaceWithQueryAuth(String mode) throws Exception {
    CompletableFuture<Socket> admin = new CompletableFuture<>();
    io.of("/admin").on("connection", admin::complete);
    java.util.HashMap<String, Object> o = new java.util.HashMap<>(opts(mode));
    o.put("query", Map.of("token", "abc"));
    JsonNode c = v2.connected("adm", "/admin", o);
    Socket s = admin.get(10, TimeUnit.SECONDS);
    // protocol v4 ids: "<nsp>#<engine id>"; the namespace query is the auth object
    assertThat(c.path("sid").asText())
        .isEqualTo(s.id())
        .isEqualTo("/admin#" + c.path("engineId").asText());
    assertThat(s.handshake().auth().path("token").asText()).isEqualTo("abc");
    s.emit("hi", "admin");
    assertThat(v2.awaitEvent("adm", "hi").path("args").get(0).asText()).isEqualTo("admin");
    // the main namespace was joined implicitly on the same connection
    assertThat(connected.get(10, TimeUnit.SECONDS).id()).isEqualTo(c.path("engineId").asText());
  }

  @ParameterizedTest
  @ValueSource(strings = {"polling", "websocket"})
  void middlewareRefusalArrivesAsTheV2ErrorEvent(String mode) throws Exception {
    io.of("/private").use((socket, next) -> next.fail(new ConnectError("not authorized")));
    io.of("/withdata")
        .use((socket, next) -> next.fail(new ConnectError("no", Map.of("retry", false))));
    v2.connect("p", "/private", opts(mode));
    assertThat(v2.await("error", "p").path("data").asText()).isEqualTo("not authorized");
    v2.connect("d", "/withdata", opts(mode));
    assertThat(v2.await("error", "d").path("data").path("retry").asBoolean(true)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"polling", "websocket", "upgrade"})
  void roomsAndBroadcastsSharedWithAV4Client(String mode) throws Exception {
    io.on(
        "connection",
        socket -> {
          socket.join("r");
          socket.on("shout", (String text) -> socket.broadcast().emit("heard", text));
        });
    v4 = new SioClient(base());
    v2.connected("old", "/", opts(mode));
    v4.connected("new", "/", opts(mode));
    if (mode.equals("upgrade")) {
      v2.await("upgrade", "old");
      v4.await("upgrade", "new");
    }
    // one broadcast, encoded for each protocol: text and binary reach both clients
    io.to("r").emit("news", "hello", new byte[] {1, 2});
    for (var peer : List.of(Map.entry(v2, "old"), Map.entry(v4, "new"))) {
      JsonNode e = peer.getKey().awaitEvent(peer.getValue(), "news");
      assertThat(e.path("args").get(0).asText()).isEqualTo("hello");
      assertThat(e.path("args").get(1).path("$bin").asText()).isEqualTo("AQI=");
    }
    v2.emit("old", "shout", "from v2");
    assertThat(v4.awaitEvent("new", "heard").path("args").get(0).asText()).isEqualTo("from v2");
    v4.emit("new", "shout", "from v4");
    assertThat(v2.awaitEvent("old", "heard").path("args").get(0).asText()).isEqualTo("from v4");
  }

  @Test
  void malformedV3PayloadsCloseTheSessionCleanly() throws Exception {
    connect("polling");
    Socket s = connected.get(10, TimeUnit.SECONDS);
    CompletableFuture<String> reason = new CompletableFuture<>();
    s.on("disconnect", (String why) -> reason.complete(why));
    v2.node().send(Map.of("cmd", "flood", "id", "a", "body", "7:4hello"));
    assertThat(v2.await("posted", "a").path("status").asInt()).isEqualTo(400);
    assertThat(reason.get(10, TimeUnit.SECONDS)).isEqualTo("parse error");
    assertThat(v2.await("disconnect", "a").path("reason").asText()).isIn(GONE);
  }

  @Test
  void malformedBinaryPayloadAndFloodsAreRefused() throws Exception {
    // many sessions, each sent a different malformed payload: every one is closed, none leaks
    String[] bodies = {"abc", "99999999999:4", "2:b5", "1:9", "5:b4!!!", ":"};
    for (int i = 0; i < bodies.length; i++) {
      String id = "f" + i;
      v2.connected(id, "/", Map.of("transports", List.of("polling"), "forceNew", true));
      v2.node().send(Map.of("cmd", "flood", "id", id, "body", bodies[i]));
      assertThat(v2.await("posted", id).path("status").asInt()).as(bodies[i]).isEqualTo(400);
      assertThat(v2.await("disconnect", id).path("reason").asText()).isIn(GONE);
    }
    v2.connected("bin", "/", Map.of("transports", List.of("polling"), "forceNew", true));
    String badBinary = Base64.getEncoder().encodeToString(new byte[] {0, 9, 9, 9, (byte) 255, '4'});
    v2.node()
        .send(
            Map.of(
                "cmd",
                "flood",
                "id",
                "bin",
                "body",
                badBinary,
                "contentType",
                "application/octet-stream"));
    assertThat(v2.await("posted", "bin").path("status").asInt()).isEqualTo(400);
    assertThat(v2.await("disconnect", "bin").path("reason").asText()).isIn(GONE);
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(10))
        .until(() -> io.sockets().sockets().isEmpty());
  }

  @Test
  void noConnectionStateRecoveryForV2Clients() throws Exception {
    SocketIoServer csr =
        SocketIoServer.builder()
            .host("127.0.0.1")
            .port(0)
            .allowEIO3(true)
            .connectionStateRecovery(java.time.Duration.ofMinutes(2), true)
            .build();
    CompletableFuture<Socket> admin = new CompletableFuture<>();
    csr.of("/admin").on("connection", admin::complete);
    container.serve(csr);
    try (SioClient c = new SioClient("sio-client-v2.mjs", base(csr))) {
      // a v2 client whose namespace query says pid and offset restores nothing
      JsonNode j = c.connected("r", "/admin", Map.of("query", Map.of("pid", "x", "offset", "y")));
      Socket s = admin.get(10, TimeUnit.SECONDS);
      assertThat(s.recovered()).isFalse();
      assertThat(j.path("sid").asText()).isEqualTo(s.id()).startsWith("/admin#");
      s.emit("after", 1);
      assertThat(c.awaitEvent("r", "after").path("args").get(0).asInt()).isEqualTo(1);
    } finally {
      csr.close();
    }
  }

  private static String base(SocketIoServer server) {
    return "http://127.0.0.1:" + server.address().getPort();
  }
}
