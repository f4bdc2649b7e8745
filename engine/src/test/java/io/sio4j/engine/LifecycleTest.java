package io.sio4j.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Server shutdown closes every session with "server shutting down" and is idempotent. */
class LifecycleTest {
  @Test
  void shutdownClosesSessions() throws Exception {
    TestEngine e = new TestEngine();
    e.openPolling();
    EngineSocket socket = e.await("connection").socket();
    assertThat(e.server.clientsCount()).isEqualTo(1);
    e.server.shutdown().get();
    assertThat(e.await("close").text()).isEqualTo("server shutting down");
    assertThat(socket.isOpen()).isFalse();
    assertThat(e.server.clientsCount()).isZero();
    e.server.shutdown().get();
    e.close();
  }

  /** A connection that never sends a request (the "silent channel" attack) is closed. */
  @Test
  void silentConnectionsAreClosedAfterAHeartbeatRoundAndAMargin() throws Exception {
    try (TestEngine e =
            new TestEngine(
                b ->
                    b.pingInterval(java.time.Duration.ofMillis(100))
                        .pingTimeout(java.time.Duration.ofMillis(100)));
        java.net.Socket silent = new java.net.Socket("127.0.0.1", e.port)) {
      silent.setSoTimeout(15_000);
      // EOF (not a read timeout): the server closed it
      assertThat(silent.getInputStream().read()).isEqualTo(-1);
      assertThat(e.get("EIO=4&transport=polling").statusCode()).isEqualTo(200);
    }
  }
}
