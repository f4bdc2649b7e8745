package io.sio4j.examples.springchat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sio4j.spring.testapp.GuardedController;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Closing the application is a graceful shutdown of Socket.IO in Boot's shutdown phases: every
 * socket is closed with the official {@code "server shutting down"} reason (what the server's
 * disconnect handlers see; the npm client, as with the official server, sees its transport close),
 * before Tomcat stops.
 */
class GracefulShutdownTest {

  @Test
  void closingTheContextClosesEverySocketWithServerShuttingDown() throws Exception {
    GuardedController.DISCONNECTS.clear();
    ConfigurableApplicationContext app =
        new SpringApplicationBuilder(SpringChatApplication.class, GuardedController.class)
            .run("--server.port=0", "--server.address=127.0.0.1");
    int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
    try (SocketIoClient client = new SocketIoClient(port)) {
      client.connect(
          "g",
          "/guarded",
          Map.of(
              "auth",
              Map.of("access_token", "letmein"),
              "transports",
              List.of("websocket"),
              "reconnection",
              false));
      client.await("g", "connect");
      client.connect("p", "/", Map.of("transports", List.of("polling"), "reconnection", false));
      client.await("p", "connect");

      app.close();

      assertThat(GuardedController.DISCONNECTS.poll(15, TimeUnit.SECONDS))
          .isEqualTo("server shutting down");
      JsonNode g = client.await("g", "disconnect");
      JsonNode p = client.await("p", "disconnect");
      assertThat(g.path("reason").asText()).isEqualTo("transport close");
      assertThat(p.path("reason").asText()).isIn("transport close", "transport error");
      assertThat(app.isActive()).isFalse();
    } finally {
      app.close();
    }
  }
}
