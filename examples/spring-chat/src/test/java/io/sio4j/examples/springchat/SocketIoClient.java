package io.sio4j.examples.springchat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sio4j.testkit.NodeProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The npm socket.io-client, driven through {@code interop/node/sio-client.mjs}, plus plain HTTP for
 * the REST and Actuator endpoints of the same port. Test helper; not thread-safe.
 */
final class SocketIoClient implements AutoCloseable {
  static final Duration TIMEOUT = Duration.ofSeconds(15);
  static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final NodeProcess node;
  private final String base;
  private final AtomicInteger seq = new AtomicInteger();

  SocketIoClient(int port) {
    this.base = "http://127.0.0.1:" + port;
    this.node = NodeProcess.start("sio-client.mjs", base);
    node.await("ready", TIMEOUT);
  }

  /** Connects socket {@code id} to {@code nsp} with these options; waits for nothing. */
  void connect(String id, String nsp, Map<String, Object> opts) {
    node.send(Map.of("cmd", "connect", "id", id, "nsp", nsp, "opts", opts));
  }

  /** Connects over WebSocket only and waits for {@code connect}. */
  JsonNode connected(String id) {
    connect(id, "/", Map.of("transports", List.of("websocket")));
    return await(id, "connect");
  }

  void emit(String id, String event, Object... args) {
    node.send(
        Map.of("cmd", "emit", "id", id, "event", event, "args", java.util.Arrays.asList(args)));
  }

  /** Emits with an acknowledgement and returns the answer's arguments. */
  JsonNode emitWithAck(String id, String event, Object... args) {
    int s = seq.incrementAndGet();
    node.send(
        Map.of(
            "cmd",
            "emit",
            "id",
            id,
            "event",
            event,
            "args",
            java.util.Arrays.asList(args),
            "ack",
            true,
            "seq",
            s));
    return node.await(
            j -> j.path("type").asText().equals("ack") && j.path("seq").asInt() == s, TIMEOUT)
        .path("args");
  }

  /** The next line of {@code type} for socket {@code id}. */
  JsonNode await(String id, String type) {
    return node.await(
        j -> j.path("type").asText().equals(type) && j.path("id").asText().equals(id), TIMEOUT);
  }

  /** The first argument of the next {@code event} that socket {@code id} receives. */
  JsonNode event(String id, String event) {
    return node.await(
            j ->
                j.path("type").asText().equals("event")
                    && j.path("id").asText().equals(id)
                    && j.path("event").asText().equals(event),
            TIMEOUT)
        .path("args")
        .path(0);
  }

  /** GET on the application's port: the status and the body. */
  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  String stderr() {
    return node.stderr();
  }

  @Override
  public void close() {
    node.close();
  }
}
