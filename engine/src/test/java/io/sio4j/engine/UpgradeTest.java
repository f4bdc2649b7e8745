package io.sio4j.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.sio4j.testkit.VirtualClock;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The polling to WebSocket upgrade: probe, NOOP release of the poll, upgrade, timeout, refusals.
 */
class UpgradeTest {
  private TestEngine engine;

  @BeforeEach
  void start() {
    engine = new TestEngine(b -> b.upgradeTimeout(Duration.ofMillis(400)));
  }

  @AfterEach
  void stop() {
    engine.close();
  }

  private WebSocket connect(String sid, LinkedBlockingQueue<String> frames) throws Exception {
    return engine
        .http
        .newWebSocketBuilder()
        .buildAsync(
            URI.create(
                "ws://127.0.0.1:"
                    + engine.port
                    + "/engine.io/?EIO=4&transport=websocket&sid="
                    + sid),
            new WebSocket.Listener() {
              @Override
              public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                frames.add(data.toString());
                ws.request(1);
                return null;
              }

              @Override
              public CompletionStage<?> onClose(WebSocket ws, int code, String reason) {
                frames.add("closed:" + code);
                return null;
              }
            })
        .get(10, TimeUnit.SECONDS);
  }

  @Test
  void probeNoopAndUpgradeMoveTheSessionToWebSocket() throws Exception {
    String sid = engine.openPolling();
    EngineSocket socket = engine.await("connection").socket();
    String q = "EIO=4&transport=polling&sid=" + sid;
    CompletableFuture<HttpResponse<String>> poll =
        engine.http.sendAsync(
            java.net.http.HttpRequest.newBuilder(URI.create(engine.url(q))).build(),
            HttpResponse.BodyHandlers.ofString());
    LinkedBlockingQueue<String> frames = new LinkedBlockingQueue<>();
    WebSocket ws = connect(sid, frames);
    ws.sendText("2probe", true);
    assertThat(frames.poll(10, TimeUnit.SECONDS)).isEqualTo("3probe");
    // the waiting poll is released with NOOP so the client can pause polling
    assertThat(poll.get(10, TimeUnit.SECONDS).body()).isEqualTo("6");
    assertThat(socket.transport()).isEqualTo("polling");
    socket.send("queued during upgrade");
    ws.sendText("5", true);
    Awaitility.await().atMost(TestEngine.WAIT).until(() -> socket.transport().equals("websocket"));
    assertThat(frames.poll(10, TimeUnit.SECONDS)).isEqualTo("4queued during upgrade");
    ws.sendText("4over ws", true);
    assertThat(frames.poll(10, TimeUnit.SECONDS)).isEqualTo("4over ws");
    // polling with the same sid is now a transport mismatch
    HttpResponse<String> late = engine.get(q);
    assertThat(late.statusCode()).isEqualTo(400);
    assertThat(late.body()).isEqualTo("{\"code\":3,\"message\":\"Bad request\"}");
    // a second WebSocket for the same sid is closed; the first keeps working
    LinkedBlockingQueue<String> frames2 = new LinkedBlockingQueue<>();
    connect(sid, frames2);
    assertThat(frames2.poll(10, TimeUnit.SECONDS)).startsWith("closed:");
    ws.sendText("4still", true);
    assertThat(frames.poll(10, TimeUnit.SECONDS)).isEqualTo("4still");
    assertThat(socket.isOpen()).isTrue();
  }

  /**
   * Like the official server ({@code setInterval(check, 100)} after the probe), the NOOP comes 100
   * ms after the probe and every 100 ms after that, never at once: the client sees nothing
   * unsolicited in its first 100 ms.
   */
  @Test
  void noopReleasesThePollOneHundredMillisecondsAfterTheProbe() throws Exception {
    String sid = engine.openPolling();
    engine.await("connection");
    String q = "EIO=4&transport=polling&sid=" + sid;
    LinkedBlockingQueue<String> frames = new LinkedBlockingQueue<>();
    WebSocket ws = connect(sid, frames);
    // whether it reaches the server before or after the probe, the answer comes from the timer
    CompletableFuture<Long> waiting = pollAnsweredAt(q, "6");
    long probeSent = System.nanoTime();
    ws.sendText("2probe", true);
    assertThat(frames.poll(10, TimeUnit.SECONDS)).isEqualTo("3probe");
    assertThat(waiting.get(10, TimeUnit.SECONDS) - probeSent)
        .isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(100));
    CompletableFuture<Long> next = pollAnsweredAt(q, "6");
    assertThat(next.get(10, TimeUnit.SECONDS) - probeSent)
        .isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(200));
  }

  private CompletableFuture<Long> pollAnsweredAt(String q, String expectedBody) {
    return engine
        .http
        .sendAsync(
            java.net.http.HttpRequest.newBuilder(URI.create(engine.url(q))).build(),
            HttpResponse.BodyHandlers.ofString())
        .thenApply(
            r -> {
              long at = System.nanoTime();
              assertThat(r.body()).isEqualTo(expectedBody);
              return at;
            });
  }

  @Test
  void upgradeThatNeverCompletesTimesOutAndPollingGoesOn() throws Exception {
    VirtualClock clock = new VirtualClock();
    engine.close();
    engine = new TestEngine(b -> b.scheduler(clock).upgradeTimeout(Duration.ofSeconds(10)));
    String sid = engine.openPolling();
    EngineSocket socket = engine.await("connection").socket();
    LinkedBlockingQueue<String> frames = new LinkedBlockingQueue<>();
    WebSocket ws = connect(sid, frames);
    ws.sendText("2probe", true);
    assertThat(frames.poll(10, TimeUnit.SECONDS)).isEqualTo("3probe");
    // no "5" within upgradeTimeout (10 s of the virtual clock): the probe is closed
    clock.advance(Duration.ofSeconds(10).minusMillis(1));
    assertThat(frames).isEmpty();
    clock.advance(Duration.ofMillis(1));
    assertThat(frames.poll(10, TimeUnit.SECONDS)).startsWith("closed:");
    assertThat(socket.isOpen()).isTrue();
    assertThat(socket.transport()).isEqualTo("polling");
    String q = "EIO=4&transport=polling&sid=" + sid;
    assertThat(engine.post(q, "4after").statusCode()).isEqualTo(200);
    assertThat(engine.get(q).body()).isEqualTo("4after");
    // the aborted probe left no timer behind: only the heartbeat's next ping is pending
    assertThat(clock.pending()).isEqualTo(1);
  }

  @Test
  void unexpectedPacketOnTheProbeAbortsOnlyTheUpgrade() throws Exception {
    String sid = engine.openPolling();
    EngineSocket socket = engine.await("connection").socket();
    LinkedBlockingQueue<String> frames = new LinkedBlockingQueue<>();
    WebSocket ws = connect(sid, frames);
    ws.sendText("4not a probe", true);
    assertThat(frames.poll(10, TimeUnit.SECONDS)).startsWith("closed:");
    assertThat(socket.isOpen()).isTrue();
    assertThat(socket.transport()).isEqualTo("polling");
  }

  @Test
  void upgradesCanBeDisabled() throws Exception {
    try (TestEngine noUpgrades = new TestEngine(b -> b.allowUpgrades(false))) {
      HttpResponse<String> open = noUpgrades.get("EIO=4&transport=polling");
      assertThat(open.body()).contains("\"upgrades\":[]");
    }
  }
}
