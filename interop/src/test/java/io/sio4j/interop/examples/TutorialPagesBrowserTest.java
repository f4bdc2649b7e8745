package io.sio4j.interop.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sio4j.examples.TutorialExample;
import io.sio4j.examples.tutorial.BroadcastExample;
import io.sio4j.examples.tutorial.ClientEventExample;
import io.sio4j.examples.tutorial.CustomEventExample;
import io.sio4j.examples.tutorial.ErrorsExample;
import io.sio4j.examples.tutorial.HelloExample;
import io.sio4j.examples.tutorial.MessageExample;
import io.sio4j.examples.tutorial.NamespaceExample;
import io.sio4j.examples.tutorial.RoomsExample;
import io.sio4j.examples.tutorial.WelcomeExample;
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
    Map<TutorialExample, List<Map<String, Object>>> plan = new LinkedHashMap<>();
    plan.put(new HelloExample(), List.of(expect("Hello world! Look at the server's console.")));
    plan.put(new MessageExample(Duration.ofMillis(200)), List.of(expect(MessageExample.TEXT)));
    plan.put(
        new CustomEventExample(Duration.ofMillis(200)),
        List.of(expect("A custom event named testerEvent!")));
    plan.put(
        new ClientEventExample(),
        List.of(expect("Sent clientEvent: Sent an event from the client!")));
    plan.put(new BroadcastExample(), List.of(expect("1 clients connected!")));
    plan.put(new WelcomeExample(), List.of(expect("Hey, welcome!")));
    plan.put(new NamespaceExample(), List.of(expect("Hello everyone!")));
    plan.put(new RoomsExample(), List.of(expect("You are in room no. 1")));
    plan.put(
        new ErrorsExample(),
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
      for (Map.Entry<TutorialExample, List<Map<String, Object>>> e : plan.entrySet()) {
        RunningExample ex = new RunningExample(e.getKey());
        servers.add(ex);
        steps.add(
            Map.of(
                "name", e.getKey().name(),
                "url", "http://127.0.0.1:" + ex.port + "/",
                "steps", e.getValue()));
      }
      try (NodeProcess browser =
          NodeProcess.start("tutorial-pages.mjs", JSON.writeValueAsString(steps))) {
        assertThat(browser.await("bundle", Duration.ofSeconds(30)).path("servedBy").asText())
            .isEqualTo("server");
        for (TutorialExample example : plan.keySet()) {
          JsonNode line =
              browser.await(
                  n -> example.name().equals(n.path("name").asText()), Duration.ofSeconds(60));
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
