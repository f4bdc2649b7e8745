package io.sio4j.protocol.event;

import java.io.Serializable;

/**
 * A listener with two arguments; a last parameter of type {@link Ack} receives the acknowledgement
 * callback.
 *
 * <pre>{@code
 * socket.on("order", (Order o, Ack ack) -> ack.send("ok"));
 * socket.on("move", (Integer x, Integer y) -> board.move(x, y));
 * }</pre>
 *
 * <p>{@link Serializable} only so that the declared parameter types can be read.
 *
 * @param <A> the first argument type
 * @param <B> the second argument type
 */
@FunctionalInterface
public interface Listener2<A, B> extends Serializable {
  /** Called with the first two arguments (null when missing). */
  void call(A a, B b);
}
