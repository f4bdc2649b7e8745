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
}
