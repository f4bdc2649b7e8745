package io.sio4j.client.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BackoffTest {

  @Test
  void withoutJitterDelaysDoubleUpToTheMax() {
    Backoff b = new Backoff(Duration.ofMillis(100), Duration.ofMillis(1000), 0, () -> 0.7);
    assertThat(b.next()).isEqualTo(Duration.ofMillis(100));
    assertThat(b.next()).isEqualTo(Duration.ofMillis(200));
    assertThat(b.next()).isEqualTo(Duration.ofMillis(400));
    assertThat(b.next()).isEqualTo(Duration.ofMillis(800));
    assertThat(b.next()).isEqualTo(Duration.ofMillis(1000));
    assertThat(b.next()).isEqualTo(Duration.ofMillis(1000));
    assertThat(b.attempts()).isEqualTo(6);
    b.reset();
    assertThat(b.next()).isEqualTo(Duration.ofMillis(100));
  }

  @Test
  void jitterDirectionFollowsTheSameDrawAsTheJsClient() {
    // rand 0.25: floor(2.5) = 2, even -> minus 0.25 * 0.5 * 1000 = 125
    assertThat(new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(5), 0.5, () -> 0.25).next())
        .isEqualTo(Duration.ofMillis(875));
    // rand 0.35: floor(3.5) = 3, odd -> plus floor(0.35 * 0.5 * 1000) = 175
    assertThat(new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(5), 0.5, () -> 0.35).next())
        .isEqualTo(Duration.ofMillis(1175));
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 42, 20260611})
  void delaysStayWithinJitterBoundsAndTheMax(long seed) {
    Random random = new Random(seed);
    Backoff b =
        new Backoff(Duration.ofMillis(500), Duration.ofMillis(5000), 0.5, random::nextDouble);
    for (int i = 0; i < 40; i++) {
      long base = (long) Math.min(500 * Math.pow(2, i), 1e12);
      long d = b.next().toMillis();
      assertThat(d).isBetween(Math.min(base / 2, 5000), 5000L);
    }
  }
}
