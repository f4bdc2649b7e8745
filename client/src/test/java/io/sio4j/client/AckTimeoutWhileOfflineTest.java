package io.sio4j.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * An ack timeout fires even when the socket never connects and its Manager has gone idle (the
 * JavaScript client's {@code socket.timeout(ms).emit(...)} fails after {@code ms} while offline).
 */
class AckTimeoutWhileOfflineTest {

  @Test
  void timeoutFiresWhenTheServerIsNeverReachable() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    Socket socket =
        IO.socket(
            "http://127.0.0.1:" + closedPort,
            ClientOptions.builder().reconnection(false).forceNew(true).build());
    try {
      var future = socket.timeout(Duration.ofMillis(300)).emitWithAck("hello", 1);
      assertThatThrownBy(() -> future.get(10, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(AckTimeoutException.class);
      assertThat(socket.connected()).isFalse();
    } finally {
      socket.close();
    }
  }
}
