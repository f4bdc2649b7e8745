package io.sio4j.interop.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import io.sio4j.protocol.event.Ack;
import io.sio4j.server.SocketIoServer;
import io.sio4j.server.adapter.Adapter;
import io.sio4j.server.adapter.AdapterFactory;
import io.sio4j.testkit.LogRecorder;
import io.sio4j.testkit.RedisServerProcess;
import io.socket.client.IO;
import io.socket.client.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A Redis adapter survives its store going away: a private redis-server is killed for 10 s in the
 * middle of traffic between two sio4j nodes (each with a Java client from Maven, {@code
 * io.socket:socket.io-client}), then started again on the same port. Every node keeps serving its
 * own clients; each node logs the outage once and the recovery once, with no stack trace; {@code
 * fetchSockets} and {@code serverSideEmitWithAck} made during the outage fail within their timeout
 * with a clear error; cluster traffic resumes by itself within 5 s of Redis's return. Subclasses
 * pick the adapter.
 */
abstract class RedisOutageContract {
  static final Duration OUTAGE = Duration.ofSeconds(10);
  static final Duration REQUESTS_TIMEOUT = Duration.ofSeconds(3);
  final String key = "sio4j-outage-" + UUID.randomUUID();
  final List<AutoCloseable> toClose = new ArrayList<>();
  private LogRecorder logs;
  private RedisServerProcess redis;
  private ClientResources resources;
  RedisClient client;
  private SocketIoServer a;
  private SocketIoServer b;
  private Socket ca;
  private Socket cb;
  private final BlockingQueue<String> newsA = new LinkedBlockingQueue<>();
  private final BlockingQueue<String> newsB = new LinkedBlockingQueue<>();

  /** One node's adapter on {@link #client} (connections it opens go to {@link #toClose}). */
  abstract AdapterFactory adapter();

  /** How many Redis connections a node opens. */
  int connectionsPerNode() {
    return 2;
  }

  /** Completes once the node's adapter receives the cluster's messages. */
  abstract CompletableFuture<Void> subscribed(Adapter adapter);

  @BeforeEach
  void start() throws Exception {
    redis = RedisServerProcess.launch();
    // Lettuce's default reconnect delay doubles up to 30 s; a cluster that must heal within
    // seconds of Redis's return retries sooner (README, "When Redis goes away")
    resources =
        ClientResources.builder()
            .reconnectDelay(
                Delay.exponential(
                    Duration.ofMillis(100), Duration.ofSeconds(1), 2, TimeUnit.MILLISECONDS))
            .build();
    client = RedisClient.create(resources, redis.uri());
    a = node();
    b = node();
    ca = client(a, newsA);
    cb = client(b, newsB);
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> a.sockets().adapter().serverCount().get() == 2);
    logs = LogRecorder.start();
  }

  private SocketIoServer node() throws Exception {
    SocketIoServer io =
        SocketIoServer.builder().host("127.0.0.1").port(0).adapter(adapter()).build();
    io.on("connection", s -> s.on("echo", (String x, Ack ack) -> ack.send(x)));
    io.onServerSideEmit("ping", (args, ack) -> ack.accept("pong"));
    io.start();
    subscribed(io.sockets().adapter()).get(10, TimeUnit.SECONDS);
    return io;
  }

  private static Socket client(SocketIoServer io, BlockingQueue<String> news) throws Exception {
    IO.Options opts =
        IO.Options.builder()
            .setTransports(new String[] {"websocket"})
            .setReconnection(false)
            .build();
    Socket s = IO.socket(URI.create("http://127.0.0.1:" + io.address().getPort()), opts);
    CompletableFuture<Void> connected = new CompletableFuture<>();
    s.on(Socket.EVENT_CONNECT, x -> connected.complete(null));
    s.on("news", x -> news.add(String.valueOf(x[0])));
    s.connect();
    connected.get(10, TimeUnit.SECONDS);
    return s;
  }

  @AfterEach
  void stop() throws Exception {
    if (logs != null) logs.close();
    if (ca != null) ca.close();
    if (cb != null) cb.close();
    if (a != null) a.close();
    if (b != null) b.close();
    for (AutoCloseable c : toClose) c.close();
    if (client != null) client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    if (resources != null) resources.shutdown(0, 2, TimeUnit.SECONDS);
    if (redis != null) redis.close();
  }

  @Test
  void nodesSurviveATenSecondRedisOutage() throws Exception {
    a.emit("news", "before");
    assertThat(newsB.poll(5, TimeUnit.SECONDS)).isEqualTo("before");
    assertThat(newsA.poll(5, TimeUnit.SECONDS)).isEqualTo("before");

    redis.stop();
    long stopped = System.nanoTime();
    Awaitility.await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> count(Level.WARN, "Redis is unreachable") == 2);

    // requests fail within their timeout, with a clear error
    long asked = System.nanoTime();
    assertThatThrownBy(() -> a.fetchSockets().get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOf(RedisConnectionException.class)
        .hasMessageContaining("Redis is unreachable");
    assertThatThrownBy(() -> b.serverSideEmitWithAck("ping").get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOf(RedisConnectionException.class);
    assertThat(Duration.ofNanos(System.nanoTime() - asked)).isLessThan(REQUESTS_TIMEOUT);

    // every node keeps serving its own clients for the whole outage
    int rounds = 0;
    while (Duration.ofNanos(System.nanoTime() - stopped).compareTo(OUTAGE) < 0) {
      String tag = "local-" + rounds++;
      assertThat(echo(ca, tag)).isEqualTo(tag);
      assertThat(echo(cb, tag)).isEqualTo(tag);
      a.emit("news", tag);
      b.emit("news", tag);
      assertThat(newsA.poll(5, TimeUnit.SECONDS)).isEqualTo(tag); // and not b's
      assertThat(newsB.poll(5, TimeUnit.SECONDS)).isEqualTo(tag);
      Awaitility.await().pollDelay(Duration.ofMillis(200)).until(() -> true); // pace the traffic
    }
    assertThat(rounds).isGreaterThan(10);

    redis.start();
    long back = System.nanoTime();
    Awaitility.await()
        .atMost(Duration.ofSeconds(5))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              a.emit("news", "after");
              return newsB.contains("after");
            });
    Duration healed = Duration.ofNanos(System.nanoTime() - back);
    System.out.printf(
        "%s: cluster traffic resumed %d ms after Redis returned%n",
        getClass().getSimpleName(), healed.toMillis());
    assertThat(a.fetchSockets().get(10, TimeUnit.SECONDS)).hasSize(2);
    Awaitility.await()
        .atMost(Duration.ofSeconds(3))
        .until(() -> count(Level.INFO, "Redis is reachable again") == 2);

    List<ILoggingEvent> ours =
        logs.events().stream().filter(e -> e.getLoggerName().startsWith("io.sio4j")).toList();
    assertThat(count(Level.WARN, "Redis is unreachable")).isEqualTo(2);
    assertThat(count(Level.INFO, "Redis is reachable again")).isEqualTo(2);
    assertThat(ours).as("no stack trace from sio4j").allMatch(e -> e.getThrowableProxy() == null);
    assertThat(ours.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN)))
        .as("warnings from sio4j")
        .hasSize(2);
    List<ILoggingEvent> lettuce =
        logs.events().stream()
            .filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
            .filter(e -> !e.getLoggerName().startsWith("io.sio4j"))
            .toList();
    System.out.printf(
        "%s: other warnings during the outage: %d%n", getClass().getSimpleName(), lettuce.size());
    lettuce.forEach(
        e -> System.out.println("  " + e.getLoggerName() + " " + e.getFormattedMessage()));
  }

  private long count(Level level, String text) {
    return logs.events().stream()
        .filter(e -> e.getLevel() == level && e.getFormattedMessage().contains(text))
        .count();
  }

  private static String echo(Socket c, String text) throws Exception {
    CompletableFuture<String> answer = new CompletableFuture<>();
    c.emit("echo", new Object[] {text}, x -> answer.complete(String.valueOf(x[0])));
    return answer.get(5, TimeUnit.SECONDS);
  }
}
