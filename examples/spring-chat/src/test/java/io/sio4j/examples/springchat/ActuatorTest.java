package io.sio4j.examples.springchat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code /actuator/health} and {@code /actuator/prometheus} on the example's port show the
 * connected sockets: the {@code socketio} health indicator and the sio4j-micrometer meters bound to
 * Boot's {@code MeterRegistry}.
 */
@SpringBootTest(
    classes = SpringChatApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ActuatorTest {
  @LocalServerPort int port;

  @Test
  void healthAndPrometheusShowTheSockets() throws Exception {
    try (SocketIoClient client = new SocketIoClient(port)) {
      client.connected("one");
      client.connected("two");
      client.emit("one", "setUsername", "one");
      client.event("one", "joined");

      HttpResponse<String> health = client.get("/actuator/health/socketio");
      assertThat(health.statusCode()).isEqualTo(200);
      JsonNode socketio = SocketIoClient.JSON.readTree(health.body());
      assertThat(socketio.path("status").asText()).isEqualTo("UP");
      assertThat(socketio.path("details").path("connections").asInt()).isEqualTo(2);
      assertThat(socketio.path("details").path("namespaces").path("/").asInt()).isEqualTo(2);
      assertThat(socketio.path("details").path("servers").asInt()).isEqualTo(1);

      HttpResponse<String> prometheus = client.get("/actuator/prometheus");
      assertThat(prometheus.statusCode()).isEqualTo(200);
      assertThat(prometheus.body())
          .containsPattern("(?m)^socketio_sockets_connected\\{[^}]*namespace=\"/\"[^}]*} 2\\.0$")
          .containsPattern(
              "(?m)^socketio_packets_in_total\\{[^}]*transport=\"websocket\"[^}]*} \\d");
    }
  }
}
