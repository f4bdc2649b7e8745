package io.sio4j.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * CONNECT, CONNECT_ERROR, middlewares, DISCONNECT and the connection lifecycle, over a fake engine.
 */
class ConnectLifecycleTest {
  private final SocketIoServer io =
      SocketIoServer.builder().connectTimeout(Duration.ofMillis(300)).build();
  private final List<FakeConnection> conns = new CopyOnWriteArrayList<>();

  private FakeConnection connect() {
    FakeConnection c = FakeConnection.connect(io);
    conns.add(c);
    return c;
  }

  @AfterEach
  void tearDown() {
    conns.forEach(FakeConnection::shutdown);
  }

  @Test
  void connectsToMainNamespaceWithSocketIdAndAuth() throws Exception {
    CompletableFuture<Socket> connected = new CompletableFuture<>();
    io.on("connection", connected::complete);
    FakeConnection c = connect();
    c.text("0{\"token\":\"123\"}");
    String reply = c.next();
    assertThat(reply).startsWith("0{\"sid\":\"");
    Socket socket = connected.get(5, TimeUnit.SECONDS);
    assertThat(reply).isEqualTo("0{\"sid\":\"" + socket.id() + "\"}");
    Handshake h = socket.handshake();
    assertThat(h.auth().path("token").asText()).isEqualTo("123");
    assertThat(h.address()).isEqualTo("127.0.0.1");
    assertThat(h.url()).isEqualTo("/socket.io/?EIO=4&transport=websocket");
    assertThat(h.query()).containsEntry("EIO", "4");
    assertThat(h.header("Host")).isEqualTo("localhost");
    assertThat(h.secure()).isFalse();
    assertThat(h.xdomain()).isFalse();
    assertThat(h.issued()).isEqualTo(h.time().toEpochMilli());
    assertThat(socket.rooms()).containsExactly(socket.id());
    assertThat(io.sockets().sockets()).containsKey(socket.id());
  }

  /** Without auth: an empty object, shared and read-only (issue 12), equal on every call. */
  @Test
  void aConnectWithoutAuthGetsAnEmptyReadOnlyAuth() throws Exception {
    CompletableFuture<Socket> connected = new CompletableFuture<>();
    io.on("connection", connected::complete);
    FakeConnection c = connect();
    c.text("0");
    assertThat(c.next()).startsWith("0{\"sid\":\"");
    Socket socket = connected.get(5, TimeUnit.SECONDS);
    com.fasterxml.jackson.databind.JsonNode auth = socket.handshake().auth();
    assertThat(auth.isObject()).isTrue();
    assertThat(auth.isEmpty()).isTrue();
    assertThat(auth.toString()).isEqualTo("{}");
    com.fasterxml.jackson.databind.JsonNode copy = auth.deepCopy(); // a mutable copy, equal
    assertThat(copy.equals(auth)).isTrue();
    assertThat(socket.handshake()).isEqualTo(socket.handshake());
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> ((com.fasterxml.jackson.databind.node.ObjectNode) auth).put("k", "v"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  /** {@code rooms()} is a read-only view, not a copy per call (issue 14: quadratic loops). */
  @Test
  void roomsIsAReadOnlyViewThatFollowsJoinsAndLeaves() throws Exception {
    CompletableFuture<Socket> connected = new CompletableFuture<>();
    io.on("connection", connected::complete);
    FakeConnection c = connect();
    c.text("0");
    assertThat(c.next()).startsWith("0{");
    Socket socket = connected.get(5, TimeUnit.SECONDS);
    java.util.Set<String> rooms = socket.rooms();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> rooms.add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> rooms.remove(socket.id()))
        .isInstanceOf(UnsupportedOperationException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(rooms::clear)
        .isInstanceOf(UnsupportedOperationException.class);
    socket.join("r1", "r2");
    assertThat(rooms).containsExactlyInAnyOrder(socket.id(), "r1", "r2");
    assertThat(rooms.contains("r1")).isTrue();
    socket.leave("r1");
    assertThat(rooms).containsExactlyInAnyOrder(socket.id(), "r2").hasSize(2);
    assertThat(io.sockets().adapter().rooms().get("r2")).containsExactly(socket.id());
  }

  @Test
  void unknownNamespaceGetsInvalidNamespace() {
    FakeConnection c = connect();
    c.text("0/random,");
    assertThat(c.next()).isEqualTo("4/random,{\"message\":\"Invalid namespace\"}");
    assertThat(c.isOpen()).isTrue();
  }

  @Test
  void middlewareRefusalReachesClientWithMessageAndData() {
    io.of("/admin")
        .use((socket, next) -> next.fail(new ConnectError("not authorized", Map.of("retry", 5))));
    FakeConnection c = connect();
    c.text("0/admin,");
    assertThat(c.next())
        .isEqualTo("4/admin,{\"message\":\"not authorized\",\"data\":{\"retry\":5}}");
    assertThat(io.of("/admin").sockets()).isEmpty();
  }

  @Test
  void middlewareThatThrowsRefusesWithItsMessage() {
    io.use(
        (socket, next) -> {
          throw new IllegalStateException("boom");
        });
    FakeConnection c = connect();
    c.text("0");
    assertThat(c.next()).isEqualTo("4{\"message\":\"boom\"}");
  }

  @Test
  void asyncMiddlewareRunsInOrderAndSeesAuth() {
    List<String> order = new CopyOnWriteArrayList<>();
    io.use(
        (socket, next) -> {
          order.add("1:" + socket.handshake().auth().path("k").asText());
          CompletableFuture.runAsync(next::proceed);
        });
    io.use(
        (socket, next) -> {
          order.add("2");
          next.proceed();
        });
    FakeConnection c = connect();
    c.text("0{\"k\":\"v\"}");
    assertThat(c.next()).startsWith("0{\"sid\"");
    assertThat(order).containsExactly("1:v", "2");
  }

  @Test
  void secondConnectForSameNamespaceClosesTheConnection() throws Exception {
    CompletableFuture<String> reason = new CompletableFuture<>();
    io.on("connection", s -> s.onRaw("disconnect", (a, ack) -> reason.complete(a.get(0).asText())));
    FakeConnection c = connect();
    c.text("0");
    assertThat(c.next()).startsWith("0{");
    c.text("0");
    assertThat(reason.get(5, TimeUnit.SECONDS)).isEqualTo("forced server close");
    await().atMost(Duration.ofSeconds(5)).until(() -> !c.isOpen());
  }

  @Test
  void invalidPacketClosesWithParseError() throws Exception {
    CompletableFuture<String> reason = new CompletableFuture<>();
    io.on("connection", s -> s.onRaw("disconnect", (a, ack) -> reason.complete(a.get(0).asText())));
    FakeConnection c = connect();
    c.text("0");
    c.next();
    c.text("2[{\"toString\":\"foo\"}]");
    assertThat(reason.get(5, TimeUnit.SECONDS)).isEqualTo("parse error");
    await().atMost(Duration.ofSeconds(5)).until(() -> !c.isOpen());
  }

  @Test
  void noConnectWithinConnectTimeoutClosesTheConnection() {
    FakeConnection c = connect();
    await().atMost(Duration.ofSeconds(5)).until(() -> !c.isOpen());
  }

  @Test
  void clientDisconnectKeepsTheConnectionAndLeavesRooms() throws Exception {
    CompletableFuture<String> reason = new CompletableFuture<>();
    CompletableFuture<Socket> connected = new CompletableFuture<>();
    io.on(
        "connection",
        s -> {
          s.join("room1");
          s.onRaw("disconnect", (a, ack) -> reason.complete(a.get(0).asText()));
          connected.complete(s);
        });
    FakeConnection c = connect();
    c.text("0");
    c.next();
    Socket s = connected.get(5, TimeUnit.SECONDS);
    assertThat(io.sockets().adapter().rooms()).containsKey("room1");
    c.text("1");
    assertThat(reason.get(5, TimeUnit.SECONDS)).isEqualTo("client namespace disconnect");
    assertThat(c.isOpen()).isTrue();
    assertThat(io.sockets().adapter().rooms()).doesNotContainKey("room1");
    assertThat(s.connected()).isFalse();
  }

  @Test
  void serverDisconnectSendsDisconnectPacket() throws Exception {
    CompletableFuture<String> reason = new CompletableFuture<>();
    io.of("/custom")
        .on(
            "connection",
            s -> {
              s.onRaw("disconnect", (a, ack) -> reason.complete(a.get(0).asText()));
              s.disconnect();
            });
    FakeConnection c = connect();
    c.text("0/custom,");
    assertThat(c.next()).startsWith("0/custom,{");
    assertThat(c.next()).isEqualTo("1/custom,");
    assertThat(reason.get(5, TimeUnit.SECONDS)).isEqualTo("server namespace disconnect");
  }

  @Test
  void disconnectTrueClosesEveryNamespaceAndTheConnection() throws Exception {
    CompletableFuture<Socket> main = new CompletableFuture<>();
    io.on("connection", main::complete);
    CompletableFuture<String> customReason = new CompletableFuture<>();
    io.of("/custom")
        .on(
            "connection",
            s -> s.onRaw("disconnect", (a, ack) -> customReason.complete(a.get(0).asText())));
    FakeConnection c = connect();
    c.text("0");
    c.next();
    c.text("0/custom,");
    c.next();
    main.get(5, TimeUnit.SECONDS).disconnect(true);
    assertThat(customReason.get(5, TimeUnit.SECONDS)).isEqualTo("server namespace disconnect");
    await().atMost(Duration.ofSeconds(5)).until(() -> !c.isOpen());
  }

  @Test
  void transportCloseReachesDisconnectingThenDisconnect() throws Exception {
    List<String> events = new CopyOnWriteArrayList<>();
    CompletableFuture<Void> done = new CompletableFuture<>();
    io.on(
        "connection",
        s -> {
          s.join("r");
          s.onRaw(
              "disconnecting",
              (a, ack) ->
                  events.add("disconnecting:" + a.get(0).asText() + ":" + s.rooms().contains("r")));
          s.onRaw(
              "disconnect",
              (a, ack) -> {
                events.add("disconnect:" + a.get(0).asText());
                done.complete(null);
              });
        });
    FakeConnection c = connect();
    c.text("0");
    c.next();
    c.drop("transport close");
    done.get(5, TimeUnit.SECONDS);
    assertThat(events)
        .containsExactly("disconnecting:transport close:true", "disconnect:transport close");
  }
}
