package io.sio4j.interop.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.sio4j.testkit.NodeProcess;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Drives interop/node/sio-client.mjs: named npm socket.io-client sockets against our server. Each
 * method sends one command; {@code await*} wait for the script's output lines.
 */
final class SioClient implements AutoCloseable {
  static final Duration TIMEOUT = Duration.ofSeconds(15);
  private final NodeProcess node;
  private int seq;

  SioClient(String baseUrl) {
    this("sio-client.mjs", baseUrl);
  }

  /** A peer run by another script with the same commands (e.g. {@code sio-client-v2.mjs}). */
  SioClient(String script, String baseUrl) {
    node = NodeProcess.start(script, baseUrl);
    node.await("ready", TIMEOUT);
  }

  SioClient connect(String id, String nsp, Map<String, Object> opts) {
    node.send(Map.of("cmd", "connect", "id", id, "nsp", nsp, "opts", opts));
    return this;
  }

  SioClient connect(String id, String nsp) {
    return connect(id, nsp, Map.of());
  }

  /** Connects and waits for the connect line. */
  JsonNode connected(String id, String nsp, Map<String, Object> opts) {
    connect(id, nsp, opts);
    return await("connect", id);
  }

  void emit(String id, String event, Object... args) {
    node.send(Map.of("cmd", "emit", "id", id, "event", event, "args", List.of(args)));
  }

  void emitVolatile(String id, String event, Object... args) {
    node.send(
        Map.of("cmd", "emit", "id", id, "event", event, "args", List.of(args), "volatile", true));
  }

  /** Emits with an ack; returns the sequence number to await with {@link #awaitAck}. */
  int emitWithAck(String id, String event, Integer timeoutMs, Object... args) {
    int s = ++seq;
    Map<String, Object> cmd = new HashMap<>();
    cmd.put("cmd", "emit");
    cmd.put("id", id);
    cmd.put("event", event);
    cmd.put("args", List.of(args));
    cmd.put("ack", true);
    cmd.put("seq", s);
    if (timeoutMs != null) cmd.put("timeout", timeoutMs);
    node.send(cmd);
    return s;
  }

  void command(String cmd, String id) {
    node.send(Map.of("cmd", cmd, "id", id));
  }

  void noAnswer(String id, String event) {
    node.send(Map.of("cmd", "no-answer", "id", id, "event", event));
  }

  JsonNode await(String type, String id) {
    return node.await(
        n -> type.equals(n.path("type").asText()) && id.equals(n.path("id").asText()), TIMEOUT);
  }

  JsonNode awaitEvent(String id, String event) {
    return node.await(
        n ->
            "event".equals(n.path("type").asText())
                && id.equals(n.path("id").asText())
                && event.equals(n.path("event").asText()),
        TIMEOUT);
  }

  JsonNode awaitAck(String id, int s) {
    return node.await(
        n ->
            (n.path("type").asText().startsWith("ack"))
                && id.equals(n.path("id").asText())
                && n.path("seq").asInt() == s,
        TIMEOUT);
  }

  /** Fails if a matching event line arrives within {@code d} (used after a sync point). */
  boolean sawEvent(String id, String event) {
    try {
      node.await(
          n ->
              "event".equals(n.path("type").asText())
                  && id.equals(n.path("id").asText())
                  && event.equals(n.path("event").asText()),
          Duration.ofMillis(1));
      return true;
    } catch (AssertionError e) {
      return false;
    }
  }

  NodeProcess node() {
    return node;
  }

  @Override
  public void close() {
    node.close();
  }
}
