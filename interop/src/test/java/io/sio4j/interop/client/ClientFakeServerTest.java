package io.sio4j.interop.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.sio4j.client.ConnectError;
import io.sio4j.client.IO;
import io.sio4j.client.Socket;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Misbehaving servers the official one would never be: a scripted polling server (the JDK's {@code
 * com.sun.net.httpserver}) that answers the n-th GET with whatever a test wants, or never.
 */
@ParameterizedClass
@EnumSource(TransportKind.class)
class ClientFakeServerTest {
  @Parameter TransportKind kind;

  private static final String HANDSHAKE =
      "0{\"sid\":\"fake\",\"upgrades\":[],\"pingInterval\":200,\"pingTimeout\":100,"
          + "\"maxPayload\":100000}";
  private static final String NEVER = "\u0000never";

  private HttpServer http;
  private Socket socket;

  @AfterEach
  void tearDown() {
    if (socket != null) socket.io().close();
    if (http != null) http.stop(0);
  }

  /** Starts a server answering GET number n (from 0) with {@code script.apply(n)}. */
  private String serve(Function<Integer, String> script) throws IOException {
    AtomicInteger gets = new AtomicInteger();
    http = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
    http.setExecutor(
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "fake-engine-server");
              t.setDaemon(true);
              return t;
            }));
    http.createContext(
        "/socket.io/",
        ex -> {
          if (ex.getRequestMethod().equals("POST")) {
            ex.getRequestBody().readAllBytes();
            reply(ex, 200, "ok");
            return;
          }
          String body = script.apply(gets.getAndIncrement());
          if (body.equals(NEVER)) return; // hold the request open, answer nothing
          int status = body.startsWith("HTTP ") ? Integer.parseInt(body.substring(5, 8)) : 200;
          reply(ex, status, status == 200 ? body : body.substring(9));
        });
    http.start();
    return "http://127.0.0.1:" + http.getAddress().getPort();
  }

  private static void reply(HttpExchange ex, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  private Socket connect(String url, List<String> events) {
    socket =
        IO.socket(
            url,
            kind.options()
                .forceNew(true)
                .transports("polling")
                .reconnection(false)
                .timeout(Duration.ofSeconds(5))
                .build());
    socket.on("connect_error", (ConnectError e) -> events.add("connect_error " + e.getMessage()));
    socket.on("disconnect", (String reason) -> events.add("disconnect " + reason));
    socket.io().on("error", (Throwable e) -> events.add("error " + e.getMessage()));
    socket.io().on("close", (String reason) -> events.add("close " + reason));
    return socket;
  }

  @Test
  void serverThatStopsPingingIsDetected() throws Exception {
    // handshake, namespace accepted, then every poll hangs: no PING ever comes
    String url = serve(n -> n == 0 ? HANDSHAKE : n == 1 ? "40{\"sid\":\"s1\"}" : NEVER);
    List<String> events = new CopyOnWriteArrayList<>();
    connect(url, events);
    await().until(socket::connected);
    // pingInterval 200 + pingTimeout 100: the client gives up on its own
    await().atMost(Duration.ofSeconds(5)).until(() -> events.contains("disconnect ping timeout"));
    assertThat(socket.io().isOpen()).isFalse();
  }

  @Test
  void errorStatusIsAPollError() throws Exception {
    String url = serve(n -> "HTTP 500 internal error");
    CompletableFuture<ConnectError> error = new CompletableFuture<>();
    connect(url, new CopyOnWriteArrayList<>())
        .on("connect_error", (ConnectError e) -> error.complete(e));
    ConnectError e = error.get(10, TimeUnit.SECONDS);
    assertThat(e.getMessage()).contains("xhr poll error", "HTTP 500");
  }

  @Test
  void garbageHandshakeIsRefused() throws Exception {
    for (String body : List.of("<html>hello</html>", "0not json", "0{\"sid\":42}", "4hello")) {
      String url = serve(n -> n == 0 ? body : NEVER);
      List<String> events = new CopyOnWriteArrayList<>();
      connect(url, events);
      await()
          .atMost(Duration.ofSeconds(3)) // well before the 5 s connection timeout
          .until(() -> events.stream().anyMatch(e -> e.startsWith("connect_error")));
      assertThat(socket.connected()).as(body).isFalse();
      socket.io().close();
      http.stop(0);
    }
  }

  @Test
  void invalidPayloadAfterTheHandshakeIsAParseError() throws Exception {
    String url = serve(n -> n == 0 ? HANDSHAKE : n == 1 ? "40{\"sid\":\"s1\"}" : "9\u001e\u001e");
    List<String> events = new CopyOnWriteArrayList<>();
    connect(url, events);
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> events.contains("disconnect transport error"));
    assertThat(events).anyMatch(e -> e.startsWith("error parse error"));
  }
}
