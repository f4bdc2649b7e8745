package io.sio4j.protocol.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A listener that takes the event's arguments as Jackson trees, unbound (binary values are {@link
 * com.fasterxml.jackson.databind.node.BinaryNode}s).
 *
 * <pre>{@code
 * socket.onRaw("anything", (args, ack) -> ack.send(args.size()));
 * }</pre>
 */
@FunctionalInterface
public interface RawListener {
  /**
   * Called with the event.
   *
   * @param args the arguments after the event name, unmodifiable
   * @param ack the acknowledgement callback, {@link Ack#NONE} when none was asked
   */
  void call(List<JsonNode> args, Ack ack);
}
