package io.sio4j.client.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.sio4j.client.ClientOptions;
import io.sio4j.client.Manager;
import io.sio4j.client.internal.http.JdkHttpConnector;
import io.sio4j.protocol.engineio.EnginePacket;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The Java client against hostile servers (issue 14, "The Java client under a flooding server"): a
 * flood of tiny messages while the listener is slow, one endless WebSocket message, and the JDK
 * HttpClient's threads after close. Real sockets and the real JDK connector.
 */
class ClientBoundsTest {
  private static final String HANDSHAKE =
      "0{\"sid\":\"s\",\"upgrades\":[],\"pingInterval\":600000,\"pingTimeout\":600000,"
          + "\"maxPayload\":1000000}";
  private static final Duration WAIT = Duration.ofSeconds(30);

  private final BlockingQueue<String> events = new LinkedBlockingQueue<>();

  @Test
  void floodWithASlowListenerPausesReadingAtTheQueueBound() throws Exception {
    int total = 20_000;
    int bound = 32;
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger received = new AtomicInteger();
    try (RawWebSocketServer server =
        new RawWebSocketServer(
            s -> {
              s.text(HANDSHAKE);
              for (int i = 0; i < total; i++) s.text("4m" + i);
              s.flush();
            })) {
      ClientOptions options =
          ClientOptions.builder().transports("websocket").maxQueuedIncomingMessages(bound).build();
      EngineClient engine =
          open(
              server.port(),
              options,
              p -> {
                // the slow listener: stuck on the first message until the test lets it go
                if (received.incrementAndGet() == 1) await(release);
              });
      awaitTrue(() -> engine.queuedHighWater() >= bound);
      release.countDown();
      awaitTrue(() -> received.get() == total);
      assertThat(engine.queuedHighWater()).isEqualTo(bound);
    }
  }

  @Test
  void endlessWebSocketMessageIsCutAtMaxIncomingBytes() throws Exception {
    byte[] chunk = new byte[60_000];
    java.util.Arrays.fill(chunk, (byte) 'x');
    try (RawWebSocketServer server =
        new RawWebSocketServer(
            s -> {
              s.text(HANDSHAKE);
              s.frame(1, false, chunk);
              while (true) s.frame(0, false, chunk); // never ends, until the client hangs up
            })) {
      ClientOptions options =
          ClientOptions.builder().transports("websocket").maxIncomingBytes(1 << 20).build();
      open(server.port(), options, p -> {});
      assertThat(next()).isEqualTo("open");
      assertThat(next())
          .isEqualTo(
              "error websocket error: WebSocket message larger than 1048576 bytes"
                  + " (maxIncomingBytes): connection dropped");
      assertThat(next()).isEqualTo("close transport error");
      // java.net.http may not send 1009 (see JdkHttpConnector): the connection is dropped instead
      assertThat(server.clientCloseCode.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(-1);
    }
  }

  @Test
  void closeEndsTheManagersThreadAndItsHttpClientSelector() throws Exception {
    Set<String> before = threads("SelectorManager");
    try (RawWebSocketServer server =
        new RawWebSocketServer(
            s -> {
              s.text(HANDSHAKE);
              s.flush();
            })) {
      Manager manager =
          Manager.create(
              "http://127.0.0.1:" + server.port(),
              ClientOptions.builder()
                  .transports("websocket")
                  .reconnection(false)
                  .autoConnect(false)
                  .build());
      CountDownLatch opened = new CountDownLatch(1);
      // the listener first, then open: an autoConnect Manager may open before on() is reached
      manager.on("open", opened::countDown);
      manager.open();
      assertThat(opened.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
      Set<String> ours = threads("SelectorManager");
      ours.removeAll(before);
      assertThat(ours).as("the Manager's HttpClient selector").hasSize(1);
      Set<String> loops = threads("sio4j-client-");

      manager.close();
      awaitTrue(() -> threads("sio4j-client-").stream().noneMatch(loops::contains));
      if (Runtime.version().feature() >= 21) {
        // HttpClient.shutdownNow() exists from Java 21: its selector thread ends with the Manager
        awaitTrue(() -> threads("SelectorManager").stream().noneMatch(ours::contains));
      }
    }
  }

  private EngineClient open(int port, ClientOptions options, MessageHandler onMessage) {
    ClientLoop loop = ClientLoop.create();
    EngineClient engine =
        new EngineClient(
            EngineUris.of(URI.create("http://127.0.0.1:" + port), options),
            options,
            JdkHttpConnector.create(options),
            loop,
            new EngineClient.Listener() {
              @Override
              public void onOpen(EngineClient e) {
                events.add("open");
              }

              @Override
              public void onMessage(EnginePacket p) {
                onMessage.handle(p);
              }

              @Override
              public void onPing() {}

              @Override
              public void onError(Throwable error) {
                events.add("error " + error.getMessage());
              }

              @Override
              public void onClose(String reason, Throwable cause) {
                events.add("close " + reason);
              }
            },
            new AtomicBoolean());
    loop.execute(engine::open);
    return engine;
  }

  private interface MessageHandler {
    void handle(EnginePacket p);
  }

  private String next() throws InterruptedException {
    String e = events.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(e).as("an engine event").isNotNull();
    return e;
  }

  private static void await(CountDownLatch latch) {
    try {
      assertThat(latch.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Polls a condition until it holds, failing after {@link #WAIT}. */
  private static void awaitTrue(BooleanSupplier condition) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline)
        throw new AssertionError("condition not met within " + WAIT);
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
    }
  }

  private static Set<String> threads(String nameContains) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .map(t -> t.getName() + "#" + t.getId())
        .filter(n -> n.contains(nameContains))
        .collect(Collectors.toSet());
  }
}
