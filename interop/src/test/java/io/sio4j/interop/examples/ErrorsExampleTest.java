package io.sio4j.interop.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sio4j.examples.tutorial.ErrorHandling;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The errors example gives the page a connect_error, a server disconnect and reconnections. */
class ErrorsExampleTest {

  @Test
  void aWrongTokenGetsConnectErrorWithData() {
    try (RunningExample ex = new RunningExample(ErrorHandling::start);
        NodeClients c = ex.clients()) {
      c.open("bad", "/", Map.of("auth", Map.of("token", "wrong"), "reconnection", false));
      JsonNode error = c.await("bad", "connect_error");
      assertThat(error.path("message").asText()).isEqualTo("invalid token");
      assertThat(error.path("data").path("hint").asText()).isEqualTo("the token is letmein");
      // the server keeps serving: the right token connects
      c.open("good", "/", Map.of("auth", Map.of("token", "letmein")));
      c.await("good", "connect");
    }
  }

  @Test
  void kickMeIsAServerDisconnectWithoutReconnection() {
    try (RunningExample ex = new RunningExample(ErrorHandling::start);
        NodeClients c = ex.clients()) {
      String id = c.connect("a").path("sid").asText();
      c.emit("a", "kickMe");
      JsonNode disconnect = c.await("a", "disconnect");
      assertThat(disconnect.path("reason").asText()).isEqualTo("io server disconnect");
      assertThat(disconnect.path("active").asBoolean()).isFalse();
      ex.console.await(
          "disconnected: " + id + " (server namespace disconnect)", 1, NodeClients.TIMEOUT);
    }
  }

  @Test
  void aDroppedTransportReconnects() {
    try (RunningExample ex = new RunningExample(ErrorHandling::start);
        NodeClients c = ex.clients()) {
      c.connect("a");
      c.command("drop", "a");
      // closing the client's transport by hand is what socket.io-client calls a "forced close"
      JsonNode disconnect = c.await("a", "disconnect");
      assertThat(disconnect.path("reason").asText()).isEqualTo("forced close");
      assertThat(disconnect.path("active").asBoolean()).isTrue();
      assertThat(c.await("a", "reconnect_attempt").path("attempt").asInt()).isEqualTo(1);
      c.await("a", "reconnect");
      c.await("a", "connect");
    }
  }
}
