package io.sio4j.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Options default to the official adapter's and are validated. */
class RedisAdapterOptionsTest {
  @Test
  void defaultsAreTheOfficialOnes() {
    assertThat(RedisAdapterOptions.DEFAULTS.key()).isEqualTo("socket.io");
    assertThat(RedisAdapterOptions.DEFAULTS.requestsTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(RedisAdapterOptions.DEFAULTS.publishOnSpecificResponseChannel()).isFalse();
  }

  @Test
  void invalidValuesAreRefused() {
    assertThatThrownBy(() -> RedisAdapterOptions.builder().key("").build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RedisAdapterOptions.builder().requestsTimeout(Duration.ZERO).build())
        .isInstanceOf(IllegalArgumentException.class);
  }
}
