package io.sio4j.interop.examples;

import com.fasterxml.jackson.databind.JsonNode;
import io.sio4j.testkit.NodeProcess;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * npm socket.io-client sockets, driven through {@code interop/node/example-clients.mjs}: one Node
 * process, many sockets, each named by an id. Thread-safe (NodeProcess is).
 */
final class NodeClients implements AutoCloseable {
  static final Duration TIMEOUT = Duration.ofSeconds(15);

  private final NodeProcess node = NodeProcess.start("example-clients.mjs");
  private final String base;

  NodeClients(int port) {
    this.base = "http://127.0.0.1:" + port;
    node.await("ready", TIMEOUT);
  }

  /** Opens socket {@code id} on {@code namespace} with io() options. */
  void open(String id, String namespace, Map<String, Object> opts) {
    node.send(Map.of("op", "open", "id", id, "url", base + namespace, "opts", opts));
  }

  /** Opens socket {@code id} on the main namespace and waits for its connect. */
  JsonNode connect(String id) {
    open(id, "/", Map.of());
    return await(id, "connect");
  }

  void emit(String id, String event, Object... args) {
    node.send(Map.of("op", "emit", "id", id, "event", event, "args", List.of(args)));
  }

  void command(String op, String id) {
    node.send(Map.of("op", op, "id", id));
  }

  /**
   * Waits for the next line of {@code type} (connect, disconnect, connect_error, ...) of {@code
   * id}.
   */
  JsonNode await(String id, String type) {
    return node.await(
        n -> type.equals(n.path("type").asText()) && id.equals(n.path("id").asText()), TIMEOUT);
  }

  /** Waits for the next event {@code event} received by {@code id} and returns its arguments. */
  JsonNode event(String id, String event) {
    return node.await(
            n ->
                "event".equals(n.path("type").asText())
                    && id.equals(n.path("id").asText())
                    && event.equals(n.path("event").asText()),
            TIMEOUT)
        .path("args");
  }

  /** Waits for the next of these events received by {@code id}; returns the whole line. */
  JsonNode eventOf(String id, String... events) {
    List<String> names = List.of(events);
    return node.await(
        n ->
            "event".equals(n.path("type").asText())
                && id.equals(n.path("id").asText())
                && names.contains(n.path("event").asText()),
        TIMEOUT);
  }

  /** The first argument of the next event {@code event} received by {@code id}. */
  JsonNode arg(String id, String event) {
    return event(id, event).path(0);
  }

  @Override
  public void close() {
    node.close();
  }
}
