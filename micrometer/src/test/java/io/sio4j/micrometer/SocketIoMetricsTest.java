package io.sio4j.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sio4j.client.ClientOptions;
import io.sio4j.client.IO;
import io.sio4j.server.AckTimeoutException;
import io.sio4j.server.Socket;
import io.sio4j.server.SocketIoServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One test per meter: real traffic from the Java client (or raw Engine.IO polling requests where a
 * client must misbehave) against a server on 127.0.0.1, then the value read from a registry.
 */
class SocketIoMetricsTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final List<io.sio4j.client.Socket> clients = new ArrayList<>();
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private SocketIoServer sio;

  private String start(java.util.function.UnaryOperator<io.sio4j.server.ServerBuilder> custom) {
    sio = custom.apply(SocketIoServer.builder().host("127.0.0.1").port(0)).build();
    SocketIoMetrics.bind(sio, registry);
    sio.start();
    return "http://127.0.0.1:" + sio.address().getPort();
  }

  private io.sio4j.client.Socket client(String url, ClientOptions options) {
    io.sio4j.client.Socket s = IO.socket(url, options.toBuilder().forceNew(true).build());
    clients.add(s);
    return s;
  }

  private io.sio4j.client.Socket connected(String url, ClientOptions options) throws Exception {
    CompletableFuture<Void> up = new CompletableFuture<>();
    io.sio4j.client.Socket s = client(url, options);
    s.once("connect", () -> up.complete(null));
    up.get(10, TimeUnit.SECONDS);
    return s;
  }

  private static ClientOptions websocketOnly() {
    return ClientOptions.builder().transports("websocket").reconnection(false).build();
  }

  @AfterEach
  void tearDown() {
    clients.forEach(io.sio4j.client.Socket::close);
    if (sio != null) sio.close();
  }

  private double counter(String name, String... tags) {
    Counter c = registry.find(name).tags(tags).counter();
    return c == null ? 0 : c.count();
  }

  @Test
  void connectedSocketsGaugePerNamespace() throws Exception {
    String url = start(b -> b);
    sio.of("/chat");
    connected(url + "/chat", websocketOnly());
    connected(url + "/chat", websocketOnly());
    connected(url, websocketOnly());
    await()
        .atMost(WAIT)
        .until(
            () -> {
              Gauge g =
                  registry.find("socketio.sockets.connected").tag("namespace", "/chat").gauge();
              return g != null && g.value() == 2;
            });
    assertThat(registry.get("socketio.sockets.connected").tag("namespace", "/").gauge().value())
        .isEqualTo(1);
    clients.get(0).disconnect();
    await()
        .atMost(WAIT)
        .until(
            () ->
                registry.get("socketio.sockets.connected").tag("namespace", "/chat").gauge().value()
                    == 1);
  }

  @Test
  void connectionsAndDisconnectionsByReason() throws Exception {
    String url = start(b -> b);
    CompletableFuture<Socket> second = new CompletableFuture<>();
    sio.on(
        "connection",
        s -> {
          if (sio.sockets().sockets().size() == 2) second.complete(s);
        });
    io.sio4j.client.Socket first = connected(url, websocketOnly());
    connected(url, websocketOnly());
    assertThat(counter("socketio.connections", "namespace", "/")).isEqualTo(2);
    first.disconnect();
    second.get(10, TimeUnit.SECONDS).disconnect();
    await()
        .atMost(WAIT)
        .until(
            () ->
                counter(
                            "socketio.disconnections",
                            "namespace",
                            "/",
                            "reason",
                            "client namespace disconnect")
                        == 1
                    && counter(
                            "socketio.disconnections",
                            "namespace",
                            "/",
                            "reason",
                            "server namespace disconnect")
                        == 1);
  }

  @Test
  void refusedHandshakesByCode() throws Exception {
    String url = start(b -> b);
    assertThat(get(url + "/socket.io/?EIO=4&transport=carrier-pigeon").statusCode()).isEqualTo(400);
    assertThat(get(url + "/socket.io/?EIO=3&transport=polling").statusCode()).isEqualTo(400);
    assertThat(get(url + "/socket.io/?EIO=4&transport=polling&sid=nope").statusCode())
        .isEqualTo(400);
    assertThat(counter("socketio.handshakes.refused", "code", "0")).isEqualTo(1);
    assertThat(counter("socketio.handshakes.refused", "code", "5")).isEqualTo(1);
    assertThat(counter("socketio.handshakes.refused", "code", "1")).isEqualTo(1);
  }

  @Test
  void packetsAndBytesInAndOutByTransport() throws Exception {
    String url = start(b -> b);
    sio.on("connection", s -> s.onRaw("echo", (args, ack) -> ack.send(args)));
    io.sio4j.client.Socket s = connected(url, websocketOnly());
    s.emitWithAck("echo", "héllo").get(10, TimeUnit.SECONDS);
    // in: CONNECT "40" (2 bytes) and the event 420["echo","héllo"] (2 + 18 bytes, é is 2 bytes)
    await().atMost(WAIT).until(() -> counter("socketio.packets.in", "transport", "websocket") >= 2);
    assertThat(counter("socketio.bytes.in", "transport", "websocket"))
        .isGreaterThanOrEqualTo(2 + 2 + "0[\"echo\",\"héllo\"]".getBytes("UTF-8").length);
    // out: OPEN, CONNECT reply, the ack
    assertThat(counter("socketio.packets.out", "transport", "websocket")).isGreaterThanOrEqualTo(3);
    assertThat(counter("socketio.bytes.out", "transport", "websocket")).isGreaterThan(50);
    assertThat(counter("socketio.packets.in", "transport", "polling")).isZero();
  }

  @Test
  void broadcastsAndTheirFanOut() throws Exception {
    String url = start(b -> b);
    CompletableFuture<Void> got = new CompletableFuture<>();
    connected(url, websocketOnly());
    connected(url, websocketOnly()).on("news", (String n) -> got.complete(null));
    sio.emit("news", "hi");
    got.get(10, TimeUnit.SECONDS);
    assertThat(counter("socketio.broadcasts", "namespace", "/")).isEqualTo(1);
    DistributionSummary fanOut =
        registry.get("socketio.broadcast.recipients").tag("namespace", "/").summary();
    assertThat(fanOut.count()).isEqualTo(1);
    assertThat(fanOut.totalAmount()).isEqualTo(2);
  }

  @Test
  void ackRoundTripAndTimeouts() throws Exception {
    String url = start(b -> b);
    CompletableFuture<Socket> server = new CompletableFuture<>();
    sio.on("connection", server::complete);
    io.sio4j.client.Socket c = connected(url, websocketOnly());
    c.onRaw("ping", (args, ack) -> ack.send("pong"));
    Socket s = server.get(10, TimeUnit.SECONDS);
    s.emitWithAck("ping").get(10, TimeUnit.SECONDS);
    Timer rtt = registry.get("socketio.ack.roundtrip").tag("namespace", "/").timer();
    assertThat(rtt.count()).isEqualTo(1);
    assertThat(rtt.totalTime(TimeUnit.NANOSECONDS)).isPositive();

    CompletableFuture<?> unanswered = s.timeout(Duration.ofMillis(50)).emitWithAck("silence");
    await().atMost(WAIT).until(unanswered::isDone);
    assertThat(unanswered)
        .failsWithin(Duration.ZERO)
        .withThrowableOfType(java.util.concurrent.ExecutionException.class)
        .withCauseInstanceOf(AckTimeoutException.class);
    assertThat(counter("socketio.ack.timeouts", "namespace", "/")).isEqualTo(1);
  }

  @Test
  void upgrades() throws Exception {
    String url = start(b -> b);
    CompletableFuture<Socket> server = new CompletableFuture<>();
    sio.on("connection", server::complete);
    connected(url, ClientOptions.builder().reconnection(false).build());
    Socket s = server.get(10, TimeUnit.SECONDS);
    await().atMost(WAIT).until(() -> "websocket".equals(s.transport()));
    assertThat(counter("socketio.upgrades", "transport", "websocket")).isEqualTo(1);
    assertThat(counter("socketio.packets.in", "transport", "polling")).isPositive();
  }

  @Test
  void volatilePacketsDropped() throws Exception {
    String url = start(b -> b);
    // a polling client that connects to "/" and then does not poll: nothing can take a volatile
    sio.on("connection", s -> s.asVolatile().emit("tick", 1));
    String sid = pollingSession(url);
    post(url, sid, "40");
    await().atMost(WAIT).until(() -> counter("socketio.volatile.dropped") == 1);
  }

  @Test
  void sessionsClosedForAFullBuffer() throws Exception {
    String url = start(b -> b.engine(e -> e.maxBufferedBytes(10_000)));
    CompletableFuture<String> reason = new CompletableFuture<>();
    sio.on(
        "connection",
        s -> {
          s.on("disconnect", (String why) -> reason.complete(why));
          s.emit("big", "x".repeat(20_000)); // no poll is waiting: it stays in the buffer
        });
    String sid = pollingSession(url);
    post(url, sid, "40");
    assertThat(reason.get(10, TimeUnit.SECONDS)).isEqualTo("transport error");
    assertThat(counter("socketio.sessions.buffer.full")).isEqualTo(1);
  }

  @Test
  void noMetersWithoutTraffic() {
    start(b -> b);
    assertThat(registry.get("socketio.sockets.connected").gauge().value()).isZero();
    assertThat(counter("socketio.connections", "namespace", "/")).isZero();
  }

  // ---- raw Engine.IO polling, for clients that misbehave on purpose ----

  private String pollingSession(String url) throws Exception {
    HttpResponse<String> open = get(url + "/socket.io/?EIO=4&transport=polling");
    Matcher m = Pattern.compile("\"sid\":\"([^\"]+)\"").matcher(open.body());
    assertThat(m.find()).as(open.body()).isTrue();
    return m.group(1);
  }

  private void post(String url, String sid, String body) throws Exception {
    HttpRequest req =
        HttpRequest.newBuilder(URI.create(url + "/socket.io/?EIO=4&transport=polling&sid=" + sid))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    assertThat(http.send(req, HttpResponse.BodyHandlers.ofString()).body()).isEqualTo("ok");
  }

  private HttpResponse<String> get(String url) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
