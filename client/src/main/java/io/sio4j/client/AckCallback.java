package io.sio4j.client;

import io.sio4j.protocol.event.Arguments;
import io.sio4j.protocol.event.SocketDisconnectedException;

/**
 * Receives the server's acknowledgement of an emit, or why none came: an {@link
 * AckTimeoutException} after the emit's timeout, a {@link SocketDisconnectedException} when the
 * socket disconnected first. Exactly one of the two arguments is non-null. Runs like any listener
 * (see {@link Socket}).
 *
 * <pre>{@code
 * socket.emit("hello", "world", (AckCallback) (ack, error) -> { ... });
 * socket.emit("hello", AckCallback.of(ack -> System.out.println(ack.get(0, String.class))));
 * }</pre>
 */
@FunctionalInterface
public interface AckCallback {
  /** Called once, with the response or the error. */
  void call(Arguments response, Throwable error);

  /** A callback for the response only; errors are ignored. */
  static AckCallback of(java.util.function.Consumer<Arguments> onResponse) {
    return (r, e) -> {
      if (e == null) onResponse.accept(r);
    };
  }
}
