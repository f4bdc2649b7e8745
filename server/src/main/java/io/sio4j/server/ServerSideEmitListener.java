package io.sio4j.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.function.Consumer;

/**
 * Receives an event that another server node of the cluster sent with {@code serverSideEmit}
 * (JavaScript: {@code io.on("event", (...args) => {})} on the namespace).
 *
 * <pre>{@code
 * io.sockets().onServerSideEmit("ping", (args, ack) -> {
 *   if (ack != null) ack.accept("pong from " + nodeName);
 * });
 * }</pre>
 *
 * <p>Threading: called on the cluster adapter's I/O thread; do not block it.
 */
@FunctionalInterface
public interface ServerSideEmitListener {

  /**
   * Handles one event.
   *
   * @param args the event's arguments (without the event name)
   * @param ack answers the sending node with one value (bound to JSON with the server's mapper), at
   *     most once; {@code null} when the sender asked for no answer
   */
  void onEvent(ArrayNode args, Consumer<Object> ack);
}
