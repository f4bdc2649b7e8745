package io.sio4j.interop.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sio4j.examples.chat.ChatApp;
import io.sio4j.examples.chat.ChatClient;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The console chat client ({@link ChatClient}, the Java client) against the chat server, with a
 * page's npm socket.io-client in the same room: lines typed on its standard input are said in the
 * room, and what the room says is printed.
 */
class ChatClientTest {
  private static final Duration WAIT = Duration.ofSeconds(15);

  @Test
  void typedLinesAreSaidInTheRoomAndTheRoomIsPrinted() throws Exception {
    try (RunningExample ex = new RunningExample(ChatApp::start);
        NodeClients c = ex.clients();
        ConsoleClient ada = new ConsoleClient(ex.port, "ada")) {
      ada.console.await("* you are ada, in # general", 1, WAIT);
      c.connect("b");
      c.emit("b", "setUsername", "bob");
      assertThat(c.arg("b", "userSet").path("username").asText()).isEqualTo("bob");
      c.arg("b", "joined");

      ada.type("Hello from the console");
      JsonNode said = c.arg("b", "newmsg");
      assertThat(said.path("message").asText()).isEqualTo("Hello from the console");
      assertThat(said.path("user").asText()).isEqualTo("ada");
      assertThat(said.path("room").asText()).isEqualTo("general");
      ada.console.await("[general] ada: Hello from the console", 1, WAIT);

      c.emit("b", "msg", Map.of("message", "hi ada"));
      ada.console.await("[general] bob: hi ada", 1, WAIT);

      // the end of standard input ends the client, and the room sees it leave
      assertThat(ada.endOfInput()).isTrue();
      JsonNode presence = c.arg("b", "presence");
      for (int i = 0; i < 10 && presence.path("users").size() != 1; i++) {
        presence = c.arg("b", "presence");
      }
      assertThat(texts(presence.path("users"))).containsExactly("bob");
    }
  }

  @Test
  void aTakenNameEndsTheClient() throws Exception {
    try (RunningExample ex = new RunningExample(ChatApp::start);
        NodeClients c = ex.clients()) {
      c.connect("a");
      c.emit("a", "setUsername", "ada");
      c.arg("a", "userSet");
      try (ConsoleClient ada = new ConsoleClient(ex.port, "ada")) {
        ada.console.await("* ada username is taken! Try some other username.", 1, WAIT);
        assertThat(ada.result.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isFalse();
      }
    }
  }

  private static List<String> texts(JsonNode array) {
    List<String> list = new ArrayList<>();
    array.forEach(n -> list.add(n.asText()));
    return list;
  }

  /** {@link ChatClient#run} on its own thread, with a pipe for its standard input. */
  private static final class ConsoleClient implements AutoCloseable {
    final ConsoleLines console = new ConsoleLines();
    final PipedOutputStream stdin = new PipedOutputStream();
    final CompletableFuture<Boolean> result = new CompletableFuture<>();

    ConsoleClient(int port, String name) throws IOException {
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(new PipedInputStream(stdin), StandardCharsets.UTF_8));
      Thread thread =
          new Thread(
              () -> {
                try {
                  result.complete(
                      ChatClient.run("http://127.0.0.1:" + port, name, in, console.stream()));
                } catch (Throwable e) {
                  result.completeExceptionally(e);
                }
              },
              "chat-client-" + name);
      thread.setDaemon(true);
      thread.start();
    }

    void type(String line) {
      try {
        stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        stdin.flush();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** Closes standard input and returns what the client returned. */
    boolean endOfInput() throws Exception {
      stdin.close();
      return result.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
      stdin.close();
      result.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }
  }
}
