package io.sio4j.protocol.event;

import java.io.Serializable;

/**
 * A listener with three arguments; a last parameter of type {@link Ack} receives the
 * acknowledgement callback.
 *
 * <pre>{@code
 * socket.on("rename", (String from, String to, Ack ack) -> ack.send(files.rename(from, to)));
 * }</pre>
 *
 * <p>{@link Serializable} only so that the declared parameter types can be read.
 *
 * @param <A> the first argument type
 * @param <B> the second argument type
 * @param <C> the third argument type
 */
@FunctionalInterface
public interface Listener3<A, B, C> extends Serializable {
  /** Called with the first three arguments (null when missing). */
  void call(A a, B b, C c);
}
