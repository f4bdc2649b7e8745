package io.sio4j.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

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
public final class SocketEvent extends JsonArgs {
  private final String name;
  private final boolean withAck;

  SocketEvent(String name, ArrayNode args, boolean withAck, ObjectMapper mapper) {
    super(args, mapper);
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
