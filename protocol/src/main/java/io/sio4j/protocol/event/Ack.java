package io.sio4j.protocol.event;

/**
 * The acknowledgement callback of an event: declare it as the last listener parameter and call it
 * once with the reply arguments (any Jackson-serialisable values, {@code byte[]} as binary).
 *
 * <pre>{@code
 * socket.on("order", (Order o, Ack ack) -> ack.send("ok", o.id()));
 * }</pre>
 *
 * <p>When the sender asked for no acknowledgement the listener gets {@link #NONE}, which does
 * nothing. Implementations given by the server and client are thread-safe and send at most once.
 */
@FunctionalInterface
public interface Ack {
  /** The callback for events that asked for no acknowledgement: does nothing. */
  Ack NONE = args -> {};

  /** Sends the acknowledgement with these arguments. */
  void send(Object... args);
}
