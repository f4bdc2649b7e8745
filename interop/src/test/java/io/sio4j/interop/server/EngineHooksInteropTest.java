package io.sio4j.interop.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sio4j.engine.EngineSocket;
import io.sio4j.engine.HandshakeRequest;
import io.sio4j.examples.Container;
import io.sio4j.protocol.engineio.EnginePacket;
import io.sio4j.protocol.engineio.EnginePacketType;
import io.sio4j.server.ServerBuilder;
import io.sio4j.server.Socket;
import io.sio4j.server.SocketIoServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The engine hooks of the official server seen by npm socket.io-client 4.8: {@code engine.use}
 * refusing or letting through a handshake, a {@code headers} cookie the client stores and sends
 * back (on its polling requests and its WebSocket upgrade), {@code initial_headers} once per
 * session, {@code generateId}, {@code socket.conn()} events during an upgrade, {@code packet} /
 * {@code packetCreate} for ping, pong and messages, the {@code close} reason, and {@code
 * socket.request()}. The raw-HTTP view (the 101's headers, refusals, bad hooks) is in engine's
 * {@code EngineHooksTest}. Every test runs on each container: sio4j's Netty server, embedded Jetty
 * and embedded Tomcat (the hooks are added before the server is attached, and carried to the
 * container's engine).
 */
@ParameterizedClass(name = "on {0}")
@EnumSource(Container.class)
class EngineHooksInteropTest {
  /** What carries the bytes. */
  @Parameter Container container;

  private SocketIoServer io;
  private SioClient client;
  private final CompletableFuture<Socket> connected = new CompletableFuture<>();

  private void start(
      UnaryOperator<ServerBuilder> config, java.util.function.Consumer<SocketIoServer> hooks) {
    io = config.apply(SocketIoServer.builder().host("127.0.0.1").port(0)).build();
    hooks.accept(io);
    io.on("connection", connected::complete);
    container.serve(io);
    client = new SioClient("http://127.0.0.1:" + io.address().getPort());
  }

  @AfterEach
  void stop() {
    if (client != null) client.close();
    if (io != null) io.close();
  }

  private static Map<String, Object> opts(String transport, Object... more) {
    Map<String, Object> o = new java.util.HashMap<>();
    if (transport != null) o.put("transports", List.of(transport));
    for (int i = 0; i < more.length; i += 2) o.put((String) more[i], more[i + 1]);
    return o;
  }

  @ParameterizedTest
  @ValueSource(strings = {"polling", "websocket"})
  void engineUseRefusesAHandshake(String transport) {
    AtomicInteger calls = new AtomicInteger();
    start(
        b -> b,
        io ->
            io.engine()
                .use(
                    (req, res, next) -> {
                      calls.incrementAndGet();
                      res.end(401, "text/plain", "login first");
                    }));
    client.connect("a", "/", opts(transport, "reconnection", false));
    JsonNode error = client.await("connect_error", "a");
    if (transport.equals("polling")) {
      assertThat(error.path("message").asText()).isEqualTo("xhr poll error");
      assertThat(error.path("status").asInt()).isEqualTo(401);
    } else {
      assertThat(error.path("message").asText()).isEqualTo("websocket error");
    }
    assertThat(calls.get()).isEqualTo(1);
    assertThat(io.engine().clientsCount()).isZero();
  }

  @Test
  void engineUseFailureIsTheOfficialBadRequest() {
    start(b -> b, io -> io.engine().use((req, res, next) -> next.fail(new SecurityException())));
    client.connect("a", "/", opts("polling", "reconnection", false));
    JsonNode error = client.await("connect_error", "a");
    assertThat(error.path("status").asInt()).isEqualTo(400);
  }

  @ParameterizedTest
  @ValueSource(strings = {"polling", "websocket"})
  void engineUseMayLookUpASessionAsynchronously(String transport) throws Exception {
    Map<String, String> sessions = Map.of("s1", "alice");
    start(
        b -> b,
        io ->
            io.engine()
                .use(
                    (req, res, next) ->
                        // a session store lookup on another thread; the event loop stays free
                        CompletableFuture.supplyAsync(
                                () -> sessions.get(req.cookies().get("app_session")),
                                CompletableFuture.delayedExecutor(20, TimeUnit.MILLISECONDS))
                            .thenAccept(
                                user -> {
                                  if (user != null) next.proceed();
                                  else res.end(403, "text/plain", "who?");
                                })));
    client.connected("a", "/", opts(transport, "extraHeaders", Map.of("cookie", "app_session=s1")));
    Socket s = connected.get(10, TimeUnit.SECONDS);
    assertThat(s.request().cookies()).containsEntry("app_session", "s1");
  }

  @Test
  void aHeadersCookieReachesTheClientWhichSendsItBackIncludingOnTheUpgrade() throws Exception {
    AtomicInteger initial = new AtomicInteger();
    AtomicInteger every = new AtomicInteger();
    List<String> laterRequests = new CopyOnWriteArrayList<>();
    start(
        b -> b,
        io -> {
          io.engine()
              .on(
                  "initial_headers",
                  (h, req) -> {
                    initial.incrementAndGet();
                    h.put("set-cookie", List.of("first=1; Path=/"));
                  });
          io.engine()
              .on(
                  "headers",
                  (h, req) -> {
                    every.incrementAndGet();
                    List<String> cookies = new ArrayList<>(h.getOrDefault("set-cookie", List.of()));
                    cookies.add("hooked=yes; Path=/");
                    h.put("set-cookie", cookies);
                  });
          io.engine()
              .use(
                  (req, res, next) -> {
                    if (req.query().containsKey("sid")) {
                      String kind = req.header("upgrade") != null ? "upgrade" : req.method();
                      laterRequests.add(kind + " " + req.cookies());
                    }
                    next.proceed();
                  });
        });
    // withCredentials gives the Node client its cookie jar (as a browser keeps cookies)
    client.connected("a", "/", opts(null, "withCredentials", true));
    assertThat(client.await("upgrade", "a").path("transport").asText()).isEqualTo("websocket");
    assertThat(laterRequests).isNotEmpty();
    assertThat(laterRequests)
        .allSatisfy(r -> assertThat(r).contains("first=1").contains("hooked=yes"));
    assertThat(laterRequests).anySatisfy(r -> assertThat(r).startsWith("upgrade"));
    assertThat(initial.get()).isEqualTo(1);
    assertThat(every.get()).isGreaterThan(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"polling", "websocket"})
  void generateIdIsTheSessionIdTheClientSees(String transport) throws Exception {
    AtomicInteger n = new AtomicInteger();
    start(b -> b.engine(e -> e.generateId(req -> "app-" + n.incrementAndGet())), io -> {});
    JsonNode c = client.connected("a", "/", opts(transport));
    assertThat(c.path("engineId").asText()).isEqualTo("app-1");
    assertThat(connected.get(10, TimeUnit.SECONDS).conn().id()).isEqualTo("app-1");
  }

  @Test
  void connEventsDuringAPollingToWebSocketUpgrade() throws Exception {
    BlockingQueue<String> events = new LinkedBlockingQueue<>();
    CompletableFuture<EngineSocket> conn = new CompletableFuture<>();
    start(
        b -> b,
        io ->
            io.engine()
                .onConnection(
                    c -> {
                      events.add("transport " + c.transport() + " " + c.readyState());
                      c.on("upgrading", (String t) -> events.add("upgrading " + t));
                      c.on("upgrade", (String t) -> events.add("upgrade " + t));
                      conn.complete(c);
                    }));
    client.connected("a", "/", opts(null));
    assertThat(client.await("upgrade", "a").path("transport").asText()).isEqualTo("websocket");
    Socket s = connected.get(10, TimeUnit.SECONDS);
    assertThat(s.conn()).isSameAs(conn.get());
    List<String> seen = new ArrayList<>();
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> {
              events.drainTo(seen);
              return seen.contains("upgrade websocket");
            });
    assertThat(seen)
        .containsSubsequence("transport polling open", "upgrading websocket", "upgrade websocket");
    assertThat(s.conn().transport()).isEqualTo("websocket");
    assertThat(s.transport()).isEqualTo("websocket");
  }

  @ParameterizedTest
  @ValueSource(strings = {"polling", "websocket"})
  void packetAndPacketCreateSeePingPongAndMessages(String transport) throws Exception {
    List<String> in = new CopyOnWriteArrayList<>();
    List<String> out = new CopyOnWriteArrayList<>();
    AtomicInteger heartbeats = new AtomicInteger();
    AtomicInteger drains = new AtomicInteger();
    List<String> flushed = new CopyOnWriteArrayList<>();
    start(
        b -> b.engine(e -> e.pingInterval(Duration.ofMillis(300))),
        io ->
            io.engine()
                .onConnection(
                    c -> {
                      c.on("packet", (EnginePacket p) -> in.add(p.type() + " " + p.text()));
                      c.on("packetCreate", (EnginePacket p) -> out.add(p.type() + " " + p.text()));
                      c.on("heartbeat", heartbeats::incrementAndGet);
                      c.on("drain", drains::incrementAndGet);
                      c.on(
                          "flush",
                          (List<EnginePacket> packets) ->
                              packets.forEach(p -> flushed.add(p.type() + " " + p.text())));
                    }));
    client.connected("a", "/", opts(transport));
    Socket s = connected.get(10, TimeUnit.SECONDS);
    s.on("hi", (String text) -> s.emit("hello", text));
    client.emit("a", "hi", "there");
    client.awaitEvent("a", "hello");
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> heartbeats.get() > 0);
    assertThat(out).contains(EnginePacketType.PING + " ");
    assertThat(in).contains(EnginePacketType.PONG + " ");
    assertThat(in).anySatisfy(p -> assertThat(p).startsWith("MESSAGE 2[\"hi\",\"there\"]"));
    assertThat(out).anySatisfy(p -> assertThat(p).startsWith("MESSAGE 2[\"hello\",\"there\"]"));
    assertThat(drains.get()).isPositive();
    assertThat(flushed).contains(EnginePacketType.PING + " ");
    assertThat(flushed).anySatisfy(p -> assertThat(p).startsWith("MESSAGE 2[\"hello\""));
  }

  @ParameterizedTest
  @ValueSource(strings = {"polling", "websocket"})
  void closeReasons(String transport) throws Exception {
    // per engine id, so a late event of the first connection cannot pass for the second's
    Map<String, List<String>> closes = new java.util.concurrent.ConcurrentHashMap<>();
    BlockingQueue<String> ids = new LinkedBlockingQueue<>();
    start(b -> b, io -> {});
    io.on(
        "connection",
        s -> {
          String id = s.conn().id();
          ids.add(id);
          s.conn()
              .on(
                  "close",
                  (String reason, String description) ->
                      closes.computeIfAbsent(id, k -> new CopyOnWriteArrayList<>()).add(reason));
        });
    client.connected("a", "/", opts(transport, "reconnection", false));
    String a = ids.poll(10, TimeUnit.SECONDS);
    client.command("drop-transport", "a");
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> closes.containsKey(a));

    client.connected("b", "/", opts(transport, "forceNew", true, "reconnection", false));
    String b = ids.poll(10, TimeUnit.SECONDS);
    io.sockets().disconnectSockets(true);
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> closes.containsKey(b));
    assertThat(closes.get(a)).containsExactly("transport close");
    assertThat(closes.get(b)).containsExactly("forced close");
  }

  @ParameterizedTest
  @ValueSource(strings = {"polling", "websocket"})
  void socketRequestIsTheHandshakeRequest(String transport) throws Exception {
    start(b -> b, io -> {});
    client.connected(
        "a",
        "/",
        opts(
            transport,
            "extraHeaders",
            Map.of("x-app", "demo", "cookie", "a=1; b=2"),
            "query",
            Map.of("token", "t1")));
    HandshakeRequest req = connected.get(10, TimeUnit.SECONDS).request();
    assertThat(req.header("x-app")).isEqualTo("demo");
    assertThat(req.cookies()).containsEntry("a", "1").containsEntry("b", "2");
    assertThat(req.remoteAddress().getAddress().isLoopbackAddress()).isTrue();
    assertThat(req.path()).isEqualTo("/socket.io/");
    assertThat(req.query()).containsEntry("token", "t1").containsEntry("transport", transport);
    assertThat(req.url()).contains("token=t1");
    assertThat(req.principal()).isEmpty();
    assertThat(req.session()).isEmpty();
  }
}
