package io.sio4j.examples.springchat;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code sio4j.admin-ui.enabled=true} turns on the official admin UI: its page at {@code
 * /admin-ui/} on Tomcat's port and the {@code /admin} namespace (no login when no username is set),
 * whose {@code server_stats} arrive.
 */
@SpringBootTest(
    classes = SpringChatApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "sio4j.admin-ui.enabled=true")
class AdminUiPropertyTest {
  @LocalServerPort int port;

  @Test
  void thePageAndTheAdminNamespaceAreServed() throws Exception {
    try (SocketIoClient client = new SocketIoClient(port)) {
      HttpResponse<String> page = client.get("/admin-ui/");
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body()).contains("<title>Socket.IO Admin UI</title>");
      HttpResponse<String> missing = client.get("/admin-ui/nothing-here.js");
      assertThat(missing.statusCode()).isEqualTo(404);

      client.connected("chat");
      client.connect("admin", "/admin", Map.of("transports", List.of("websocket")));
      client.await("admin", "connect");
      assertThat(client.event("admin", "server_stats").path("clientsCount").asInt()).isPositive();
    }
  }
}
