package io.sio4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sio4j.protocol.time.Cancellable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The virtual clock runs due tasks in order, deterministically, and only when advanced. */
class VirtualClockTest {
  private final VirtualClock clock = new VirtualClock();
  private final List<String> ran = new ArrayList<>();

  @Test
  void runsDueTasksInDueOrderThenSchedulingOrder() {
    clock.schedule(() -> ran.add("b"), Duration.ofSeconds(2));
    clock.schedule(() -> ran.add("a"), Duration.ofSeconds(1));
    clock.schedule(() -> ran.add("c"), Duration.ofSeconds(2));
    clock.advance(Duration.ofMillis(999));
    assertThat(ran).isEmpty();
    clock.advance(Duration.ofSeconds(5));
    assertThat(ran).containsExactly("a", "b", "c");
    assertThat(clock.pending()).isZero();
  }

  @Test
  void aTaskSeesItsDueTimeAndItsFollowUpsRunWithinTheSameAdvance() {
    long start = clock.nanoTime();
    List<Long> seen = new ArrayList<>();
    clock.schedule(
        () -> {
          seen.add(clock.nanoTime() - start);
          clock.schedule(() -> seen.add(clock.nanoTime() - start), Duration.ofSeconds(1));
        },
        Duration.ofSeconds(1));
    clock.advance(Duration.ofSeconds(3));
    assertThat(seen).containsExactly(1_000_000_000L, 2_000_000_000L);
    assertThat(clock.nanoTime() - start).isEqualTo(3_000_000_000L);
  }

  @Test
  void cancelledTasksNeverRun() {
    Cancellable t = clock.schedule(() -> ran.add("x"), Duration.ofSeconds(1));
    assertThat(clock.pendingDelays()).containsExactly(Duration.ofSeconds(1));
    t.cancel();
    t.cancel();
    clock.advance(Duration.ofSeconds(2));
    assertThat(ran).isEmpty();
    assertThat(clock.pending()).isZero();
  }

  @Test
  void timeOnlyMovesForward() {
    assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
