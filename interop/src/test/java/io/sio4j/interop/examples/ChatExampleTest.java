package io.sio4j.interop.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sio4j.examples.chat.ChatApp;
import io.sio4j.examples.chat.ChatMember;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The chat's protocol, driven by npm socket.io-client: the tutorial's flow and ours. */
class ChatExampleTest {
  private static final String TAKEN = "ada username is taken! Try some other username.";

  private static List<String> texts(JsonNode array) {
    List<String> list = new ArrayList<>();
    array.forEach(n -> list.add(n.asText()));
    return list;
  }

  /** Names a socket and consumes what the server sends for it. Returns the token. */
  private static String login(NodeClients c, String id, String name) {
    c.connect(id);
    c.emit(id, "setUsername", name);
    JsonNode set = c.arg(id, "userSet");
    assertThat(set.path("username").asText()).isEqualTo(name);
    assertThat(c.arg(id, "joined").path("room").asText()).isEqualTo("general");
    return set.path("token").asText();
  }

  @Test
  void theTutorialsFlowWorksUnchanged() {
    try (RunningExample ex = new RunningExample(ChatApp::start);
        NodeClients c = ex.clients()) {
      c.connect("a");
      c.connect("b");
      c.emit("a", "setUsername", "ada");
      JsonNode set = c.arg("a", "userSet");
      assertThat(set.path("username").asText()).isEqualTo("ada");
      assertThat(set.path("token").asText()).hasSizeGreaterThan(20);
      // the tutorial's inverted check is not ours: a taken name is refused, case-insensitively
      c.emit("b", "setUsername", "ADA");
      assertThat(c.arg("b", "userExists").asText())
          .isEqualTo("ADA username is taken! Try some other username.");
      c.emit("b", "setUsername", "ada");
      assertThat(c.arg("b", "userExists").asText()).isEqualTo(TAKEN);
      c.emit("b", "setUsername", "bob");
      assertThat(c.arg("b", "userSet").path("username").asText()).isEqualTo("bob");

      // the tutorial's msg {message, user}; "user" is ignored, the server knows who sent it
      c.emit("a", "msg", Map.of("message", "hello", "user", "mallory"));
      for (String id : List.of("a", "b")) {
        JsonNode m = c.arg(id, "newmsg");
        assertThat(m.path("message").asText()).isEqualTo("hello");
        assertThat(m.path("user").asText()).isEqualTo("ada");
        assertThat(m.path("room").asText()).isEqualTo("general");
      }
    }
  }

  @Test
  void roomsHavePresenceHistoryAndTyping() {
    try (RunningExample ex = new RunningExample(ChatApp::start);
        NodeClients c = ex.clients()) {
      login(c, "a", "ada");
      login(c, "b", "bob");
      c.emit("a", "joinRoom", "java");
      JsonNode joined = c.arg("a", "joined");
      assertThat(joined.path("room").asText()).isEqualTo("java");
      assertThat(texts(joined.path("users"))).containsExactly("ada");
      assertThat(joined.path("history")).isEmpty();
      String evil = "<img src=x onerror=alert(1)>";
      c.emit("a", "msg", Map.of("message", "first", "room", "java"));
      c.emit("a", "msg", Map.of("message", evil, "room", "java"));
      assertThat(c.arg("a", "newmsg").path("message").asText()).isEqualTo("first");
      assertThat(c.arg("a", "newmsg").path("message").asText()).isEqualTo(evil);

      c.emit("b", "joinRoom", "java");
      JsonNode bobJoined = c.arg("b", "joined");
      assertThat(texts(bobJoined.path("users"))).containsExactly("ada", "bob");
      List<String> history = new ArrayList<>();
      bobJoined.path("history").forEach(m -> history.add(m.path("message").asText()));
      assertThat(history).containsExactly("first", evil); // markup comes back exactly as typed
      JsonNode presence = c.arg("a", "presence");
      for (int i = 0; i < 10 && !presence.path("room").asText().equals("java"); i++) {
        presence = c.arg("a", "presence"); // skip the default room's updates
      }
      if (presence.path("users").size() < 2) presence = c.arg("a", "presence");
      assertThat(texts(presence.path("users"))).containsExactly("ada", "bob");

      c.emit("b", "typing", "java", true);
      JsonNode typing = c.arg("a", "typing");
      assertThat(typing.toString())
          .isEqualTo("{\"room\":\"java\",\"user\":\"bob\",\"typing\":true}");
      c.emit("b", "msg", Map.of("message", "done typing", "room", "java"));
      assertThat(c.arg("a", "typing").path("typing").asBoolean()).isFalse();
      assertThat(c.arg("a", "newmsg").path("message").asText()).isEqualTo("done typing");

      c.emit("b", "leaveRoom", "java");
      assertThat(c.arg("b", "left").path("room").asText()).isEqualTo("java");
      presence = c.arg("a", "presence");
      assertThat(presence.path("room").asText()).isEqualTo("java");
      assertThat(texts(presence.path("users"))).containsExactly("ada");
      c.emit("b", "msg", Map.of("message", "not a member", "room", "java"));
      assertThat(c.arg("b", "chatError").path("message").asText()).isEqualTo("Join # java first.");
    }
  }

  @Test
  void aNameIsFreedWhenItsOwnerLeaves() {
    try (RunningExample ex = new RunningExample(ChatApp::start);
        NodeClients c = ex.clients()) {
      login(c, "a", "ada");
      c.connect("b");
      c.emit("b", "setUsername", "ada");
      assertThat(c.arg("b", "userExists").asText()).isEqualTo(TAKEN);
      c.command("close", "a");
      c.await("a", "disconnect");
      JsonNode set = null;
      // the disconnect reaches the server a moment later: ask (a bounded number of times) until
      // the name is free
      for (int i = 0; i < 100; i++) {
        c.emit("b", "setUsername", "ada");
        set = c.eventOf("b", "userExists", "userSet");
        if (set.path("event").asText().equals("userSet")) break;
      }
      assertThat(set.path("event").asText()).isEqualTo("userSet");
      assertThat(set.path("args").path(0).path("username").asText()).isEqualTo("ada");
    }
  }

  @Test
  void reconnectionWithTheTokenKeepsTheUser() {
    try (RunningExample ex = new RunningExample(ChatApp::start);
        NodeClients c = ex.clients()) {
      String token = login(c, "a", "ada");
      c.emit("a", "joinRoom", "java");
      c.arg("a", "joined");
      // a second connection of the same user (the page after a network drop) takes the name back
      c.connect("a2");
      c.emit("a2", "setUsername", "ada", token);
      JsonNode set = c.arg("a2", "userSet");
      assertThat(set.path("token").asText()).isEqualTo(token);
      assertThat(c.arg("a2", "joined").path("room").asText()).isEqualTo("general");
      // and the stale connection is closed by the server
      assertThat(c.await("a", "disconnect").path("reason").asText())
          .isEqualTo("io server disconnect");
      // its late disconnect did not free the name
      login(c, "b", "bob");
      c.emit("b", "setUsername", "ada");
      assertThat(c.arg("b", "chatError").path("message").asText())
          .isEqualTo("You are bob already.");
      c.connect("x");
      c.emit("x", "setUsername", "ada");
      assertThat(c.arg("x", "userExists").asText()).isEqualTo(TAKEN);
      c.emit("x", "setUsername", "ada", "a-guessed-token");
      assertThat(c.arg("x", "userExists").asText()).isEqualTo(TAKEN);
      // the user is still in the room it rejoins
      c.emit("a2", "joinRoom", "java");
      assertThat(texts(c.arg("a2", "joined").path("users"))).containsExactly("ada");
    }
  }

  @Test
  void badInputGetsChatErrorAndTheServerKeepsServing() {
    try (RunningExample ex = new RunningExample(ChatApp::start);
        NodeClients c = ex.clients()) {
      c.connect("a");
      c.emit("a", "msg", Map.of("message", "who am I?"));
      assertThat(c.arg("a", "chatError").path("message").asText())
          .isEqualTo("Pick a username first.");
      c.emit("a", "setUsername", 42);
      assertThat(c.arg("a", "chatError").path("message").asText()).isEqualTo("Pick a username.");
      c.emit("a", "setUsername", "   ");
      assertThat(c.arg("a", "chatError").path("message").asText()).isEqualTo("Pick a username.");
      c.emit("a", "setUsername", "x".repeat(33));
      assertThat(c.arg("a", "chatError").path("message").asText()).contains("at most 32");
      c.emit("a", "setUsername", "ada");
      c.arg("a", "userSet");
      c.emit("a", "msg", "not an object");
      assertThat(c.arg("a", "chatError").path("message").asText())
          .isEqualTo("Write a message first.");
      c.emit("a", "msg", Map.of("message", "x".repeat(1001)));
      assertThat(c.arg("a", "chatError").path("message").asText()).contains("at most 1000");
      c.emit("a", "joinRoom", "<script>");
      assertThat(c.arg("a", "chatError").path("message").asText()).startsWith("A room name has");
      c.emit("a", "joinRoom", Map.of("room", "x"));
      assertThat(c.arg("a", "chatError").path("message").asText()).isEqualTo("Name a room.");
      c.emit("a", "typing", List.of(), "yes");
      // still serving, this client and others
      c.emit("a", "msg", Map.of("message", "still here"));
      assertThat(c.arg("a", "newmsg").path("message").asText()).isEqualTo("still here");
      login(c, "b", "bob");
    }
  }

  @Test
  void aFloodingPageIsToldToSlowDownAndOthersAreServed() {
    try (RunningExample ex = new RunningExample(ChatApp::start);
        NodeClients c = ex.clients()) {
      login(c, "a", "ada");
      login(c, "b", "bob");
      int sent = ChatMember.REQUESTS_PER_WINDOW + 5;
      for (int i = 0; i < sent; i++) c.emit("a", "msg", Map.of("message", "flood " + i));
      assertThat(c.arg("a", "chatError").path("message").asText())
          .isEqualTo("You are going too fast; wait a few seconds.");
      // bob got exactly the messages that were let through, in order, then his own
      c.emit("b", "msg", Map.of("message", "bob is fine"));
      List<String> seen = new ArrayList<>();
      for (int i = 0; i <= ChatMember.REQUESTS_PER_WINDOW; i++) {
        seen.add(c.arg("b", "newmsg").path("message").asText());
        if (seen.get(seen.size() - 1).equals("bob is fine")) break;
      }
      assertThat(seen).endsWith("bob is fine");
      assertThat(seen).hasSize(ChatMember.REQUESTS_PER_WINDOW + 1);
      assertThat(seen.get(0)).isEqualTo("flood 0");
    }
  }
}
