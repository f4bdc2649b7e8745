package io.sio4j.client.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sio4j.protocol.ProtocolException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the client reads the Engine.IO handshake, including what ClientHandshakeFuzzTest found. */
class HandshakeTest {
  private static final List<String> BOTH = List.of("polling", "websocket");

  @Test
  void readsTheOfficialHandshake() throws Exception {
    Handshake h =
        Handshake.parse(
            "{\"sid\":\"s1\",\"upgrades\":[\"websocket\"],\"pingInterval\":25000,"
                + "\"pingTimeout\":20000,\"maxPayload\":1000000}",
            BOTH);
    assertThat(h)
        .isEqualTo(
            new Handshake(
                "s1",
                Duration.ofSeconds(25),
                Duration.ofSeconds(20),
                1_000_000,
                List.of("websocket")));
  }

  /**
   * Found by ClientHandshakeFuzzTest (corpus entry huge-intervals): an interval near Long.MAX_VALUE
   * ms overflowed {@code Duration.toNanos()} when the ping timer was scheduled, which threw out of
   * the handshake after the session was marked open and left the Manager hanging.
   */
  @Test
  void hugeIntervalsAreClampedSoTheyCanBeScheduled() throws Exception {
    Handshake h =
        Handshake.parse(
            "{\"sid\":\"s\",\"pingInterval\":9223372036854775807,\"pingTimeout\":-1}", BOTH);
    assertThat(h.pingInterval()).isEqualTo(Handshake.MAX_INTERVAL);
    assertThat(h.pingTimeout()).isEqualTo(Duration.ZERO);
    assertThat(h.pingInterval().plus(h.pingTimeout()).toNanos()).isPositive();
  }

  @Test
  void upgradesAreFilteredToTheClientsTransports() throws Exception {
    Handshake h =
        Handshake.parse(
            "{\"sid\":\"s\",\"pingInterval\":1,\"upgrades\":[\"websocket\",\"websocket\",7,\"x\"]}",
            List.of("polling"));
    assertThat(h.upgrades()).isEmpty();
  }

  @Test
  void malformedHandshakesAreProtocolErrors() {
    for (String bad : List.of("", "[]", "{\"sid\":1,\"pingInterval\":1}", "{\"sid\":\"s\"}", "{")) {
      assertThatThrownBy(() -> Handshake.parse(bad, BOTH)).isInstanceOf(ProtocolException.class);
    }
  }
}
