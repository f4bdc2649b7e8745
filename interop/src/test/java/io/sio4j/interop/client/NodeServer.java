package io.sio4j.interop.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.sio4j.testkit.NodeProcess;
import java.time.Duration;
import java.util.Map;

/** The official Node server (interop/node/node-server.mjs) as a test peer. */
final class NodeServer implements AutoCloseable {
  final NodeProcess node;
  final int port;

  private NodeServer(String config) {
    node = NodeProcess.start("node-server.mjs", config);
    port = node.await("listening").get("port").asInt();
  }

  static NodeServer start() {
    return new NodeServer("{}");
  }

  static NodeServer start(String config) {
    return new NodeServer(config);
  }

  String url(String nsp) {
    return "http://127.0.0.1:" + port + nsp;
  }

  JsonNode await(String type) {
    return node.await(type, Duration.ofSeconds(15));
  }

  JsonNode awaitEvent(String event) {
    return node.await(
        n -> n.path("type").asText().equals("event") && n.path("event").asText().equals(event),
        Duration.ofSeconds(15));
  }

  void command(String cmd, Object... keyValues) {
    java.util.Map<String, Object> c = new java.util.LinkedHashMap<>();
    c.put("cmd", cmd);
    for (int i = 0; i + 1 < keyValues.length; i += 2)
      c.put((String) keyValues[i], keyValues[i + 1]);
    node.send(c);
    node.await(
        n -> n.path("type").asText().equals("done") && n.path("cmd").asText().equals(cmd),
        Duration.ofSeconds(15));
  }

  static Map<String, Object> bin(byte[] data) {
    return Map.of("$bin", java.util.Base64.getEncoder().encodeToString(data));
  }

  @Override
  public void close() {
    node.close();
  }
}
