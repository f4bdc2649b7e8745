package io.sio4j.interop.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sio4j.testkit.NodeProcess;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Talks to a Node script of {@code interop/node} that answers tagged stdin commands (the mixed
 * cluster's {@code cluster-node.mjs}, {@code redis-emitter.mjs}): sends a command and awaits its
 * reply, and awaits what the script's npm clients receive.
 */
public final class NodeCommands {
  /** How long a reply or a client event may take. */
  public static final Duration WAIT = Duration.ofSeconds(15);

  private static final AtomicInteger TAGS = new AtomicInteger();

  private NodeCommands() {}

  /**
   * Sends command {@code cmd} with the given key, value pairs and returns its reply; fails when the
   * reply carries an error or does not come within {@link #WAIT}.
   */
  public static JsonNode command(NodeProcess node, String cmd, Object... keyValues) {
    Map<String, Object> c = new HashMap<>();
    c.put("cmd", cmd);
    String tag = "t" + TAGS.incrementAndGet();
    c.put("tag", tag);
    for (int i = 0; i < keyValues.length; i += 2) c.put((String) keyValues[i], keyValues[i + 1]);
    node.send(c);
    JsonNode reply =
        node.await(
            n -> "reply".equals(n.path("type").asText()) && tag.equals(n.path("tag").asText()),
            WAIT);
    assertThat(reply.has("error")).as("node error: %s", reply).isFalse();
    return reply;
  }

  /** The next {@code event} the npm client {@code name} receives, within {@link #WAIT}. */
  public static JsonNode clientEvent(NodeProcess node, String name, String event) {
    return clientEvent(node, name, event, WAIT);
  }

  /**
   * Whether the npm client {@code name} receives an {@code event} not yet read within 200 ms (call
   * it after a later event proved that everything sent before has arrived).
   */
  public static boolean unreadEvent(NodeProcess node, String name, String event) {
    try {
      clientEvent(node, name, event, Duration.ofMillis(200));
      return true;
    } catch (AssertionError timedOut) {
      return false;
    }
  }

  private static JsonNode clientEvent(
      NodeProcess node, String name, String event, Duration timeout) {
    return node.await(
        n ->
            "client-event".equals(n.path("type").asText())
                && name.equals(n.path("name").asText())
                && event.equals(n.path("event").asText()),
        timeout);
  }
}
