package io.sio4j.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sio4j.testkit.VirtualClock;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The reconnection delays of the JavaScript client (1 s, 2 s, 4 s, then capped at 5 s), driven by a
 * {@link VirtualClock} against a port nothing listens on: each attempt fails at once.
 */
class ReconnectionBackoffTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  @Test
  void delaysDoubleUpToTheMaximumThenTheManagerGivesUp() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    VirtualClock clock = new VirtualClock();
    ClientOptions options =
        ClientOptions.builder()
            .scheduler(clock)
            .autoConnect(false)
            .reconnectionDelay(Duration.ofSeconds(1))
            .reconnectionDelayMax(Duration.ofSeconds(5))
            .randomizationFactor(0)
            .reconnectionAttempts(4)
            .build();
    Manager manager = Manager.create("http://127.0.0.1:" + closedPort, options);
    List<Integer> attempts = new CopyOnWriteArrayList<>();
    CompletableFuture<Void> failed = new CompletableFuture<>();
    manager.on("reconnect_attempt", (Integer n) -> attempts.add(n));
    manager.on("reconnect_failed", () -> failed.complete(null));
    manager.open();
    try {
      int n = 0;
      for (int seconds : new int[] {1, 2, 4, 5}) {
        Duration delay = Duration.ofSeconds(seconds);
        // the attempt failed and the next one waits for exactly this delay
        await().atMost(WAIT).until(() -> clock.pendingDelays().equals(List.of(delay)));
        clock.advance(delay.minusMillis(1));
        assertThat(attempts).hasSize(n);
        clock.advance(Duration.ofMillis(1));
        n++;
        int expected = n;
        await().atMost(WAIT).until(() -> attempts.size() == expected);
      }
      failed.get(WAIT.toSeconds(), TimeUnit.SECONDS);
      assertThat(attempts).containsExactly(1, 2, 3, 4);
      assertThat(clock.pending()).isZero();
    } finally {
      manager.close();
    }
  }
}
