package io.sio4j.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

/**
 * The arguments a client passed to its acknowledgement callback, bound on demand to Java types.
 *
 * <pre>{@code
 * socket.timeout(Duration.ofSeconds(5))
 *     .emitWithAck("question", 42)
 *     .thenAccept(ack -> System.out.println(ack.get(0, String.class)));
 * }</pre>
 *
 * <p>Immutable; thread-safe.
 */
public final class AckResponse extends JsonArgs {
  private final String socketId;

  AckResponse(String socketId, ArrayNode args, ObjectMapper mapper) {
    super(args, mapper);
    this.socketId = socketId;
  }

  /** The id of the socket that answered. */
  public String socketId() {
    return socketId;
  }
}
