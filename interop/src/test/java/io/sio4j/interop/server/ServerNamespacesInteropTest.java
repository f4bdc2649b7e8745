package io.sio4j.interop.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sio4j.server.ConnectError;
import io.sio4j.server.Namespace;
import io.sio4j.server.ParentNamespace;
import io.sio4j.server.Socket;
import io.sio4j.server.SocketIoServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Middlewares with auth and refusals, dynamic namespaces and several namespaces over one
 * connection, with npm socket.io-client 4.8.
 */
class ServerNamespacesInteropTest {
  private SocketIoServer io;
  private SioClient client;

  @BeforeEach
  void start() {
    io =
        SocketIoServer.builder()
            .host("127.0.0.1")
            .port(0)
            .cleanupEmptyChildNamespaces(true)
            .build()
            .start();
    client = new SioClient("http://127.0.0.1:" + io.address().getPort());
  }

  @AfterEach
  void stop() {
    client.close();
    io.close();
  }

  @Test
  void middlewareRefusalReachesClientAsConnectErrorWithData() {
    io.use(
        (socket, next) -> {
          if ("secret".equals(socket.handshake().auth().path("token").asText())) next.proceed();
          else next.fail(new ConnectError("not authorized", Map.of("content", "retry later")));
        });
    client.connect("bad", "/", Map.of("auth", Map.of("token", "wrong"), "reconnection", false));
    JsonNode err = client.await("connect_error", "bad");
    assertThat(err.path("message").asText()).isEqualTo("not authorized");
    assertThat(err.path("data").path("content").asText()).isEqualTo("retry later");

    JsonNode ok = client.connected("good", "/", Map.of("auth", Map.of("token", "secret")));
    assertThat(ok.path("sid").asText()).isNotEmpty();
  }

  @Test
  void unknownNamespaceIsRefused() {
    client.connect("x", "/nope", Map.of("reconnection", false));
    assertThat(client.await("connect_error", "x").path("message").asText())
        .isEqualTo("Invalid namespace");
  }

  @Test
  void dynamicNamespacesWithParentAndNewNamespaceEvent() throws Exception {
    List<String> created = new CopyOnWriteArrayList<>();
    io.onNewNamespace(n -> created.add(n.name()));
    ParentNamespace rooms = io.of(Pattern.compile("^/room-\\d+$"));
    rooms.use((socket, next) -> next.proceed());
    rooms.on("connection", s -> s.emit("welcome", s.nsp().name()));

    client.connect("a", "/room-1");
    assertThat(client.awaitEvent("a", "welcome").path("args").get(0).asText()).isEqualTo("/room-1");
    client.connect("b", "/room-2");
    client.awaitEvent("b", "welcome");
    assertThat(created).containsExactly("/room-1", "/room-2");
    assertThat(rooms.children()).extracting(Namespace::name).contains("/room-1", "/room-2");

    rooms.emit("tick", 1); // reaches every child
    client.awaitEvent("a", "tick");
    client.awaitEvent("b", "tick");

    client.command("disconnect", "a"); // empty child removed (cleanupEmptyChildNamespaces)
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> rooms.children().stream().noneMatch(n -> n.name().equals("/room-1")));

    client.connect("c", "/room-x", Map.of("reconnection", false));
    assertThat(client.await("connect_error", "c").path("message").asText())
        .isEqualTo("Invalid namespace");
  }

  @Test
  void severalNamespacesShareOneConnection() throws Exception {
    CompletableFuture<Socket> main = new CompletableFuture<>();
    CompletableFuture<Socket> admin = new CompletableFuture<>();
    io.on("connection", main::complete);
    io.of("/admin").on("connection", admin::complete);
    client.connected("m", "/", Map.of("transports", List.of("websocket")));
    client.connected("ad", "/admin", Map.of("transports", List.of("websocket")));
    Socket m = main.get(10, TimeUnit.SECONDS);
    Socket a = admin.get(10, TimeUnit.SECONDS);
    assertThat(a.id()).isNotEqualTo(m.id());
    assertThat(io.engine().clientsCount()).isEqualTo(1);
    io.of("/admin").emit("only-admin");
    io.emit("only-main");
    client.awaitEvent("ad", "only-admin");
    client.awaitEvent("m", "only-main");
    assertThat(client.sawEvent("m", "only-admin")).isFalse();

    // leaving one namespace keeps the other
    client.command("disconnect", "ad");
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> io.of("/admin").sockets().isEmpty());
    assertThat(m.connected()).isTrue();
  }
}
