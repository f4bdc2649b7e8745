package io.sio4j.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.sio4j.testkit.VirtualClock;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * An ack timeout fires even when the socket never connects and its Manager has gone idle (the
 * JavaScript client's {@code socket.timeout(ms).emit(...)} fails after {@code ms} while offline).
 * Time is a {@link VirtualClock}.
 */
class AckTimeoutWhileOfflineTest {

  @Test
  void timeoutFiresWhenTheServerIsNeverReachable() throws Exception {
    VirtualClock clock = new VirtualClock();
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    Socket socket =
        IO.socket(
            "http://127.0.0.1:" + closedPort,
            ClientOptions.builder().reconnection(false).forceNew(true).scheduler(clock).build());
    try {
      var future = socket.timeout(Duration.ofSeconds(5)).emitWithAck("hello", 1);
      // the emit is registered on the Manager's thread: its timer then waits on the clock
      await()
          .atMost(10, TimeUnit.SECONDS)
          .until(() -> clock.pendingDelays().contains(Duration.ofSeconds(5)));
      clock.advance(Duration.ofSeconds(5).minusMillis(1));
      assertThat(future).isNotDone();
      clock.advance(Duration.ofMillis(1));
      assertThatThrownBy(() -> future.get(10, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(AckTimeoutException.class);
      assertThat(socket.connected()).isFalse();
    } finally {
      socket.close();
    }
  }
}
