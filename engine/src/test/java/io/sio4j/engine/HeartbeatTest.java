package io.sio4j.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Server pings every pingInterval; a missing pong closes with "ping timeout" (v4 direction). */
class HeartbeatTest {
  private TestEngine engine;

  @BeforeEach
  void start() {
    engine =
        new TestEngine(
            b -> b.pingInterval(Duration.ofMillis(200)).pingTimeout(Duration.ofMillis(300)));
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
      assertThat(engine.get(q).body()).isEqualTo("2");
      assertThat(engine.post(q, "3").statusCode()).isEqualTo(200);
    }
    assertThat(engine.server.clientsCount()).isEqualTo(1);
  }

  @Test
  void missingPongClosesWithPingTimeout() throws Exception {
    String sid = engine.openPolling();
    String q = "EIO=4&transport=polling&sid=" + sid;
    assertThat(engine.get(q).body()).isEqualTo("2");
    TestEngine.Event closed = engine.await("close");
    assertThat(closed.text()).isEqualTo("ping timeout");
    assertThat(engine.get(q).statusCode()).isEqualTo(400);
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
