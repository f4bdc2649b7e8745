package io.sio4j.server.attack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 14's test: a server with default options and a 512 MB heap ({@link AttackedServerMain}, in
 * its own JVM with {@code -XX:+ExitOnOutOfMemoryError}) under three attacks at once for 40 s:
 * polling clients that poll but never read while the server broadcasts; WebSockets announcing ten 1
 * MB attachments and sending nine; polling sessions posting 1 MB bodies, half of them stalled
 * before the last byte. No OutOfMemoryError may be raised, and a well-behaved WebSocket client's
 * echoes are all answered throughout.
 */
class MemoryUnderAttackTest {
  private static final Duration ATTACK = Duration.ofSeconds(40);
  private static final Pattern SID = Pattern.compile("\"sid\":\"([^\"]+)\"");
  private static final byte[] MEGABYTE = new byte[1_000_000];

  private final AtomicBoolean stop = new AtomicBoolean();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final AtomicInteger attacks = new AtomicInteger();
  private int port;

  @Test
  void defaultOptionsSurviveTheAttacksInA512MegabyteHeapAndServeAWellBehavedClient()
      throws Exception {
    Path log = Files.createTempFile("attacked-server", ".log");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process server =
        new ProcessBuilder(
                java,
                "-Xmx512m",
                "-XX:+ExitOnOutOfMemoryError",
                "-cp",
                System.getProperty("java.class.path"),
                AttackedServerMain.class.getName())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    ExecutorService attackers = Executors.newCachedThreadPool();
    try {
      port = awaitPort(server, log);
      GoodClient good = new GoodClient();
      for (int i = 0; i < 12; i++) attackers.execute(this::pollWithoutReading);
      for (int i = 0; i < 24; i++) attackers.execute(this::announceAttachmentsNeverSent);
      for (int i = 0; i < 30; i++) attackers.execute(() -> postLargeBodies(true));
      for (int i = 0; i < 2; i++) attackers.execute(() -> postLargeBodies(false));

      long end = System.nanoTime() + ATTACK.toNanos();
      int sent = 0;
      int answered = 0;
      while (System.nanoTime() < end) {
        CompletableFuture<String> echo = good.echo(sent++);
        try {
          // each echo is answered, throughout the attack (generously: the machine is shared)
          echo.get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
          throw new AssertionError(
              "echo " + (sent - 1) + " unanswered; good client " + good.state() + "; log " + log,
              e);
        }
        answered++;
        assertThat(server.isAlive()).as("server alive; log: %s", log).isTrue();
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
      }
      stop.set(true);
      String output = Files.readString(log);
      assertThat(output).doesNotContain("OutOfMemoryError");
      assertThat(server.isAlive()).as("server alive; log: %s", log).isTrue();
      assertThat(answered).isEqualTo(sent).isGreaterThan(50);
      assertThat(attacks.get()).as("attacks made").isGreaterThan(50);
      good.close();
      Files.deleteIfExists(log); // kept when the test fails, for its HEAP lines
    } finally {
      stop.set(true);
      attackers.shutdownNow();
      server.destroy();
      if (!server.waitFor(10, TimeUnit.SECONDS)) server.destroyForcibly();
      attackers.awaitTermination(10, TimeUnit.SECONDS);
    }
  }

  private static int awaitPort(Process server, Path log) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      Matcher m = Pattern.compile("PORT (\\d+)").matcher(Files.readString(log));
      if (m.find()) return Integer.parseInt(m.group(1));
      if (!server.isAlive()) break;
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
    }
    throw new AssertionError("server did not start: " + Files.readString(log));
  }

  // ---- a polling session (handshake and namespace joined) ----

  private String openSession() throws Exception {
    HttpResponse<String> open =
        http.send(
            HttpRequest.newBuilder(url("transport=polling")).build(),
            HttpResponse.BodyHandlers.ofString());
    Matcher m = SID.matcher(open.body());
    if (!m.find()) throw new IOException("no sid: " + open.body());
    String sid = m.group(1);
    http.send(
        HttpRequest.newBuilder(url("transport=polling&sid=" + sid))
            .POST(HttpRequest.BodyPublishers.ofString("40"))
            .build(),
        HttpResponse.BodyHandlers.discarding());
    return sid;
  }

  private URI url(String query) {
    return URI.create("http://127.0.0.1:" + port + "/socket.io/?EIO=4&" + query);
  }

  // ---- attack 1: polls that are never read, while the server broadcasts ----

  private void pollWithoutReading() {
    while (!stop.get()) {
      try (Socket s = new Socket()) {
        String sid = openSession();
        s.setReceiveBufferSize(4096);
        s.connect(new InetSocketAddress("127.0.0.1", port));
        OutputStream out = s.getOutputStream();
        byte[] get =
            ("GET /socket.io/?EIO=4&transport=polling&sid=" + sid + " HTTP/1.1\r\nHost: x\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        attacks.incrementAndGet();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!stop.get() && System.nanoTime() < until) {
          out.write(get);
          out.flush();
          LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
        }
      } catch (Exception e) {
        pause();
      }
    }
  }

  // ---- attack 2: ten attachments announced, nine sent ----

  private void announceAttachmentsNeverSent() {
    StringBuilder header = new StringBuilder("4510-[\"up\",[");
    for (int i = 0; i < 10; i++) {
      header
          .append(i == 0 ? "" : ",")
          .append("{\"_placeholder\":true,\"num\":")
          .append(i)
          .append('}');
    }
    header.append("]]");
    while (!stop.get()) {
      CompletableFuture<Void> closed = new CompletableFuture<>();
      try {
        WebSocket ws =
            http.newWebSocketBuilder()
                .buildAsync(
                    URI.create("ws://127.0.0.1:" + port + "/socket.io/?EIO=4&transport=websocket"),
                    new WebSocket.Listener() {
                      @Override
                      public CompletionStage<?> onText(WebSocket w, CharSequence d, boolean last) {
                        w.request(1);
                        return null;
                      }

                      @Override
                      public CompletionStage<?> onClose(WebSocket w, int code, String reason) {
                        closed.complete(null);
                        return null;
                      }

                      @Override
                      public void onError(WebSocket w, Throwable error) {
                        closed.complete(null);
                      }
                    })
                .get(10, TimeUnit.SECONDS);
        ws.sendText("40", true).get(10, TimeUnit.SECONDS);
        ws.sendText(header.toString(), true).get(10, TimeUnit.SECONDS);
        attacks.incrementAndGet();
        for (int i = 0; i < 9 && !closed.isDone(); i++) {
          ws.sendBinary(ByteBuffer.wrap(MEGABYTE), true).get(10, TimeUnit.SECONDS);
        }
        closed.get(10, TimeUnit.SECONDS); // held until the server gives up on it
        ws.abort();
      } catch (Exception e) {
        // next round
      }
      // a memory attack, not a CPU one: a second between rounds
      LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1));
    }
  }

  // ---- attack 3: polling sessions posting 1 MB bodies (stalled before the last byte, or not) ----

  private void postLargeBodies(boolean stall) {
    byte[] body = new byte[MEGABYTE.length - 2];
    java.util.Arrays.fill(body, (byte) 'x');
    while (!stop.get()) {
      try (Socket s = new Socket()) {
        String sid = openSession();
        s.connect(new InetSocketAddress("127.0.0.1", port));
        OutputStream out = s.getOutputStream();
        // an event of 1 MB: 42["big","xxx...x"] (the last byte missing when stalled)
        byte[] head = "42[\"big\",\"".getBytes(StandardCharsets.US_ASCII);
        byte[] tail = "\"]".getBytes(StandardCharsets.US_ASCII);
        int length = head.length + body.length + tail.length;
        out.write(
            ("POST /socket.io/?EIO=4&transport=polling&sid="
                    + sid
                    + " HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: "
                    + length
                    + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.write(head);
        out.write(body);
        attacks.incrementAndGet();
        if (stall) {
          out.flush();
          s.setSoTimeout(15_000);
          s.getInputStream().read(); // held until the server refuses or closes it
        } else {
          out.write(tail);
          out.flush();
          s.setSoTimeout(15_000);
          s.getInputStream().read();
        }
      } catch (Exception e) {
        // next round
      }
      LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1));
    }
  }

  private static void pause() {
    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
  }

  /**
   * A well-behaved WebSocket client: answers pings, reads everything, emits {@code echo} with acks.
   */
  private final class GoodClient implements WebSocket.Listener {
    private final Map<Integer, CompletableFuture<String>> acks = new ConcurrentHashMap<>();
    private final StringBuilder partial = new StringBuilder();
    private final WebSocket ws;
    private final CompletableFuture<Void> joined = new CompletableFuture<>();

    GoodClient() throws Exception {
      ws =
          http.newWebSocketBuilder()
              .buildAsync(
                  URI.create(
                      "ws://127.0.0.1:" + port + "/socket.io/?EIO=4&transport=websocket&good=1"),
                  this)
              .get(10, TimeUnit.SECONDS);
      ws.sendText("40", true).get(10, TimeUnit.SECONDS);
      joined.get(10, TimeUnit.SECONDS);
    }

    CompletableFuture<String> echo(int id) {
      CompletableFuture<String> answer = new CompletableFuture<>();
      acks.put(id, answer);
      synchronized (this) {
        ws.sendText("42" + id + "[\"echo\"," + id + "]", true).join();
      }
      return answer;
    }

    @Override
    public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        String text = partial.toString();
        partial.setLength(0);
        if (text.equals("2")) {
          synchronized (this) {
            w.sendText("3", true);
          }
        } else if (text.startsWith("0{")) {
          state = "open " + text;
        } else if (text.startsWith("40")) {
          joined.complete(null);
        } else if (text.startsWith("43")) {
          int bracket = text.indexOf('[');
          int id = Integer.parseInt(text.substring(2, bracket));
          CompletableFuture<String> f = acks.remove(id);
          if (f != null) f.complete(text.substring(bracket));
        }
      }
      w.request(1);
      return null;
    }

    private volatile String state = "open";

    String state() {
      return state;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket w, int code, String reason) {
      state = "closed " + code;
      return null;
    }

    @Override
    public void onError(WebSocket w, Throwable error) {
      state = "failed " + error;
    }

    void close() {
      ws.abort();
    }
  }
}
