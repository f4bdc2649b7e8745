package io.sio4j.interop.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.sio4j.client.AckTimeoutException;
import io.sio4j.client.ClientOptions;
import io.sio4j.client.IO;
import io.sio4j.client.Socket;
import io.sio4j.protocol.event.Ack;
import io.sio4j.protocol.event.Arguments;
import io.sio4j.server.ConnectError;
import io.sio4j.server.SocketIoServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The same client behaviours against our own server (sio4j-server): transports and upgrade, binary,
 * acks with timeout and retries, middleware refusal, multiplexing, reconnection after a restart and
 * recovery after a cut connection (through a TCP proxy that can drop connections).
 */
@ParameterizedClass
@EnumSource(TransportKind.class)
class ClientSio4jServerTest {
  @Parameter TransportKind kind;

  record Point(int x, int y) {}

  private final List<SocketIoServer> servers = new CopyOnWriteArrayList<>();
  private final Map<String, AtomicInteger> receipts = new ConcurrentHashMap<>();
  private final List<String> serverEvents = new CopyOnWriteArrayList<>();
  private TcpProxy proxy;
  private Socket socket;

  @AfterEach
  void tearDown() {
    if (socket != null) socket.io().close();
    if (proxy != null) proxy.close();
    servers.forEach(SocketIoServer::close);
  }

  private SocketIoServer startServer(boolean recovery) {
    var b =
        SocketIoServer.builder()
            .host("127.0.0.1")
            .port(0)
            .pingInterval(Duration.ofMillis(500))
            .pingTimeout(Duration.ofMillis(400));
    if (recovery) b.connectionStateRecovery(Duration.ofMinutes(1), true);
    SocketIoServer io = b.build();
    io.on("connection", this::fixtures);
    io.of("/chat").on("connection", this::fixtures);
    io.of("/admin")
        .use(
            (s, next) -> {
              if (s.handshake().auth().path("token").asText().equals("secret")) next.proceed();
              else next.fail(new ConnectError("not authorized", Map.of("reason", "bad token")));
            })
        .on("connection", this::fixtures);
    io.start();
    servers.add(io);
    return io;
  }

  private void fixtures(io.sio4j.server.Socket s) {
    serverEvents.add("connection " + s.nsp().name() + " " + s.id() + " " + s.recovered());
    s.onRaw("echo", (args, ack) -> s.emit("echo", args.toArray()));
    s.onRaw("ack", (args, ack) -> ack.send(args.toArray()));
    s.onRaw("no-answer", (args, ack) -> serverEvents.add("no-answer"));
    s.onRaw(
        "flaky",
        (args, ack) -> {
          int n =
              receipts.computeIfAbsent(args.toString(), k -> new AtomicInteger()).incrementAndGet();
          serverEvents.add("flaky " + n);
          if (n >= 2) ack.send("ok", n);
        });
    s.on(
        "ask",
        (String q) ->
            s.timeout(Duration.ofSeconds(5))
                .emitWithAck("question", q)
                .thenAccept(r -> serverEvents.add("answer " + r.json())));
  }

  private String url(SocketIoServer io, String nsp) {
    return "http://127.0.0.1:" + io.address().getPort() + nsp;
  }

  private ClientOptions.Builder opts(String transport) {
    ClientOptions.Builder b =
        kind.options()
            .forceNew(true)
            .reconnectionDelay(Duration.ofMillis(200))
            .reconnectionDelayMax(Duration.ofMillis(400));
    return switch (transport) {
      case "websocket" -> b.transports("websocket");
      case "polling" -> b.transports("polling");
      default -> b;
    };
  }

  @ParameterizedTest
  @ValueSource(strings = {"websocket", "polling", "upgrade"})
  void eventsBinaryAndAcksBothWays(String transport) throws Exception {
    SocketIoServer io = startServer(false);
    CompletableFuture<Point> echoed = new CompletableFuture<>();
    socket = IO.socket(url(io, "/"), opts(transport).build());
    socket.on("echo", (Point p) -> echoed.complete(p));
    socket.on("question", (String q, Ack ack) -> ack.send(q + "!"));
    await().until(socket::connected);
    socket.emit("echo", new Point(1, 2));
    assertThat(echoed.get(10, TimeUnit.SECONDS)).isEqualTo(new Point(1, 2));

    Arguments r =
        socket.emitWithAck("ack", Map.of("b", new byte[] {4, 5}), "s").get(10, TimeUnit.SECONDS);
    assertThat(r.get(0).get("b").binaryValue()).containsExactly(4, 5);
    assertThat(r.get(1, String.class)).isEqualTo("s");

    socket.emit("ask", "why");
    await().until(() -> serverEvents.contains("answer [\"why!\"]"));
    if (transport.equals("upgrade")) {
      await()
          .until(
              () ->
                  io.sockets()
                      .sockets()
                      .values()
                      .iterator()
                      .next()
                      .transport()
                      .equals("websocket"));
    }
  }

  @Test
  void ackTimeoutAndRetries() throws Exception {
    SocketIoServer io = startServer(false);
    socket =
        IO.socket(
            url(io, "/"), opts("websocket").ackTimeout(Duration.ofMillis(300)).retries(2).build());
    await().until(socket::connected);
    Arguments r = socket.emitWithAck("flaky", "x").get(10, TimeUnit.SECONDS);
    assertThat(r.get(1, Integer.class)).isEqualTo(2);
    CompletableFuture<Arguments> never = socket.emitWithAck("no-answer");
    assertThatThrownBy(() -> never.get(10, TimeUnit.SECONDS))
        .hasCauseInstanceOf(AckTimeoutException.class);
    assertThat(serverEvents.stream().filter("no-answer"::equals).count()).isEqualTo(3);
  }

  @Test
  void middlewareRefusalAndMultiplexing() throws Exception {
    SocketIoServer io = startServer(false);
    CompletableFuture<io.sio4j.client.ConnectError> refused = new CompletableFuture<>();
    socket = IO.socket(url(io, "/"), opts("websocket").build());
    Socket chat = socket.io().socket("/chat");
    Socket admin =
        socket.io().socket("/admin", opts("websocket").auth(Map.of("token", "no")).build());
    admin.on("connect_error", (io.sio4j.client.ConnectError e) -> refused.complete(e));
    io.sio4j.client.ConnectError e = refused.get(10, TimeUnit.SECONDS);
    assertThat(e.isRefusal()).isTrue();
    assertThat(e.getMessage()).isEqualTo("not authorized");
    assertThat(e.data().get("reason").asText()).isEqualTo("bad token");
    await().until(() -> socket.connected() && chat.connected());
    assertThat(io.engine().clientsCount()).isEqualTo(1);
    Socket admin2 =
        IO.socket(
            url(io, "/admin"),
            opts("websocket").forceNew(false).auth(Map.of("token", "secret")).build());
    await().until(admin2::connected);
    admin2.io().close();
  }

  @Test
  void reconnectsWhenTheServerComesBack() throws Exception {
    SocketIoServer first = startServer(false);
    proxy = new TcpProxy(first.address().getPort());
    List<String> events = new CopyOnWriteArrayList<>();
    socket = IO.socket("http://127.0.0.1:" + proxy.port() + "/", opts("websocket").build());
    socket.on("disconnect", (String reason) -> events.add("disconnect " + reason));
    socket.io().on("reconnect", (Integer n) -> events.add("reconnect"));
    await().until(socket::connected);
    String id = socket.id();
    first.close();
    proxy.dropAll();
    SocketIoServer second = startServer(false);
    proxy.retarget(second.address().getPort());
    await().atMost(Duration.ofSeconds(15)).until(() -> events.contains("reconnect"));
    await().until(socket::connected);
    assertThat(socket.id()).isNotEqualTo(id);
    assertThat(events.get(0)).isIn("disconnect transport close", "disconnect transport error");
  }

  @Test
  void recoversAfterTheConnectionIsCut() throws Exception {
    SocketIoServer io = startServer(true);
    proxy = new TcpProxy(io.address().getPort());
    List<String> news = new CopyOnWriteArrayList<>();
    socket = IO.socket("http://127.0.0.1:" + proxy.port() + "/", opts("websocket").build());
    socket.on("news", (String n) -> news.add(n));
    await().until(socket::connected);
    String id = socket.id();
    io.emit("news", "one");
    await().until(() -> news.contains("one"));
    proxy.dropAll();
    await().until(() -> !socket.connected());
    io.emit("news", "two");
    await().atMost(Duration.ofSeconds(10)).until(socket::connected);
    assertThat(socket.recovered()).isTrue();
    assertThat(socket.id()).isEqualTo(id);
    await().until(() -> news.size() == 2);
    assertThat(news).containsExactly("one", "two");
  }
}
