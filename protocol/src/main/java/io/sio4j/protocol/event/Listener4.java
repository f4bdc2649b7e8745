package io.sio4j.protocol.event;

import java.io.Serializable;

/**
 * A listener with four arguments; a last parameter of type {@link Ack} receives the acknowledgement
 * callback.
 *
 * <pre>{@code
 * socket.on("draw", (Integer x, Integer y, String color, Ack ack) -> ack.send(canvas.draw(x, y, color)));
 * }</pre>
 *
 * <p>{@link Serializable} only so that the declared parameter types can be read.
 *
 * @param <A> the first argument type
 * @param <B> the second argument type
 * @param <C> the third argument type
 * @param <D> the fourth argument type
 */
@FunctionalInterface
public interface Listener4<A, B, C, D> extends Serializable {
  /** Called with the first four arguments (null when missing). */
  void call(A a, B b, C c, D d);
}
