package io.sio4j.engine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * A loopback engine for tests (127.0.0.1, ephemeral port) that echoes messages and records events,
 * with small HTTP helpers: {@link java.net.http.HttpClient} for ordinary requests and a raw socket
 * for requests HttpClient refuses to send (bad headers, h2c, malformed frames).
 */
public final class TestEngine implements AutoCloseable {
  public static final Duration WAIT = Duration.ofSeconds(10);

  /** One server-side event. */
  public record Event(String type, EngineSocket socket, String text, byte[] bytes) {
    Event(String type, EngineSocket socket, String text, String description) {
      this(type, socket, text, description == null ? null : description.getBytes());
    }
  }

  public final EngineServer server;
  public final int port;
  public final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  public final BlockingQueue<EngineConnectionError> errors = new LinkedBlockingQueue<>();
  public final HttpClient http = HttpClient.newBuilder().connectTimeout(WAIT).build();

  public TestEngine(UnaryOperator<EngineOptions.Builder> config) {
    EngineOptions.Builder b =
        EngineOptions.builder()
            .path("/engine.io/")
            // long enough that tests not about heartbeats never race a ping timeout
            .pingInterval(Duration.ofSeconds(20))
            .pingTimeout(Duration.ofSeconds(20));
    server = EngineServer.create(config.apply(b).build());
    server.onConnectionError(errors::add);
    server.onConnection(
        socket -> {
          events.add(new Event("connection", socket, null, (byte[]) null));
          socket.setListener(
              new EngineSocket.Listener() {
                @Override
                public void onText(String text) {
                  events.add(new Event("text", socket, text, (byte[]) null));
                  socket.send(text);
                }

                @Override
                public void onBinary(byte[] data) {
                  events.add(new Event("binary", socket, null, data));
                  socket.send(data);
                }

                @Override
                public void onClose(String reason, String description) {
                  events.add(new Event("close", socket, reason, description));
                }
              });
        });
    port = server.listen("127.0.0.1", 0).join().getPort();
  }

  public TestEngine() {
    this(b -> b);
  }

  public String url(String query) {
    return "http://127.0.0.1:" + port + "/engine.io/?" + query;
  }

  /** Waits for the next event of this type (earlier events of other types are dropped). */
  public Event await(String type) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      Event e = left > 0 ? events.poll(left, TimeUnit.NANOSECONDS) : null;
      if (e == null) throw new AssertionError("no '" + type + "' event within " + WAIT);
      if (e.type().equals(type)) return e;
    }
  }

  public EngineConnectionError awaitError() throws InterruptedException {
    EngineConnectionError e = errors.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    if (e == null) throw new AssertionError("no connection_error within " + WAIT);
    return e;
  }

  public HttpResponse<String> get(String query) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(url(query))).timeout(WAIT).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<String> post(String query, String body)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(url(query)))
            .timeout(WAIT)
            .header("Content-Type", "text/plain;charset=UTF-8")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Opens a polling session and returns its sid. */
  public String openPolling() throws IOException, InterruptedException {
    HttpResponse<String> r = get("EIO=4&transport=polling");
    if (r.statusCode() != 200 || !r.body().startsWith("0{")) {
      throw new AssertionError("handshake failed: " + r.statusCode() + " " + r.body());
    }
    String body = r.body();
    int i = body.indexOf("\"sid\":\"") + 7;
    return body.substring(i, body.indexOf('"', i));
  }

  /**
   * Sends raw bytes on a new connection and returns everything the server sends until it closes the
   * connection or {@code WAIT} passes.
   */
  public String raw(byte[] request) throws IOException {
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.setSoTimeout((int) WAIT.toMillis());
      OutputStream out = s.getOutputStream();
      out.write(request);
      out.flush();
      return readUntilClose(s.getInputStream());
    }
  }

  public String raw(String request) throws IOException {
    return raw(request.getBytes(StandardCharsets.ISO_8859_1));
  }

  public static String readUntilClose(InputStream in) throws IOException {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    byte[] chunk = new byte[8192];
    try {
      int n;
      while ((n = in.read(chunk)) >= 0) buf.write(chunk, 0, n);
    } catch (java.net.SocketException e) {
      // connection reset after the answer: what was read is the answer
    }
    return buf.toString(StandardCharsets.ISO_8859_1);
  }

  @Override
  public void close() {
    server.close();
  }
}
