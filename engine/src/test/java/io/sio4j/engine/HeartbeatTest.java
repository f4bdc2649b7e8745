package io.sio4j.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sio4j.testkit.VirtualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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

  @Test
  void sessionsOnOneLoopShareItsTimersAndKeepTheirOwnDeadlines() throws Exception {
    VirtualClock clock = new VirtualClock();
    try (TestEngine one =
        new TestEngine(
            b -> b.scheduler(clock).pingInterval(INTERVAL).pingTimeout(TIMEOUT).ioThreads(1))) {
      List<String> early = new ArrayList<>();
      List<String> late = new ArrayList<>();
      for (int i = 0; i < 10; i++) early.add(one.openPolling());
      clock.advance(Duration.ofSeconds(10));
      for (int i = 0; i < 10; i++) late.add(one.openPolling());
      // issue 12: one timer for the loop's next pings, armed for the earliest, not one per session
      await()
          .atMost(TestEngine.WAIT)
          .until(() -> clock.pendingDelays().equals(List.of(Duration.ofSeconds(15))));

      clock.advance(Duration.ofSeconds(15)); // t = 25 s: the early sessions' pings are due
      for (String sid : early) assertThat(one.get(q(sid)).body()).isEqualTo("2");
      for (int i = 0; i < 5; i++) one.post(q(early.get(i)), "3"); // half of them answer

      clock.advance(Duration.ofSeconds(10)); // t = 35 s: the late sessions' pings
      for (String sid : late) assertThat(one.get(q(sid)).body()).isEqualTo("2");
      for (String sid : late) one.post(q(sid), "3");

      clock.advance(Duration.ofSeconds(10)); // t = 45 s: the early half that did not answer
      Set<String> timedOut = new HashSet<>();
      for (int i = 0; i < 5; i++) {
        TestEngine.Event closed = one.await("close");
        assertThat(closed.text()).isEqualTo("ping timeout");
        timedOut.add(closed.socket().id());
      }
      assertThat(timedOut).containsExactlyInAnyOrderElementsOf(early.subList(5, 10));
      assertThat(one.server.clientsCount()).isEqualTo(15);

      clock.advance(
          Duration.ofSeconds(5)); // t = 50 s: the next ping of the early half that answered
      for (String sid : early.subList(0, 5)) assertThat(one.get(q(sid)).body()).isEqualTo("2");
      for (String sid : early.subList(5, 10))
        assertThat(one.get(q(sid)).statusCode()).isEqualTo(400);
      assertThat(one.events.stream().filter(e -> e.type().equals("close"))).isEmpty();
    }
  }

  private static String q(String sid) {
    return "EIO=4&transport=polling&sid=" + sid;
  }
}
