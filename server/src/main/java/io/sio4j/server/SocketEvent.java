package io.sio4j.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.sio4j.protocol.event.Arguments;
import io.sio4j.protocol.event.JsonBinding;

/**
 * An event with its name and arguments (without the acknowledgement callback), as seen by {@link
 * EventMiddleware}s and by the catch-all listeners ({@link Socket#onAny}, incoming, and {@link
 * Socket#onAnyOutgoing}, outgoing).
 *
 * <pre>{@code
 * socket.onAny(event -> log.info("{} {}", event.name(), event.json()));
 * }</pre>
 *
 * <p>Immutable; thread-safe.
 */
public final class SocketEvent extends Arguments {
  private final String name;
  private final boolean withAck;

  SocketEvent(String socketId, String name, ArrayNode args, boolean withAck, JsonBinding binding) {
    super(socketId, args, binding);
    this.name = name;
    this.withAck = withAck;
  }

  /** The event name. */
  public String name() {
    return name;
  }

  /** Whether an acknowledgement was asked for. */
  public boolean withAck() {
    return withAck;
  }

  @Override
  public String toString() {
    return name + json();
  }
}
