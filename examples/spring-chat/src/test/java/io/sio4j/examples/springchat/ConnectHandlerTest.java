package io.sio4j.examples.springchat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sio4j.spring.testapp.GuardedController;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * {@code @OnConnect} handlers: the {@code auth} payload bound (snake_case) and validated, and a
 * {@code ConnectError} thrown there refuses the connection with its message and data; on the
 * connected socket, an {@code Ack} parameter and a {@code CompletionStage} return value answer.
 */
@SpringBootTest(
    classes = SpringChatApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(GuardedController.class)
class ConnectHandlerTest {
  @LocalServerPort int port;

  @Test
  void aConnectErrorRefusesTheConnection() {
    try (SocketIoClient client = new SocketIoClient(port)) {
      client.connect("x", "/guarded", Map.of("auth", Map.of("access_token", "wrong")));
      JsonNode refused = client.await("x", "connect_error");
      assertThat(refused.path("message").asText()).isEqualTo("not authorized");
      assertThat(refused.path("data").toString()).isEqualTo("{\"retry_after\":30}");
    }
  }

  @Test
  void anInvalidAuthPayloadIsRefusedWithTheViolations() {
    try (SocketIoClient client = new SocketIoClient(port)) {
      client.connect("y", "/guarded", Map.of("auth", Map.of("accessToken", "letmein")));
      JsonNode refused = client.await("y", "connect_error");
      assertThat(refused.path("message").asText()).isEqualTo("argument 0 is invalid");
      assertThat(refused.path("data").path("violations").path(0).path("property").asText())
          .isEqualTo("accessToken");
    }
  }

  @Test
  void aValidAuthPayloadConnects() {
    try (SocketIoClient client = new SocketIoClient(port)) {
      client.connect("z", "/guarded", Map.of("auth", Map.of("access_token", "letmein")));
      client.await("z", "connect");
      assertThat(client.emitWithAck("z", "whoami").toString()).isEqualTo("[\"letmein\"]");
      // an Ack parameter answers with several values; a CompletionStage when it completes
      assertThat(client.emitWithAck("z", "shout", "hey").toString()).isEqualTo("[\"HEY\",3]");
      assertThat(client.emitWithAck("z", "later", List.of(1, 2, 3)).toString())
          .isEqualTo("[{\"sum\":6}]");
    }
  }
}
