package io.sio4j.examples.springchat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The spring-chat example's annotated handlers with the npm client on Tomcat's random port: typed
 * binding through the application's Jackson 3 mapper (snake_case names and ISO-8601 dates, both
 * ways), the return value answering the acknowledgement, Bean Validation failures as ack errors or
 * {@code chatError} events, and the REST endpoint on the same port with the same mapper.
 */
@SpringBootTest(
    classes = SpringChatApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AnnotatedHandlersTest {
  @LocalServerPort int port;

  @Test
  void chatFlowBindsThroughTheApplicationsMapper() throws Exception {
    try (SocketIoClient client = new SocketIoClient(port)) {
      client.connected("ada");
      client.emit("ada", "setUsername", "ada");
      JsonNode userSet = client.event("ada", "userSet");
      assertThat(userSet.path("username").asText()).isEqualTo("ada");
      assertThat(userSet.path("room").asText()).isEqualTo("general");
      assertThat(client.event("ada", "joined").path("users").toString()).isEqualTo("[\"ada\"]");

      client.emit("ada", "msg", Map.of("message", "hello", "user", "ignored", "room", "general"));
      JsonNode msg = client.event("ada", "newmsg");
      assertThat(msg.path("message").asText()).isEqualTo("hello");
      assertThat(msg.path("user").asText()).isEqualTo("ada");
      // the application's naming strategy and Jackson 3's ISO-8601 dates, not the core's defaults
      assertThat(msg.has("sentAt")).isFalse();
      assertThat(Instant.parse(msg.path("sent_at").asText())).isBeforeOrEqualTo(Instant.now());

      // inbound too: {"room_name": ...} binds to RoomQuery.roomName; the answer is the return value
      JsonNode info = client.emitWithAck("ada", "roomInfo", Map.of("room_name", "general"));
      assertThat(info.size()).isEqualTo(1);
      assertThat(info.path(0).path("room_name").asText()).isEqualTo("general");
      assertThat(info.path(0).path("users").toString()).isEqualTo("[\"ada\"]");
      assertThat(info.path(0).path("message_count").asInt()).isEqualTo(1);
      assertThat(info.path(0).path("checked_at").isTextual()).isTrue();

      HttpResponse<String> rooms = client.get("/api/rooms");
      assertThat(rooms.statusCode()).isEqualTo(200);
      assertThat(SocketIoClient.JSON.readTree(rooms.body()).toString())
          .isEqualTo("[{\"name\":\"general\",\"user_count\":1}]");
    }
  }

  @Test
  void aTakenNameGetsTheTutorialsTextAndUnnamedPagesHearTheDefaultRoom() {
    try (SocketIoClient client = new SocketIoClient(port)) {
      client.connected("a");
      client.connected("b");
      client.emit("a", "setUsername", "grace");
      client.event("a", "userSet");
      client.emit("b", "setUsername", "Grace");
      assertThat(client.event("b", "userExists").asText())
          .isEqualTo("Grace username is taken! Try some other username.");
      // as in the tutorial, a page without a name hears the default room (joined by @OnConnect)
      client.emit("a", "msg", Map.of("message", "anyone?"));
      assertThat(client.event("b", "newmsg").path("message").asText()).isEqualTo("anyone?");
    }
  }

  @Test
  void validationErrorsComeBackAsAcks() {
    try (SocketIoClient client = new SocketIoClient(port)) {
      client.connected("v");
      JsonNode blank = client.emitWithAck("v", "roomInfo", Map.of("room_name", " "));
      JsonNode error = blank.path(0).path("error");
      assertThat(error.path("message").asText()).isEqualTo("argument 0 is invalid");
      assertThat(error.path("violations").path(0).path("property").asText()).isEqualTo("roomName");

      // camelCase is not the application's naming: the field stays unset, and that is invalid
      JsonNode camel = client.emitWithAck("v", "roomInfo", Map.of("roomName", "general"));
      assertThat(camel.path(0).path("error").path("violations").findValuesAsText("property"))
          .contains("roomName");

      // the wrong JSON type never reaches the method either
      JsonNode wrongType = client.emitWithAck("v", "roomInfo", "general");
      assertThat(wrongType.path(0).path("error").path("message").asText())
          .startsWith("argument 0: cannot bind a JSON string");
    }
  }

  @Test
  void validationErrorsWithoutAnAckBecomeTheErrorEvent() {
    try (SocketIoClient client = new SocketIoClient(port)) {
      client.connected("w");
      client.emit("w", "setUsername", "wanda");
      client.event("w", "joined");
      client.emit("w", "msg", Map.of("message", "", "room", "general"));
      JsonNode error = client.event("w", "chatError");
      assertThat(error.path("message").asText()).isEqualTo("argument 0 is invalid");
      assertThat(error.path("violations").path(0).path("property").asText()).isEqualTo("message");
    }
  }
}
