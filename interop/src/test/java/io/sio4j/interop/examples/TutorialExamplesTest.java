package io.sio4j.interop.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sio4j.examples.Main;
import io.sio4j.examples.tutorial.Broadcast;
import io.sio4j.examples.tutorial.ClientEvent;
import io.sio4j.examples.tutorial.CustomEvent;
import io.sio4j.examples.tutorial.HelloWorld;
import io.sio4j.examples.tutorial.MyNamespace;
import io.sio4j.examples.tutorial.Rooms;
import io.sio4j.examples.tutorial.SendMessage;
import io.sio4j.examples.tutorial.Welcome;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The tutorial's chapters, each started in-process and driven by npm socket.io-client: the
 * tutorial's event names and texts, exactly.
 */
class TutorialExamplesTest {
  private static final Duration WAIT = Duration.ofSeconds(15);

  @Test
  void helloPrintsConnectAndDisconnect() {
    try (RunningExample ex = new RunningExample(HelloWorld::start);
        NodeClients c = ex.clients()) {
      c.connect("a");
      ex.console.await("A user connected", 1, WAIT);
      c.connect("b");
      ex.console.await("A user connected", 2, WAIT);
      c.command("close", "a");
      ex.console.await("A user disconnected", 1, WAIT);
      assertThat(ex.console.lines()).containsOnly("A user connected", "A user disconnected");
    }
  }

  @Test
  void messageIsSentAfterTheDelay() {
    try (RunningExample ex = new RunningExample(SendMessage::start);
        NodeClients c = ex.clients()) {
      c.connect("a");
      JsonNode args = c.event("a", "message");
      assertThat(args).hasSize(1);
      assertThat(args.get(0).asText()).isEqualTo("Sent a message 4seconds after connection!");
    }
  }

  @Test
  void theDefaultDelayIsTheTutorialsFourSeconds() {
    assertThat(Main.EXAMPLES.get("message").description()).contains("4000 ms");
    assertThat(Main.EXAMPLES.get("custom-event").description()).contains("4000 ms");
  }

  @Test
  void customEventCarriesTheDescription() {
    try (RunningExample ex = new RunningExample(CustomEvent::start);
        NodeClients c = ex.clients()) {
      c.connect("a");
      JsonNode data = c.arg("a", "testerEvent");
      assertThat(data.toString())
          .isEqualTo("{\"description\":\"A custom event named testerEvent!\"}");
    }
  }

  @Test
  void clientEventIsPrinted() {
    try (RunningExample ex = new RunningExample(ClientEvent::start);
        NodeClients c = ex.clients()) {
      c.connect("a");
      c.emit("a", "clientEvent", "Sent an event from the client!");
      ex.console.await("Sent an event from the client!", 1, WAIT);
    }
  }

  @Test
  void broadcastCountsClientsForEveryone() {
    try (RunningExample ex = new RunningExample(Broadcast::start);
        NodeClients c = ex.clients()) {
      c.connect("a");
      assertThat(c.arg("a", "broadcast").toString())
          .isEqualTo("{\"description\":\"1 clients connected!\"}");
      c.connect("b");
      assertThat(c.arg("a", "broadcast").path("description").asText())
          .isEqualTo("2 clients connected!");
      assertThat(c.arg("b", "broadcast").path("description").asText())
          .isEqualTo("2 clients connected!");
      c.command("close", "b");
      assertThat(c.arg("a", "broadcast").path("description").asText())
          .isEqualTo("1 clients connected!");
    }
  }

  @Test
  void welcomeGreetsTheNewcomerAndCountsForTheOthers() {
    try (RunningExample ex = new RunningExample(Welcome::start);
        NodeClients c = ex.clients()) {
      c.connect("a");
      assertThat(c.arg("a", "newclientconnect").toString())
          .isEqualTo("{\"description\":\"Hey, welcome!\"}");
      c.connect("b");
      assertThat(c.arg("b", "newclientconnect").path("description").asText())
          .isEqualTo("Hey, welcome!");
      assertThat(c.arg("a", "newclientconnect").path("description").asText())
          .isEqualTo("2 clients connected!");
      c.connect("c");
      assertThat(c.arg("c", "newclientconnect").path("description").asText())
          .isEqualTo("Hey, welcome!");
      // b's next newclientconnect is about c: it was never told about itself
      assertThat(c.arg("b", "newclientconnect").path("description").asText())
          .isEqualTo("3 clients connected!");
      assertThat(c.arg("a", "newclientconnect").path("description").asText())
          .isEqualTo("3 clients connected!");
      c.command("close", "b");
      assertThat(c.arg("a", "newclientconnect").path("description").asText())
          .isEqualTo("2 clients connected!");
      assertThat(c.arg("c", "newclientconnect").path("description").asText())
          .isEqualTo("2 clients connected!");
    }
  }

  @Test
  void namespaceSaysHiToTheWholeNamespaceOnly() {
    try (RunningExample ex = new RunningExample(MyNamespace::start);
        NodeClients c = ex.clients()) {
      c.open("main", "/", Map.of());
      c.await("main", "connect");
      c.open("a", "/my-namespace", Map.of());
      assertThat(c.event("a", "hi").toString()).isEqualTo("[\"Hello everyone!\"]");
      c.open("b", "/my-namespace", Map.of());
      assertThat(c.arg("b", "hi").asText()).isEqualTo("Hello everyone!");
      assertThat(c.arg("a", "hi").asText()).isEqualTo("Hello everyone!");
      ex.console.await("someone connected", 2, WAIT);
      // the main namespace's socket got none of them: its first event is this marker
      ex.io.emit("marker");
      assertThat(c.event("main", "marker")).isEmpty();
      c.command("close", "main");
      JsonNode disconnect = c.await("main", "disconnect");
      assertThat(disconnect.path("reason").asText()).isEqualTo("io client disconnect");
    }
  }

  @Test
  void roomsFillTwoByTwo() {
    try (RunningExample ex = new RunningExample(Rooms::start);
        NodeClients c = ex.clients()) {
      c.connect("a");
      assertThat(c.arg("a", "connectToRoom").asText()).isEqualTo("You are in room no. 1");
      c.connect("b");
      assertThat(c.arg("b", "connectToRoom").asText()).isEqualTo("You are in room no. 1");
      assertThat(c.arg("a", "connectToRoom").asText()).isEqualTo("You are in room no. 1");
      c.connect("c");
      assertThat(c.arg("c", "connectToRoom").asText()).isEqualTo("You are in room no. 2");
      c.connect("d");
      assertThat(c.arg("d", "connectToRoom").asText()).isEqualTo("You are in room no. 2");
      assertThat(c.arg("c", "connectToRoom").asText()).isEqualTo("You are in room no. 2");
      c.connect("e");
      assertThat(c.arg("e", "connectToRoom").asText()).isEqualTo("You are in room no. 3");
      // room 1's clients heard nothing of rooms 2 and 3: their next event is this marker
      ex.io.emit("marker");
      assertThat(c.event("a", "marker")).isEmpty();
      assertThat(c.event("b", "marker")).isEmpty();
    }
  }
}
