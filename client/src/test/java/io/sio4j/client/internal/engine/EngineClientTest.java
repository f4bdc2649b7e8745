package io.sio4j.client.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.sio4j.client.ClientOptions;
import io.sio4j.client.transport.HttpConnector;
import io.sio4j.protocol.engineio.EngineCodec;
import io.sio4j.protocol.engineio.EnginePacket;
import io.sio4j.testkit.VirtualClock;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Engine.IO client over a scripted HTTP connector: no network, the test plays the server. */
class EngineClientTest {
  private static final String HANDSHAKE =
      "0{\"sid\":\"s\",\"upgrades\":[\"websocket\"],\"pingInterval\":%d,\"pingTimeout\":%d,"
          + "\"maxPayload\":%d}";

  /** Records requests; GETs wait for the test, POSTs are answered "ok" at once. */
  private static final class ScriptedHttp implements HttpConnector {
    final BlockingQueue<CompletableFuture<Response>> gets = new LinkedBlockingQueue<>();
    final BlockingQueue<String> posts = new LinkedBlockingQueue<>();
    final BlockingQueue<Request> requests = new LinkedBlockingQueue<>();
    final BlockingQueue<String> webSockets = new LinkedBlockingQueue<>();

    @Override
    public CompletableFuture<Response> send(Request request) {
      requests.add(request);
      if (request.method().equals("GET")) {
        CompletableFuture<Response> f = new CompletableFuture<>();
        gets.add(f);
        return f;
      }
      posts.add(request.body());
      return CompletableFuture.completedFuture(new Response(200, "ok"));
    }

    @Override
    public CompletableFuture<WebSocketConnection> openWebSocket(
        URI uri, Map<String, List<String>> headers, WebSocketListener listener) {
      webSockets.add(uri.getRawQuery() + " " + new java.util.TreeMap<>(headers));
      return CompletableFuture.failedFuture(new IOException("no WebSocket here"));
    }

    @Override
    public void close() {}

    void answerGet(String body) throws InterruptedException {
      CompletableFuture<Response> f = gets.poll(5, TimeUnit.SECONDS);
      assertThat(f).as("a pending GET").isNotNull();
      f.complete(new Response(200, body));
    }
  }

  private final VirtualClock clock = new VirtualClock();
  private final ClientLoop loop = ClientLoop.create("engine-client-test", () -> true, clock);
  private final ScriptedHttp http = new ScriptedHttp();
  private final BlockingQueue<String> events = new LinkedBlockingQueue<>();
  private EngineClient engine;

  @AfterEach
  void tearDown() {
    loop.execute(() -> engine.close());
  }

  private void open(ClientOptions options) {
    engine =
        new EngineClient(
            EngineUris.of(URI.create("http://test.invalid"), options),
            options,
            http,
            loop,
            new EngineClient.Listener() {
              @Override
              public void onOpen(EngineClient e) {
                events.add("open");
              }

              @Override
              public void onMessage(EnginePacket p) {
                events.add(p.isBinary() ? "binary " + p.binary().length : "message " + p.text());
              }

              @Override
              public void onPing() {
                events.add("ping");
              }

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
  }

  private String next() throws InterruptedException {
    String e = events.poll(5, TimeUnit.SECONDS);
    assertThat(e).as("an engine event").isNotNull();
    return e;
  }

  private static ClientOptions polling() {
    return ClientOptions.builder().transports("polling").build();
  }

  @Test
  void batchesWritesWithinMaxPayloadKeepingOrder() throws Exception {
    open(polling());
    http.answerGet(String.format(HANDSHAKE, 25000, 20000, 100));
    assertThat(next()).isEqualTo("open");
    loop.execute(
        () -> {
          for (int i = 0; i < 10; i++)
            engine.send(EnginePacket.message("m" + i + "-" + "x".repeat(30)));
        });
    List<String> received = new ArrayList<>();
    while (received.size() < 10) {
      String body = http.posts.poll(5, TimeUnit.SECONDS);
      assertThat(body).as("a POST").isNotNull();
      assertThat(body.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(100);
      for (EnginePacket p : EngineCodec.decodePayload(body, 100)) received.add(p.text());
    }
    for (int i = 0; i < 10; i++) assertThat(received.get(i)).startsWith("m" + i + "-");
  }

  @Test
  void answersPingsAndDeliversTextAndBinaryMessages() throws Exception {
    open(polling());
    http.answerGet(String.format(HANDSHAKE, 25000, 20000, 100000));
    assertThat(next()).isEqualTo("open");
    http.answerGet("2\u001e4hello\u001ebAQID");
    assertThat(next()).isEqualTo("ping");
    assertThat(next()).isEqualTo("message hello");
    assertThat(next()).isEqualTo("binary 3");
    assertThat(http.posts.poll(5, TimeUnit.SECONDS)).isEqualTo("3");
  }

  /** Waits until every task queued on the loop so far ran (what a clock advance handed it). */
  private void drainLoop() throws InterruptedException {
    loop.execute(() -> events.add("drained"));
    assertThat(next()).isEqualTo("drained");
  }

  @Test
  void noPingWithinIntervalPlusTimeoutClosesTheSession() throws Exception {
    open(polling());
    http.answerGet(String.format(HANDSHAKE, 25000, 20000, 100000));
    assertThat(next()).isEqualTo("open");
    clock.advance(Duration.ofMillis(44_999));
    drainLoop();
    clock.advance(Duration.ofMillis(1));
    assertThat(next()).isEqualTo("close ping timeout");
  }

  @Test
  void aPingResetsTheDeadline() throws Exception {
    open(polling());
    http.answerGet(String.format(HANDSHAKE, 300, 200, 100000));
    assertThat(next()).isEqualTo("open");
    clock.advance(Duration.ofMillis(400));
    http.answerGet("2");
    assertThat(next()).isEqualTo("ping");
    // the deadline counts from the ping (at 400 ms), not from the handshake: 900 ms
    clock.advance(Duration.ofMillis(499));
    drainLoop();
    clock.advance(Duration.ofMillis(1));
    assertThat(next()).isEqualTo("close ping timeout");
  }

  @Test
  void invalidHandshakeIsAnError() throws Exception {
    open(polling());
    http.answerGet("0{\"upgrades\":[]}");
    assertThat(next()).startsWith("error invalid handshake");
    assertThat(next()).isEqualTo("close transport error");
  }

  @Test
  void failedUpgradeProbeKeepsPolling() throws Exception {
    open(ClientOptions.DEFAULTS);
    http.answerGet(String.format(HANDSHAKE, 25000, 20000, 100000));
    assertThat(next()).isEqualTo("open");
    // the WebSocket probe fails (the connector refuses it): polling goes on
    http.answerGet("4still polling");
    assertThat(next()).isEqualTo("message still polling");
    loop.execute(() -> engine.send(EnginePacket.message("out")));
    assertThat(http.posts.poll(5, TimeUnit.SECONDS)).isEqualTo("4out");
  }

  @Test
  void tryAllTransportsOpensTheNextTransportWhenTheFirstFailsBeforeTheHandshake() throws Exception {
    open(
        ClientOptions.builder()
            .tryAllTransports(true)
            .protocols("chat")
            .transportHeader("websocket", "X-Ws", "w")
            .transportHeader("polling", "X-Polling", "p")
            .requestTimeout(Duration.ofSeconds(3))
            .build());
    HttpConnector.Request first = http.requests.poll(5, TimeUnit.SECONDS);
    assertThat(first.timeout()).isEqualTo(Duration.ofSeconds(3));
    assertThat(first.headers()).containsKey("X-Polling").doesNotContainKey("X-Ws");
    http.gets.poll(5, TimeUnit.SECONDS).completeExceptionally(new IOException("refused"));
    // polling failed before any handshake: WebSocket gets its chance, with its own options
    assertThat(http.webSockets.poll(5, TimeUnit.SECONDS))
        .startsWith("EIO=4&transport=websocket")
        .contains("Sec-WebSocket-Protocol=[chat]", "X-Ws=[w]")
        .doesNotContain("X-Polling");
    // and when the last one fails too, the attempt fails
    assertThat(next()).startsWith("error websocket error");
    assertThat(next()).isEqualTo("close transport error");
  }

  @Test
  void withoutTryAllTransportsTheFirstFailureEndsTheAttempt() throws Exception {
    open(ClientOptions.DEFAULTS);
    http.gets.poll(5, TimeUnit.SECONDS).completeExceptionally(new IOException("refused"));
    assertThat(next()).startsWith("error xhr poll error");
    assertThat(next()).isEqualTo("close transport error");
    assertThat(http.webSockets).isEmpty();
  }
}
