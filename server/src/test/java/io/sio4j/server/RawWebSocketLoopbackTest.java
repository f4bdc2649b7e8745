package io.sio4j.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Socket.IO layer behind the real Engine.IO server, driven by a raw WebSocket (the JDK client)
 * that writes exact frames: ping timeout and transport close reasons, and bad input closing only
 * the offending connection.
 */
class RawWebSocketLoopbackTest {
  private SocketIoServer io;
  private final BlockingQueue<String> reasons = new LinkedBlockingQueue<>();

  @BeforeEach
  void start() {
    io =
        SocketIoServer.builder()
            .host("127.0.0.1")
            .port(0)
            .pingInterval(Duration.ofMillis(200))
            .pingTimeout(Duration.ofMillis(200))
            .serveClient(false)
            .build();
    io.on("connection", s -> s.on("disconnect", (String r) -> reasons.add(r)));
    io.on("connection", s -> s.on("echo", (Object x) -> s.emit("echo", x)));
    io.start();
  }

  @AfterEach
  void stop() {
    io.close();
  }

  /** A raw Engine.IO WebSocket client that may or may not answer pings. */
  private final class Raw implements WebSocket.Listener {
    final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
    final CompletableFuture<Integer> closed = new CompletableFuture<>();
    final boolean answerPings;
    WebSocket ws;
    private final StringBuilder partial = new StringBuilder();

    Raw(boolean answerPings) throws Exception {
      this.answerPings = answerPings;
      ws =
          HttpClient.newHttpClient()
              .newWebSocketBuilder()
              .buildAsync(
                  URI.create(
                      "ws://127.0.0.1:"
                          + io.address().getPort()
                          + "/socket.io/?EIO=4&transport=websocket"),
                  this)
              .get(10, TimeUnit.SECONDS);
      assertThat(next()).startsWith("0{\"sid\"");
    }

    @Override
    public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        String frame = partial.toString();
        partial.setLength(0);
        if (frame.equals("2")) {
          if (answerPings) w.sendText("3", true);
        } else {
          frames.add(frame);
        }
      }
      w.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket w, ByteBuffer data, boolean last) {
      frames.add("<binary>");
      w.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket w, int code, String reason) {
      closed.complete(code);
      return null;
    }

    @Override
    public void onError(WebSocket w, Throwable error) {
      closed.complete(-1);
    }

    void send(String text) {
      ws.sendText(text, true).join();
    }

    String next() throws InterruptedException {
      String f = frames.poll(10, TimeUnit.SECONDS);
      assertThat(f).as("a frame within 10 s").isNotNull();
      return f;
    }
  }

  @Test
  void clientThatStopsAnsweringPingsGetsPingTimeout() throws Exception {
    Raw silent = new Raw(false);
    silent.send("40");
    assertThat(silent.next()).startsWith("40{\"sid\"");
    assertThat(reasons.poll(10, TimeUnit.SECONDS)).isEqualTo("ping timeout");
  }

  @Test
  void closedWebSocketGivesTransportClose() throws Exception {
    Raw raw = new Raw(true);
    raw.send("40");
    assertThat(raw.next()).startsWith("40{\"sid\"");
    raw.ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
    assertThat(reasons.poll(10, TimeUnit.SECONDS)).isEqualTo("transport close");
  }

  @Test
  void badInputClosesOnlyThatConnection() throws Exception {
    Raw good = new Raw(true);
    good.send("40");
    assertThat(good.next()).startsWith("40{");
    for (String bad :
        new String[] {
          "42[{\"toString\":\"foo\"}]",
          "451-[\"echo\",{\"_placeholder\":true,\"num\":\"splice\"}]",
          "4599999999-[\"echo\"]",
          "42[\"connect\"]",
          "42999999999999999999999[\"echo\",1]",
        }) {
      Raw evil = new Raw(true);
      evil.send("40");
      assertThat(evil.next()).startsWith("40{");
      evil.send(bad);
      assertThat(evil.closed.get(10, TimeUnit.SECONDS)).as(bad).isNotNull();
      assertThat(reasons.poll(10, TimeUnit.SECONDS)).as(bad).isEqualTo("parse error");
      good.send("42[\"echo\",\"" + bad.length() + "\"]");
      assertThat(good.next()).isEqualTo("42[\"echo\",\"" + bad.length() + "\"]");
    }
  }

  @Test
  void unknownNamespaceAndInvalidHandshakeAnswers() throws Exception {
    Raw raw = new Raw(true);
    raw.send("40/random,");
    assertThat(raw.next()).isEqualTo("44/random,{\"message\":\"Invalid namespace\"}");
    raw.send("4abc");
    assertThat(raw.closed.get(10, TimeUnit.SECONDS)).isNotNull();
  }
}
