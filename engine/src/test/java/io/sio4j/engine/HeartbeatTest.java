package io.sio4j.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sio4j.testkit.VirtualClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Server pings every pingInterval; a missing pong closes with "ping timeout" (v4 direction). Time
 * is a {@link VirtualClock} with the official defaults (25 s / 20 s): the tests advance it.
 */
class HeartbeatTest {
  private static final Duration INTERVAL = Duration.ofSeconds(25);
  private static final Duration TIMEOUT = Duration.ofSeconds(20);

  private final VirtualClock clock = new VirtualClock();
  private TestEngine engine;

  @BeforeEach
  void start() {
    engine = new TestEngine(b -> b.scheduler(clock).pingInterval(INTERVAL).pingTimeout(TIMEOUT));
  }

  @AfterEach
  void stop() {
    engine.close();
  }

  @Test
  void pongsKeepThePollingSessionAliveForSeveralRounds() throws Exception {
    String sid = engine.openPolling();
    String q = "EIO=4&transport=polling&sid=" + sid;
    for (int i = 0; i < 4; i++) {
      clock.advance(INTERVAL);
      assertThat(engine.get(q).body()).isEqualTo("2");
      assertThat(engine.post(q, "3").statusCode()).isEqualTo(200);
      // the pong cancelled the ping timeout: only the next ping is pending
      await().atMost(TestEngine.WAIT).until(() -> clock.pendingDelays().equals(List.of(INTERVAL)));
    }
    assertThat(engine.server.clientsCount()).isEqualTo(1);
    assertThat(engine.events.stream().map(TestEngine.Event::type)).doesNotContain("close");
  }

  @Test
  void missingPongClosesWithPingTimeoutAtTheDeadline() throws Exception {
    String sid = engine.openPolling();
    String q = "EIO=4&transport=polling&sid=" + sid;
    clock.advance(INTERVAL);
    assertThat(engine.get(q).body()).isEqualTo("2");
    clock.advance(TIMEOUT.minusMillis(1));
    assertThat(clock.pendingDelays()).containsExactly(Duration.ofMillis(1));
    clock.advance(Duration.ofMillis(1));
    TestEngine.Event closed = engine.await("close");
    assertThat(closed.text()).isEqualTo("ping timeout");
    assertThat(engine.get(q).statusCode()).isEqualTo(400);
    assertThat(clock.pending()).isZero();
  }

  @Test
  void pingFromTheClientIsAnError() throws Exception {
    String sid = engine.openPolling();
    engine.post("EIO=4&transport=polling&sid=" + sid, "2");
    TestEngine.Event closed = engine.await("close");
    assertThat(closed.text()).isEqualTo("transport error");
    assertThat(new String(closed.bytes())).isEqualTo("invalid heartbeat direction");
  }
}
