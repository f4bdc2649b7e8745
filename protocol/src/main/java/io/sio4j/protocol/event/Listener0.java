package io.sio4j.protocol.event;

import java.io.Serializable;

/**
 * A listener without arguments; any arguments the event carries are ignored.
 *
 * <pre>{@code
 * socket.on("ping", () -> System.out.println("ping"));
 * }</pre>
 *
 * <p>{@link Serializable} only so that the declared parameter types of a lambda can be read (see
 * the package documentation); listeners are never actually serialised.
 */
@FunctionalInterface
public interface Listener0 extends Serializable {
  /** Called with the event. */
  void call();
}
