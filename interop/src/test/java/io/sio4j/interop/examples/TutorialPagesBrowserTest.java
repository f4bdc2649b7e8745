package io.sio4j.interop.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sio4j.examples.tutorial.Broadcast;
import io.sio4j.examples.tutorial.ClientEvent;
import io.sio4j.examples.tutorial.CustomEvent;
import io.sio4j.examples.tutorial.ErrorHandling;
import io.sio4j.examples.tutorial.HelloWorld;
import io.sio4j.examples.tutorial.MyNamespace;
import io.sio4j.examples.tutorial.Rooms;
import io.sio4j.examples.tutorial.SendMessage;
import io.sio4j.examples.tutorial.Welcome;
import io.sio4j.testkit.NodeProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every tutorial page in headless Chromium ({@code interop/node/tutorial-pages.mjs}): the page's
 * own script shows what the tutorial says it shows, and the errors page shows connect_error,
 * disconnects and reconnections live.
 */
class TutorialPagesBrowserTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Map<String, Object> expect(String text) {
    return Map.of("expect", text);
  }

  private static Map<String, Object> click(String selector) {
    return Map.of("click", selector);
  }

  @Test
  void everyPageShowsWhatTheTutorialSays() throws Exception {
    Map<String, RunningExample.App> apps = new LinkedHashMap<>();
    apps.put("hello", HelloWorld::start);
    apps.put("message", SendMessage::start);
    apps.put("custom-event", CustomEvent::start);
    apps.put("client-event", ClientEvent::start);
    apps.put("broadcast", Broadcast::start);
    apps.put("welcome", Welcome::start);
    apps.put("namespace", MyNamespace::start);
    apps.put("rooms", Rooms::start);
    apps.put("errors", ErrorHandling::start);
    Map<String, List<Map<String, Object>>> plan = new LinkedHashMap<>();
    plan.put("hello", List.of(expect("Hello world! Look at the server's console.")));
    plan.put("message", List.of(expect(SendMessage.TEXT)));
    plan.put("custom-event", List.of(expect("A custom event named testerEvent!")));
    plan.put("client-event", List.of(expect("Sent clientEvent: Sent an event from the client!")));
    plan.put("broadcast", List.of(expect("1 clients connected!")));
    plan.put("welcome", List.of(expect("Hey, welcome!")));
    plan.put("namespace", List.of(expect("Hello everyone!")));
    plan.put("rooms", List.of(expect("You are in room no. 1")));
    plan.put(
        "errors",
        List.of(
            expect("connect: "),
            click("#bad-token"),
            expect("connect_error: invalid token {\"hint\":\"the token is letmein\"}"),
            click("#good-token"),
            expect("disconnect: io client disconnect"),
            click("#kick"),
            expect("disconnect: io server disconnect (no reconnection)"),
            click("#good-token"),
            click("#drop"),
            expect("reconnect_attempt #1"),
            expect("reconnect after 1 attempt(s)")));

    List<RunningExample> servers = new ArrayList<>();
    try {
      List<Map<String, Object>> steps = new ArrayList<>();
      for (Map.Entry<String, List<Map<String, Object>>> e : plan.entrySet()) {
        RunningExample ex = new RunningExample(apps.get(e.getKey()));
        servers.add(ex);
        steps.add(
            Map.of(
                "name", e.getKey(),
                "url", "http://127.0.0.1:" + ex.port + "/",
                "steps", e.getValue()));
      }
      try (NodeProcess browser =
          NodeProcess.start("tutorial-pages.mjs", JSON.writeValueAsString(steps))) {
        assertThat(browser.await("bundle", Duration.ofSeconds(30)).path("servedBy").asText())
            .isEqualTo("server");
        for (String name : plan.keySet()) {
          JsonNode line =
              browser.await(n -> name.equals(n.path("name").asText()), Duration.ofSeconds(60));
          assertThat(line.path("type").asText()).as(line.toString()).isEqualTo("page");
          assertThat(line.path("log")).isNotEmpty();
        }
        assertThat(browser.await("page-errors", Duration.ofSeconds(10)).path("errors")).isEmpty();
        browser.await("done", Duration.ofSeconds(10));
      }
      // the pages really talked to the servers
      servers.get(0).console.await("A user connected", 1, Duration.ofSeconds(5));
      servers.get(3).console.await("Sent an event from the client!", 1, Duration.ofSeconds(5));
      servers.get(8).console.await("refused a connection: invalid token", 1, Duration.ofSeconds(5));
    } finally {
      servers.forEach(RunningExample::close);
    }
  }
}
