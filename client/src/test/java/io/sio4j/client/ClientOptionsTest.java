package io.sio4j.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClientOptionsTest {

  @Test
  void defaultsAreTheJavaScriptClients() {
    ClientOptions o = ClientOptions.DEFAULTS;
    assertThat(o.path()).isEqualTo("/socket.io/");
    assertThat(o.transports()).containsExactly("polling", "websocket");
    assertThat(o.upgrade()).isTrue();
    assertThat(o.rememberUpgrade()).isFalse();
    assertThat(o.reconnection()).isTrue();
    assertThat(o.reconnectionAttempts()).isEqualTo(Integer.MAX_VALUE);
    assertThat(o.reconnectionDelay()).isEqualTo(Duration.ofSeconds(1));
    assertThat(o.reconnectionDelayMax()).isEqualTo(Duration.ofSeconds(5));
    assertThat(o.randomizationFactor()).isEqualTo(0.5);
    assertThat(o.timeout()).isEqualTo(Duration.ofSeconds(20));
    assertThat(o.autoConnect()).isTrue();
    assertThat(o.multiplex()).isTrue();
    assertThat(o.forceNew()).isFalse();
    assertThat(o.ackTimeout()).isNull();
    assertThat(o.retries()).isZero();
    assertThat(o.auth()).isNull();
    assertThat(o.timestampParam()).isEqualTo("t");
  }

  @Test
  void builderCopiesAndIsImmutable() {
    ClientOptions a =
        ClientOptions.builder().query("a", "1").extraHeader("h", "v").auth(Map.of("k", 1)).build();
    ClientOptions b = a.toBuilder().query("b", "2").build();
    assertThat(a.query()).containsOnlyKeys("a");
    assertThat(b.query()).containsOnlyKeys("a", "b");
    assertThat(b.extraHeaders()).containsEntry("h", List.of("v"));
    assertThat(b.auth().get()).isEqualTo(Map.of("k", 1));
    assertThatThrownBy(() -> a.query().put("x", "y"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void authSupplierIsCalledEachTime() {
    int[] n = {0};
    ClientOptions o = ClientOptions.builder().auth(() -> Map.of("n", ++n[0])).build();
    assertThat(o.auth().get()).isEqualTo(Map.of("n", 1));
    assertThat(o.auth().get()).isEqualTo(Map.of("n", 2));
  }

  @Test
  void invalidValuesAreRefused() {
    assertThatThrownBy(() -> ClientOptions.builder().transports().build())
        .hasMessageContaining("transports");
    assertThatThrownBy(() -> ClientOptions.builder().transports("webtransport").build())
        .hasMessageContaining("unknown transport");
    assertThatThrownBy(() -> ClientOptions.builder().path("socket.io").build())
        .hasMessageContaining("path");
    assertThatThrownBy(() -> ClientOptions.builder().randomizationFactor(1.5).build())
        .hasMessageContaining("randomizationFactor");
    assertThatThrownBy(() -> ClientOptions.builder().timeout(Duration.ZERO).build())
        .hasMessageContaining("timeout");
    assertThatThrownBy(() -> ClientOptions.builder().ackTimeout(Duration.ofMillis(-1)).build())
        .hasMessageContaining("ackTimeout");
    assertThatThrownBy(() -> ClientOptions.builder().retries(-1).build())
        .hasMessageContaining("retries");
    assertThatThrownBy(() -> ClientOptions.builder().reconnectionAttempts(-1).build())
        .hasMessageContaining("reconnectionAttempts");
    assertThatThrownBy(() -> ClientOptions.builder().maxIncomingBytes(10).build())
        .hasMessageContaining("maxIncomingBytes");
  }

  @Test
  void theEngineOptionsOfIssue13HaveTheJsDefaultsAndSurviveToBuilder() {
    ClientOptions d = ClientOptions.DEFAULTS;
    assertThat(d.addTrailingSlash()).isTrue();
    assertThat(d.tryAllTransports()).isFalse();
    assertThat(d.transportOptions()).isEmpty();
    assertThat(d.protocols()).isEmpty();
    assertThat(d.requestTimeout()).isNull();
    ClientOptions o =
        ClientOptions.builder()
            .addTrailingSlash(false)
            .tryAllTransports(true)
            .transportQuery("polling", "q", "1")
            .transportHeader("websocket", "h", "v")
            .protocols("chat")
            .requestTimeout(Duration.ofSeconds(30))
            .build();
    ClientOptions copy = o.toBuilder().transportHeader("websocket", "h", "w").build();
    assertThat(copy.addTrailingSlash()).isFalse();
    assertThat(copy.tryAllTransports()).isTrue();
    assertThat(copy.transportOptions().get("polling").query()).containsEntry("q", "1");
    assertThat(copy.transportOptions().get("websocket").extraHeaders().get("h"))
        .containsExactly("v", "w");
    assertThat(o.transportOptions().get("websocket").extraHeaders().get("h")).containsExactly("v");
    assertThat(copy.protocols()).containsExactly("chat");
    assertThat(copy.requestTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThatThrownBy(() -> ClientOptions.builder().transportQuery("webtransport", "a", "b"))
        .hasMessageContaining("unknown transport");
    assertThatThrownBy(() -> ClientOptions.builder().requestTimeout(Duration.ZERO).build())
        .hasMessageContaining("requestTimeout");
    assertThatThrownBy(() -> ClientOptions.builder().protocols(""))
        .hasMessageContaining("protocol");
  }
}
