package io.sio4j.interop.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sio4j.examples.Container;
import io.sio4j.examples.chat.ChatApp;
import io.sio4j.testkit.NodeProcess;
import io.sio4j.testkit.ProjectPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The chat in a real browser: headless Chromium (Debian's, at $CHROMIUM_PATH or /usr/bin/chromium)
 * driven by playwright-core through {@code interop/node/chat-browser.mjs}. Two pages: one picks a
 * taken name and sees the error, both join a room and talk, markup is shown as text, and a reload
 * keeps the user. Screenshots of both pages go to {@code interop/target/screenshots/}.
 *
 * <p>The pages load the official browser client from our server at {@code /socket.io/socket.io.js}.
 */
class ChatBrowserTest {
  private static final Duration STEP = Duration.ofSeconds(40);
  private static final String INJECTION = "<img src=x onerror=\"window.__pwned=1\"> is just text";

  private static List<String> texts(JsonNode array) {
    List<String> list = new ArrayList<>();
    array.forEach(n -> list.add(n.asText()));
    return list;
  }

  @ParameterizedTest(name = "on {0}")
  @EnumSource(Container.class)
  void twoPagesChatSafely(Container container) throws IOException {
    Path shots = ProjectPaths.interop().resolve("target").resolve("screenshots");
    try (RunningExample ex =
            new RunningExample(
                container, (c, h, p, tls, out) -> ChatApp.start(c, h, p, tls, out, null));
        NodeProcess browser =
            NodeProcess.start(
                "chat-browser.mjs", "http://127.0.0.1:" + ex.port + "/", shots.toString())) {
      String bundle = step(browser, "bundle").path("servedBy").asText();
      assertThat(bundle).isEqualTo("server");
      JsonNode a = step(browser, "logged-in");
      assertThat(a.path("page").asText()).isEqualTo("A");
      assertThat(a.path("me").asText()).isEqualTo("ada");

      JsonNode taken = step(browser, "name-taken");
      assertThat(taken.path("error").asText())
          .isEqualTo("ada username is taken! Try some other username.");
      assertThat(taken.path("chatHidden").asBoolean()).isTrue();
      assertThat(step(browser, "logged-in").path("me").asText()).isEqualTo("bob");

      assertThat(step(browser, "joined").path("title").asText()).isEqualTo("# java");
      assertThat(step(browser, "joined").path("title").asText()).isEqualTo("# java");
      assertThat(texts(step(browser, "presence").path("users"))).containsExactly("ada", "bob");
      assertThat(step(browser, "typing").path("text").asText()).isEqualTo("ada is typing…");

      JsonNode received = step(browser, "received");
      assertThat(texts(received.path("texts"))).anyMatch(t -> t.startsWith("adaHello from ada"));
      assertThat(received.path("typing").asText()).isEmpty();

      JsonNode injection = step(browser, "injection");
      assertThat(injection.path("shownAsText").asBoolean()).isTrue();
      assertThat(injection.path("visible").asBoolean()).isTrue();
      assertThat(injection.path("imagesInMessages").asInt()).isZero();
      assertThat(injection.path("imagesInPage").asInt()).isZero();
      assertThat(injection.path("scriptRan").asBoolean()).isFalse();
      assertThat(texts(injection.path("texts"))).anyMatch(t -> t.startsWith("bob" + INJECTION));

      for (JsonNode file : step(browser, "screenshots").path("files")) {
        Path png = Path.of(file.asText());
        assertThat(png).startsWith(shots).isRegularFile();
        byte[] head = Files.readAllBytes(png);
        assertThat(head.length).isGreaterThan(1000);
        assertThat(new String(head, 1, 3, java.nio.charset.StandardCharsets.US_ASCII))
            .isEqualTo("PNG");
      }

      JsonNode reloaded = step(browser, "reloaded");
      assertThat(reloaded.path("me").asText()).isEqualTo("ada");
      assertThat(texts(reloaded.path("rooms"))).containsExactly("# general", "# java");
      assertThat(texts(reloaded.path("history")))
          .anyMatch(t -> t.startsWith("adaHello from ada"))
          .anyMatch(t -> t.startsWith("bob" + INJECTION));

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
