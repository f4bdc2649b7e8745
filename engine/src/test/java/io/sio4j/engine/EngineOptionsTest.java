package io.sio4j.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Defaults equal the official engine.io server's; the builder validates. */
class EngineOptionsTest {
  @Test
  void defaultsAreTheOfficialOnes() {
    EngineOptions o = EngineOptions.builder().build();
    assertThat(o.path()).isEqualTo("/engine.io/");
    assertThat(o.pingInterval()).isEqualTo(Duration.ofSeconds(25));
    assertThat(o.pingTimeout()).isEqualTo(Duration.ofSeconds(20));
    assertThat(o.upgradeTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(o.maxHttpBufferSize()).isEqualTo(1_000_000);
    assertThat(o.transports()).containsExactly("polling", "websocket");
    assertThat(o.allowUpgrades()).isTrue();
    assertThat(o.cookie()).isNull();
    assertThat(o.cors()).isNull();
    assertThat(o.allowRequest()).isNull();
    assertThat(o.addTrailingSlash()).isTrue();
    assertThat(o.httpCompression()).isTrue();
    assertThat(o.httpCompressionThreshold()).isEqualTo(1024);
    assertThat(o.perMessageDeflate()).isFalse();
  }

  @Test
  void builderValidatesAndNormalises() {
    assertThat(EngineOptions.builder().path("socket.io").build().path()).isEqualTo("/socket.io/");
    assertThatThrownBy(() -> EngineOptions.builder().pingInterval(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> EngineOptions.builder().maxHttpBufferSize(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> EngineOptions.builder().transports("webtransport"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> EngineOptions.builder().maxSessions(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> EngineOptions.builder().maxHttpHeaderSize(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> EngineOptions.builder().maxHttpLineLength(-1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> EngineOptions.builder().requestTimeout(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> EngineOptions.builder().memoryBudget(null))
        .isInstanceOf(NullPointerException.class);
    EngineOptions o =
        EngineOptions.builder()
            .maxHttpBufferSize(5)
            .maxSessions(7)
            .maxHttpHeaderSize(100)
            .maxHttpLineLength(50)
            .headersTimeout(Duration.ofSeconds(2))
            .requestTimeout(Duration.ofSeconds(3))
            .memoryBudget(MemoryBudget.ofBytes(9))
            .build();
    EngineOptions copy = o.toBuilder().build();
    assertThat(copy.maxHttpBufferSize()).isEqualTo(5);
    assertThat(copy.maxSessions()).isEqualTo(7);
    assertThat(copy.maxHttpHeaderSize()).isEqualTo(100);
    assertThat(copy.maxHttpLineLength()).isEqualTo(50);
    assertThat(copy.headersTimeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(copy.requestTimeout()).isEqualTo(Duration.ofSeconds(3));
    assertThat(copy.memoryBudget()).isSameAs(o.memoryBudget());
  }
}
