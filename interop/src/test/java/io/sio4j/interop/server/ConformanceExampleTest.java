package io.sio4j.interop.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sio4j.examples.Container;
import io.sio4j.examples.Main;
import io.sio4j.examples.socketio.Conformance;
import io.sio4j.server.ServerOptions;
import io.sio4j.server.SocketIoServer;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The {@code conformance} example (the official v5 suite's fixture) has the suite's settings and
 * behaves as the suite expects for npm socket.io-client: {@code auth} first, {@code message} →
 * {@code message-back}, {@code message-with-ack} acknowledged with its arguments, on {@code /} and
 * {@code /custom}.
 */
@ParameterizedClass(name = "on {0}")
@EnumSource(Container.class)
class ConformanceExampleTest {
  /** What carries the bytes: sio4j's Netty server, embedded Jetty or embedded Tomcat. */
  @Parameter Container container;

  private SocketIoServer io;
  private SioClient client;

  @BeforeEach
  void start() {
    io =
        container.serve(
            Conformance.configure(Conformance.builder().host("127.0.0.1").port(0).build()));
    client = new SioClient("http://127.0.0.1:" + io.address().getPort());
  }

  @AfterEach
  void stop() {
    client.close();
    io.close();
  }

  @Test
  void hasTheSuiteSettings() {
    ServerOptions o = io.options();
    assertThat(o.engine().path()).isEqualTo("/socket.io/");
    assertThat(o.engine().pingInterval()).isEqualTo(Duration.ofMillis(300));
    assertThat(o.engine().pingTimeout()).isEqualTo(Duration.ofMillis(200));
    assertThat(o.connectTimeout()).isEqualTo(Duration.ofMillis(1000));
    assertThat(o.connectionStateRecovery()).isNull();
    assertThat(Main.EXAMPLES).containsKey("conformance");
  }

  @Test
  void fixtureBehavesAsTheSuiteExpects() {
    for (String nsp : List.of("/", "/custom")) {
      String id = nsp.equals("/") ? "main" : "custom";
      client.connect(id, nsp, Map.of("auth", Map.of("token", "abc")));
      JsonNode auth = client.awaitEvent(id, "auth");
      assertThat(auth.path("args").toString()).isEqualTo("[{\"token\":\"abc\"}]");
      client.emit(id, "message", 1, "2", Map.of("3", List.of(true)));
      assertThat(client.awaitEvent(id, "message-back").path("args").toString())
          .isEqualTo("[1,\"2\",{\"3\":[true]}]");
      String b64 = Base64.getEncoder().encodeToString(new byte[] {1, 2, 3});
      int seq = client.emitWithAck(id, "message-with-ack", null, Map.of("$bin", b64), "x");
      assertThat(client.awaitAck(id, seq).path("args").toString())
          .isEqualTo("[{\"$bin\":\"" + b64 + "\"},\"x\"]");
    }
  }
}
