package io.sio4j.interop.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sio4j.examples.chat.ChatApp;
import io.sio4j.testkit.NodeProcess;
import io.sio4j.testkit.ProjectPaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The official admin UI in a real browser against the chat example started with its admin UI:
 * headless Chromium (Debian's, at $CHROMIUM_PATH or /usr/bin/chromium) driven by playwright-core
 * through {@code interop/node/admin-ui-browser.mjs}. The page is the UI's own build, served by the
 * example at {@code /admin-ui/}; it logs in with the password, lists the chat user's socket and
 * rooms, and disconnects the socket, whose npm client sees {@code io server disconnect}.
 * Screenshots go to {@code interop/target/screenshots/}.
 */
class AdminUiBrowserTest {
  private static final Duration STEP = Duration.ofSeconds(60);
  private static final String PASSWORD = "correct horse";

  private static List<String> texts(JsonNode array) {
    List<String> list = new ArrayList<>();
    array.forEach(n -> list.add(n.asText()));
    return list;
  }

  @Test
  void uiLogsInSeesTheChatAndDisconnectsASocket() throws IOException {
    Path shots = ProjectPaths.interop().resolve("target").resolve("screenshots");
    try (RunningExample ex =
            new RunningExample(
                (host, port, console) -> ChatApp.start(host, port, console, PASSWORD));
        NodeProcess browser =
            NodeProcess.start(
                "admin-ui-browser.mjs",
                "http://127.0.0.1:" + ex.port + "/",
                PASSWORD,
                shots.toString())) {
      String sid = step(browser, "chat-user").path("sid").asText();
      step(browser, "logged-in");
      assertThat(texts(step(browser, "sockets").path("ids"))).contains(sid);
      assertThat(texts(step(browser, "rooms").path("names"))).contains("chat:general", "chat:java");

      for (JsonNode file : step(browser, "screenshots").path("files")) {
        Path png = Path.of(file.asText());
        assertThat(png).startsWith(shots).isRegularFile();
        byte[] bytes = Files.readAllBytes(png);
        assertThat(bytes.length).isGreaterThan(1000);
        assertThat(new String(bytes, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
      }
      assertThat(step(browser, "user-disconnected").path("reason").asText())
          .isEqualTo("io server disconnect");
      assertThat(ex.io.sockets().sockets()).doesNotContainKey(sid);
      assertThat(texts(step(browser, "page-errors").path("errors"))).isEmpty();
      step(browser, "done");
    }
  }

  /** The next line of {@code type}, or the script's failure report as an assertion error. */
  private static JsonNode step(NodeProcess browser, String type) {
    JsonNode line =
        browser.await(
            n -> n.path("type").asText().equals(type) || n.path("type").asText().equals("failed"),
            STEP);
    if (line.path("type").asText().equals("failed")) {
      throw new AssertionError("browser step failed: " + line + "\nstderr:\n" + browser.stderr());
    }
    return line;
  }
}
